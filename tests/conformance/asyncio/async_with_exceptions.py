# conformance: stamp
# async with: __aexit__ receives the exception, may suppress it, and may await.
import asyncio

class Session:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0.5)
        return self.name
    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.5)
        return self.suppress

async def main():
    async with Session("a") as a, Session("b") as b:
        print("inside", a, b)
    async with Session("quiet", suppress=True):
        raise KeyError("suppressed")
    print("continued at", asyncio.get_running_loop().time())
    try:
        async with Session("loud"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    try:
        async with Session("cancelled"):
            asyncio.current_task().cancel()
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancellation passed through __aexit__")

asyncio.run(main())
