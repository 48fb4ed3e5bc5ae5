# conformance: stamp
# Done callbacks run via call_soon, in registration order, after the task's waiters.
import asyncio

def make_cb(label):
    def cb(fut):
        print("callback", label, "result", fut.result(), "at", asyncio.get_running_loop().time())
    return cb

async def job():
    await asyncio.sleep(1)
    return 7

async def main():
    t = asyncio.create_task(job())
    for label in "abc":
        t.add_done_callback(make_cb(label))
    async def awaiter():
        r = await t
        print("awaiter got", r)
    w = asyncio.create_task(awaiter())
    await w
    t.add_done_callback(make_cb("late"))
    print("late callback registered")
    await asyncio.sleep(0)
    print("after one iteration")
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("future cb 1"))
    fut.add_done_callback(lambda f: print("future cb 2"))
    fut.set_result(None)
    print("set_result returned; callbacks not yet run")
    await asyncio.sleep(0)

asyncio.run(main())
