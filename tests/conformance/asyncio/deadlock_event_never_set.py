# conformance: stamp
# Every task waits on an Event nobody sets: deadlock (exit 3, tasks named in creation order).
import asyncio

async def waiter(ev, name):
    print(name, "waits")
    await ev.wait()

async def main():
    ev = asyncio.Event()
    await asyncio.sleep(1)
    workers = [asyncio.create_task(waiter(ev, f"w{i}"), name=f"worker-{i}") for i in range(2)]
    await asyncio.gather(*workers)
    print("never printed")

asyncio.run(main())
