# Every Future method: result exception done cancelled cancel set_result set_exception
# add/remove_done_callback get_loop, and InvalidStateError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    def cb(fut):
        print("callback sees done =", fut.done())
    f.add_done_callback(cb)
    f.add_done_callback(cb)
    print("removed", f.remove_done_callback(cb))
    f.set_result(5)
    print("result", f.result(), "exception", f.exception())
    try:
        f.set_result(6)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print("cancel after done:", f.cancel())
    await asyncio.sleep(0)
    g = loop.create_future()
    print("cancel pending:", g.cancel("because"), g.cancelled(), g.done())
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    h = loop.create_future()
    h.set_exception(ValueError("v"))
    print(repr(h.exception()))
    try:
        h.set_exception(StopIteration())
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    k = loop.create_future()
    try:
        k.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    k.cancel()
    print(asyncio.isfuture(k), asyncio.isfuture(5))

asyncio.run(main())
