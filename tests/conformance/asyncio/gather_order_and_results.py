# conformance: stamp
# gather: results in argument order, duplicates, empty gather, mixing tasks and coroutines.
import asyncio

async def job(name, d):
    print("start", name)
    await asyncio.sleep(d)
    print("end", name)
    return name

async def main():
    print(await asyncio.gather(job("slow", 3), job("fast", 1), job("mid", 2)))
    t = asyncio.create_task(job("task", 0.5))
    c = job("dup", 0.5)
    print(await asyncio.gather(t, c, t, c))
    print(await asyncio.gather())
    g = asyncio.gather(job("x", 1), job("y", 1))
    print(type(g).__name__, g.done())
    print(await g, g.done())

asyncio.run(main())
