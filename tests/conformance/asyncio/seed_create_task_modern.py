# conformance: stamp
# Slides 3-14: create tasks from inside a coroutine with asyncio.create_task.
import asyncio

async def other(i):
    print("other", i, "starts")
    await asyncio.sleep(i * 0.5)
    print("other", i, "ends")
    return i * i

async def f():
    tasks = []
    for i in range(4):
        tasks.append(asyncio.create_task(other(i)))
    print("created", len(tasks), "tasks; none has run yet")
    await asyncio.sleep(0)
    print("after one yield")
    for t in tasks:
        print(t.get_name(), await t)

asyncio.run(f())
