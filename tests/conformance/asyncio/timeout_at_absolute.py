# conformance: stamp
# asyncio.timeout_at with an absolute loop time; nested timeouts, the inner one firing.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.5
    try:
        async with asyncio.timeout_at(deadline):
            for i in range(5):
                await asyncio.sleep(0.5)
                print("step", i, "at", loop.time())
    except TimeoutError:
        print("timeout_at fired at", loop.time())
    try:
        async with asyncio.timeout(10):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(2)
            except TimeoutError:
                print("inner timeout at", loop.time())
            await asyncio.sleep(1)
            print("outer block continues at", loop.time())
    except TimeoutError:
        print("outer should not fire")
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("past deadline fires at the first await, at", loop.time())

asyncio.run(main())
