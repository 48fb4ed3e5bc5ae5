# conformance: stamp
# sleep(0) round-robin: every task advances one step per loop iteration, in order.
import asyncio

async def spinner(i, steps, log):
    for s in range(steps):
        log.append((s, i))
        await asyncio.sleep(0)

async def main():
    log = []
    await asyncio.gather(*(spinner(i, 3, log) for i in range(5)))
    print(log)
    print(log == sorted(log))

asyncio.run(main())
