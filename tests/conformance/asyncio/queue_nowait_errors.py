# put_nowait / get_nowait and QueueEmpty / QueueFull; task_done too many times.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", q.qsize())
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    unbounded = asyncio.Queue()
    for i in range(5):
        unbounded.put_nowait(i)
    print(unbounded.qsize(), unbounded.full(), [unbounded.get_nowait() for _ in range(5)])
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))

asyncio.run(main())
