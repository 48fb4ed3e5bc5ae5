"""The restaurant: LoopBot alone versus four bots sharing one loop
Lesson: Async basics

A restaurant has four jobs: greet diners at the front desk, wait tables and take
orders, cook, and pour the wine. First LoopBot does every job alone, one diner
after another, standing idle in front of the oven while a meal cooks. Then
GreetBot, WaitBot, ChefBot and WineBot share the same single event loop: each one
hands the diner to the next bot through a queue, and whenever a bot is waiting the
loop gives the turn to another. ChefBot does not stand by the oven either: it puts
a meal in and goes back to the kitchen queue while the meal cooks.

Watch the timeline: no bot works any faster, the diners are the same, yet the team
serves them in far less time, because their waiting overlaps. That is the whole
trick of asyncio: one thread, and the waiting time filled with other work.
"""
import asyncio
import time

DINERS = 4  # @param 1..10 step 1 diners arriving at the restaurant
GREET_TIME = 0.5  # @param 0.1..3 step 0.1 seconds to greet and seat a diner
ORDER_TIME = 1.0  # @param 0.1..3 step 0.1 seconds to take an order
COOK_TIME = 3.0  # @param 0.5..10 step 0.5 seconds the chef needs per meal
WINE_TIME = 1.0  # @param 0.1..3 step 0.1 seconds to pour the wine

NAMES = ["Ada", "Ben", "Cleo", "Dev", "Eve", "Finn", "Gus", "Hana", "Ivo", "Jo"]


async def work(bot, action, diner, seconds):
    print(f"{bot}: {action} {diner}")
    await asyncio.sleep(seconds)  # @note The bot is waiting now, so the loop may run another bot.


async def loopbot(diners):
    for diner in diners:
        await work("LoopBot", "greets", diner, GREET_TIME)
        await work("LoopBot", "takes the order of", diner, ORDER_TIME)
        await work("LoopBot", "cooks for", diner, COOK_TIME)  # @note LoopBot waits by the oven and nobody else is served.
        await work("LoopBot", "pours wine for", diner, WINE_TIME)


async def station(bot, action, seconds, inbox, outboxes):
    diner = await inbox.get()  # @note An idle bot waits on its queue for the next diner.
    while diner is not None:
        await work(bot, action, diner, seconds)
        for box in outboxes:
            box.put_nowait(diner)  # @note The diner moves on to the next bot's queue.
        diner = await inbox.get()
    for box in outboxes:
        box.put_nowait(None)


async def cook(diner):
    await asyncio.sleep(COOK_TIME)
    print(f"ChefBot: serves the meal of {diner}")


async def chefbot(kitchen):
    meals = []
    diner = await kitchen.get()
    while diner is not None:
        print(f"ChefBot: puts the meal of {diner} in the oven")
        meals.append(asyncio.create_task(cook(diner)))  # @note The oven cooks on its own while ChefBot takes the next order.
        diner = await kitchen.get()
    await asyncio.gather(*meals)


async def team(diners):
    door, tables, kitchen, bar = (asyncio.Queue() for _ in range(4))
    for diner in diners:
        door.put_nowait(diner)
    door.put_nowait(None)
    await asyncio.gather(  # @note Four bots, one thread: they take turns whenever one waits.
        station("GreetBot", "greets", GREET_TIME, door, [tables]),
        station("WaitBot", "takes the order of", ORDER_TIME, tables, [kitchen, bar]),
        chefbot(kitchen),
        station("WineBot", "pours wine for", WINE_TIME, bar, []),
    )


async def main():
    diners = NAMES[:DINERS]
    print(f"Tonight's diners: {', '.join(diners)}")

    print("--- LoopBot does every job alone ---")
    start = time.perf_counter()
    await loopbot(diners)
    alone = time.perf_counter() - start
    print(f"LoopBot served {DINERS} diners in {alone:.1f} s")

    print("--- GreetBot, WaitBot, ChefBot and WineBot share one loop ---")
    start = time.perf_counter()
    await team(diners)
    together = time.perf_counter() - start
    print(f"The four bots served {DINERS} diners in {together:.1f} s")

    print(f"Same diners, same jobs: {alone / together:.1f} times sooner")  # @note Nothing got faster; the waiting overlapped.


asyncio.run(main())
