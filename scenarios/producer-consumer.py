"""Producer and consumers: a queue with a maximum size
Lesson: Synchronisation

A producer makes ITEMS items and puts them on an asyncio.Queue; CONSUMERS workers
take them off and process them. The queue holds at most QUEUE_SIZE items: when it
is full, put() makes the producer wait until a consumer has taken something. That
is back-pressure, and it keeps a fast producer from piling up unbounded work.

Each consumer calls task_done() for every item, and queue.join() waits until
every item put has been processed. Then the consumers, idle in get() for ever,
are cancelled. Make the producer faster than the consumers and watch it stall.
"""
import asyncio
import time

ITEMS = 8  # @param 1..30 step 1 items the producer makes
QUEUE_SIZE = 2  # @param 1..10 step 1 most items the queue holds
CONSUMERS = 2  # @param 1..5 step 1 consumer tasks
PRODUCE_TIME = 0.5  # @param 0.1..3 step 0.1 seconds to make one item
CONSUME_TIME = 2.0  # @param 0.1..5 step 0.1 seconds to process one item


async def producer(queue):
    for number in range(1, ITEMS + 1):
        await asyncio.sleep(PRODUCE_TIME)
        if queue.full():
            print(f"producer: queue full, item {number} has to wait")  # @note Back-pressure: the producer is held up by slow consumers.
        await queue.put(number)  # @note put() waits while the queue is full.
        print(f"producer: put item {number} ({queue.qsize()} in queue)")
    print("producer: all items made")


async def consumer(name, queue):
    while True:
        number = await queue.get()  # @note An idle consumer waits here until an item arrives.
        print(f"{name}: processing item {number}")
        await asyncio.sleep(CONSUME_TIME)
        print(f"{name}: item {number} done")
        queue.task_done()  # @note Every get() is matched by a task_done(), so join() can count.


async def main():
    queue = asyncio.Queue(maxsize=QUEUE_SIZE)
    start = time.perf_counter()
    consumers = [asyncio.create_task(consumer(f"consumer {n}", queue)) for n in range(1, CONSUMERS + 1)]
    await producer(queue)
    await queue.join()  # @note join() returns when every item put has been marked done.
    print(f"all {ITEMS} items processed in {time.perf_counter() - start:.1f} s")
    for task in consumers:
        task.cancel()  # @note The consumers would wait for ever; cancelling them is how they stop.
    await asyncio.gather(*consumers, return_exceptions=True)
    print("consumers stopped")


asyncio.run(main())
