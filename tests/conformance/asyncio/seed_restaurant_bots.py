# conformance: stamp
# Slides: one LoopBot greets, waits tables, cooks and runs the bar by switching at awaits.
import asyncio

COOK_TIME = 3.0
POUR_TIME = 0.5

async def greet(diner):
    print(f"greet {diner}")
    await asyncio.sleep(0.2)
    print(f"seated {diner}")

async def take_order(diner):
    await asyncio.sleep(0.5)
    print(f"order taken from {diner}")
    return f"meal for {diner}"

async def cook(order):
    print(f"cooking {order}")
    await asyncio.sleep(COOK_TIME)
    print(f"ready: {order}")
    return order

async def pour(diner):
    await asyncio.sleep(POUR_TIME)
    print(f"wine poured for {diner}")

async def serve(diner):
    await greet(diner)
    order = await take_order(diner)
    meal, _ = await asyncio.gather(cook(order), pour(diner))
    print(f"served {meal}")

async def main():
    await asyncio.gather(*(serve(d) for d in ["Ann", "Ben", "Cleo"]))
    print("restaurant closed")

asyncio.run(main())
