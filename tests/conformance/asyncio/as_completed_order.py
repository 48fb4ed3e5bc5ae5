# conformance: stamp
# as_completed yields in completion order; with a timeout it raises TimeoutError.
import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    for fut in asyncio.as_completed([job("c", 3), job("a", 1), job("b", 2)]):
        print("completed", await fut, "at", asyncio.get_running_loop().time())
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 1), ("y", 5)]]
    try:
        for fut in asyncio.as_completed(tasks, timeout=2):
            print("got", await fut)
    except asyncio.TimeoutError:
        print("as_completed timed out at", asyncio.get_running_loop().time())
    print("y still pending:", not tasks[1].done())
    tasks[1].cancel()

asyncio.run(main())
