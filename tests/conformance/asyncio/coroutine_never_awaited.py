# conformance: no-stderr
# A coroutine that is created but never awaited: its body never runs (stderr gets a
# RuntimeWarning, which is not compared here).
import asyncio

async def side_effect(name):
    print("side effect", name)

async def main():
    side_effect("forgotten")
    print("after calling without await")
    await side_effect("awaited")
    c = side_effect("closed explicitly")
    c.close()
    print("done")

asyncio.run(main())
