# conformance: stamp
# loop.create_future: set_result from a timer callback wakes the awaiting coroutine.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("pending:", fut.done(), fut.cancelled())
    loop.call_later(1.5, fut.set_result, "value from timer")
    print("awaiting...")
    value = await fut
    print("got", value, "at", loop.time(), fut.done(), fut.result())
    fut2 = loop.create_future()
    loop.call_soon(fut2.set_exception, KeyError("bad"))
    try:
        await fut2
    except KeyError as e:
        print("KeyError from future:", e, fut2.exception() is not None)
    print(fut.get_loop() is loop)

asyncio.run(main())
