import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cancelled at timeout")
        await asyncio.sleep(0.5)
        print("slow cleanup done")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=1)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
