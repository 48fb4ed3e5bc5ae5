"""Threads versus tasks: what each one costs, where each one switches
Lesson: Blocking and threads

Threads are provided by the operating system: each needs its own stack, so a
server keeps a limited pool of them, and a pool of THREADS threads can only wait
on THREADS things at once. Tasks are small objects on one thread: thousands can
wait at the same time. That is the first half: JOBS jobs that each wait.

The second half is about switching. The OS may preempt a thread between any two
steps, even in the middle of counter = counter + 1 (a tiny sleep makes it happen
here, as it can happen for real), so threads lose updates unless they lock. A task
is only ever switched at an await: with no await inside the update, none is lost.
"""
import asyncio
import time

JOBS = 40  # @param 1..200 step 1 jobs that each wait for something
THREADS = 8  # @param 1..50 step 1 threads in the pool
WAIT_TIME = 1.0  # @param 0.1..2 step 0.1 seconds each job waits
INCREMENTS = 5


class Counter:
    def __init__(self):
        self.value = 0


def blocking_job():
    time.sleep(WAIT_TIME)  # @note A waiting thread occupies one of the pool's threads the whole time.


async def async_job():
    await asyncio.sleep(WAIT_TIME)  # @note A waiting task occupies nothing but its own small frame.


async def with_thread_pool():
    pool = asyncio.Semaphore(THREADS)

    async def submit():
        async with pool:  # @note A job needs one of the pool's threads; while all are busy it queues here.
            await asyncio.to_thread(blocking_job)

    start = time.perf_counter()
    await asyncio.gather(*(submit() for _ in range(JOBS)))
    print(f"{JOBS} jobs on {THREADS} thread(s): {time.perf_counter() - start:.1f} s")


async def with_tasks():
    start = time.perf_counter()
    await asyncio.gather(*(async_job() for _ in range(JOBS)))
    print(f"{JOBS} jobs as tasks on one thread: {time.perf_counter() - start:.1f} s")


def thread_adds(counter):
    for _ in range(INCREMENTS):
        current = counter.value
        time.sleep(0.001)  # @note The OS switches threads here, between the read and the write.
        counter.value = current + 1


async def task_adds(counter):
    for _ in range(INCREMENTS):
        current = counter.value
        counter.value = current + 1  # @note No await between read and write: a task cannot be switched here.
        await asyncio.sleep(0.001)


async def count_with(title, adds, counter):
    await asyncio.gather(*adds)
    expected = THREADS * INCREMENTS
    print(f"{title}: counter {counter.value}, expected {expected}, lost {expected - counter.value}")


async def main():
    print("--- waiting: a pool of threads versus tasks ---")
    await with_thread_pool()
    await with_tasks()
    print(f"--- switching: {THREADS} workers adding {INCREMENTS} each ---")
    counter = Counter()
    await count_with("threads", [asyncio.to_thread(thread_adds, counter) for _ in range(THREADS)], counter)
    counter = Counter()
    await count_with("tasks", [task_adds(counter) for _ in range(THREADS)], counter)


asyncio.run(main())
