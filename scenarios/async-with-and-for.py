"""async with, async for and async generators
Lesson: Coroutines and the event loop

Some objects need to wait while they are set up or torn down: opening a
connection, closing a session. async with calls their __aenter__ and __aexit__
and awaits both. Some data arrives piece by piece over time: async for calls
__anext__ and awaits each item. An async generator, an async def with yield in
it, is the short way to write such an iterator.

Watch the connection open before the first item and close after the last, even
when an error leaves the block early.
"""
import asyncio

ITEMS = 4  # @param 1..20 step 1 items the reader produces
LATENCY = 0.5  # @param 0.1..2 step 0.1 seconds of network latency per step
FAIL_AT = 3  # @param 1..20 step 1 item at which the second reading fails


class RemoteResource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: connecting...")
        await asyncio.sleep(LATENCY)  # @note __aenter__ may await: opening a connection takes time.
        print(f"{self.name}: connected")
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        print(f"{self.name}: closing ({'after an error' if exc_type else 'normally'})")
        await asyncio.sleep(LATENCY)  # @note __aexit__ runs even when the block raised.
        print(f"{self.name}: closed")
        return False


class Reader:
    def __init__(self, count):
        self.next_item = 0
        self.count = count

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.next_item == self.count:
            raise StopAsyncIteration  # @note StopAsyncIteration ends the async for loop.
        self.next_item += 1
        await asyncio.sleep(LATENCY)  # @note Each item is awaited: other tasks run while it arrives.
        return f"item {self.next_item}"


async def grains(count):
    for number in range(1, count + 1):
        await asyncio.sleep(LATENCY)
        yield f"grain {number}"  # @note An async generator: await and yield in one function.


async def main():
    async with RemoteResource("store") as store:
        async for item in Reader(ITEMS):
            print(f"{store.name} read {item}")
    sizes = [len(grain) async for grain in grains(ITEMS)]  # @note An async comprehension collects an async generator.
    print(f"grain name lengths: {sizes}")
    try:
        async with RemoteResource("flaky"):
            async for grain in grains(ITEMS):
                print(f"flaky read {grain}")
                if grain == f"grain {FAIL_AT}":
                    raise ConnectionError(f"lost the connection at {grain}")
    except ConnectionError as error:
        print(f"error: {error}")


asyncio.run(main())
