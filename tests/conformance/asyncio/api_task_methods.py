# conformance: stamp
# Task methods: get_name set_name get_coro get_loop done result exception cancel(msg)
# cancelled cancelling uncancel.
import asyncio

async def worker(d):
    await asyncio.sleep(d)
    return d

async def main():
    t = asyncio.create_task(worker(1))
    print(t.get_name(), t.get_coro().__name__, t.get_loop() is asyncio.get_running_loop())
    t.set_name("renamed")
    print(t.get_name(), t.done(), t.cancelling())
    print("await ->", await t, t.done(), t.result(), t.exception())
    c = asyncio.create_task(worker(5), name="victim")
    await asyncio.sleep(0)
    print("cancel ->", c.cancel("stop now"), "cancelling", c.cancelling())
    print("second cancel ->", c.cancel(), "cancelling", c.cancelling())
    try:
        await c
    except asyncio.CancelledError as e:
        print("CancelledError args", e.args)
    print(c.cancelled(), c.done(), c.cancel())
    try:
        c.exception()
    except asyncio.CancelledError:
        print("exception() on a cancelled task raises CancelledError")
    me = asyncio.current_task()
    print("uncancel on an uncancelled task:", me.uncancel(), me.cancelling())
    t3 = asyncio.create_task(worker(0), name=42)
    print(repr(t3.get_name()))
    await t3

asyncio.run(main())
