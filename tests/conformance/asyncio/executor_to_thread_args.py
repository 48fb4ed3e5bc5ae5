# conformance: stamp
# asyncio.to_thread passes args and kwargs; exceptions come back to the awaiting task.
import asyncio
import time

def compute(a, b, *, scale=1, fail=False):
    time.sleep(0.5)
    if fail:
        raise ArithmeticError(f"cannot compute {a}, {b}")
    return (a + b) * scale

async def main():
    print(await asyncio.to_thread(compute, 1, 2))
    print(await asyncio.to_thread(compute, 1, 2, scale=10))
    try:
        await asyncio.to_thread(compute, 3, 4, fail=True)
    except ArithmeticError as e:
        print("ArithmeticError:", e, "at", asyncio.get_running_loop().time())
    results = await asyncio.gather(*(asyncio.to_thread(compute, i, i) for i in range(4)))
    print(results, "at", asyncio.get_running_loop().time())

asyncio.run(main())
