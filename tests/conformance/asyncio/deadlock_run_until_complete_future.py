# run_until_complete on a future that nothing will ever complete: deadlock with no tasks.
import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
print("waiting for a future nobody sets")
loop.run_until_complete(fut)
