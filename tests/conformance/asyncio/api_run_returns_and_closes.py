# conformance: stamp
# asyncio.run: return value, a fresh loop each time, exception propagation.
import asyncio

async def answer(x):
    await asyncio.sleep(0.5)
    return x * 2

print(asyncio.run(answer(21)))
loops = []
async def capture():
    loops.append(asyncio.get_running_loop())
asyncio.run(capture())
asyncio.run(capture())
print("new loop each run:", loops[0] is not loops[1], loops[0].is_closed())

async def fail():
    await asyncio.sleep(1)
    raise ValueError("from inside run")
try:
    asyncio.run(fail())
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.run(answer)
except ValueError as e:
    print("ValueError:", str(e).split(" got ")[0])
async def nested():
    coro = answer(1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        coro.close()
asyncio.run(nested())
