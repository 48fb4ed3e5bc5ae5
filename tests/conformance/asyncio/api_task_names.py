# Task names: Task-N numbering by creation (including tasks made by gather/wait_for),
# explicit names, set_name.
import asyncio

async def noop():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="bee")
    c = asyncio.ensure_future(noop())
    print(a.get_name(), b.get_name(), c.get_name())
    print(await asyncio.gather(noop(), noop(), a, b, c))
    print(await asyncio.wait_for(noop(), 5))
    d = asyncio.get_running_loop().create_task(noop())
    print(d.get_name(), await d)
    d.set_name("dee")
    print(d.get_name())

asyncio.run(main())
asyncio.run(main())
