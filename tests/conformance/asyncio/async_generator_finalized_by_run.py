# conformance: stamp
# Async generators left suspended are closed by asyncio.run's shutdown_asyncgens
# (in first-iteration order), after leftover tasks are cancelled.
import asyncio

async def stream(name):
    try:
        i = 0
        while True:
            yield f"{name}{i}"
            i += 1
            await asyncio.sleep(1)
    finally:
        print("closing", name, "at", asyncio.get_running_loop().time())

keep = []

async def leftover():
    try:
        await asyncio.sleep(100)
    finally:
        print("leftover task cancelled")

async def main():
    for name in ["a", "b", "c"]:
        g = stream(name)
        keep.append(g)
        print(await g.__anext__())
    print(await keep[1].__anext__())
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    print("main returns")

asyncio.run(main())
print("after run")
