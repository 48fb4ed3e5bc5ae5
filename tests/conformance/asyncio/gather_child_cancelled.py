# conformance: stamp
# A child of gather cancelled from outside: gather raises CancelledError (without
# return_exceptions) while the other children continue.
import asyncio

async def child(name, d):
    await asyncio.sleep(d)
    print(name, "done at", asyncio.get_running_loop().time())
    return name

async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 3))
    asyncio.get_running_loop().call_later(2, b.cancel)
    c = asyncio.create_task(child("c", 4))
    try:
        print(await asyncio.gather(a, b, c))
    except asyncio.CancelledError:
        print("gather raised CancelledError at", asyncio.get_running_loop().time())
    print("c done?", c.done())
    print(await c)

asyncio.run(main())
