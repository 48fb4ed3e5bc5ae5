# conformance: stamp
# Event: every waiter wakes when set (in waiting order); clear; wait on a set event.
import asyncio

async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "woke at", asyncio.get_running_loop().time())

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1)
    print("is_set?", ev.is_set())
    ev.set()
    print("set; is_set?", ev.is_set())
    await asyncio.gather(*tasks)
    print(await ev.wait())
    ev.clear()
    late = asyncio.create_task(waiter(ev, "late"))
    asyncio.get_running_loop().call_later(2, ev.set)
    await late

asyncio.run(main())
