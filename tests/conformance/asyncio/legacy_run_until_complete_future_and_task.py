# conformance: stamp
# run_until_complete accepts futures and tasks; loop.create_task; run_forever re-entry error.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d * 10

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
fut = loop.create_future()
loop.call_later(1, fut.set_result, "future done")
print(loop.run_until_complete(fut), loop.time())
task = loop.create_task(job(2))
print(task.get_name(), loop.run_until_complete(task), loop.time())
print(loop.run_until_complete(asyncio.gather(job(1), job(0.5))))

inner = job(1)
async def reenter():
    try:
        loop.run_until_complete(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)
loop.run_until_complete(reenter())
inner.close()
loop.close()
