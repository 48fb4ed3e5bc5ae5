# conformance: stamp
# concurrent.futures beyond the happy path: exceptions through result()/exception(),
# cancel() of a queued job, wait(FIRST_EXCEPTION / timeout), done callbacks, the default
# thread names, and run_in_executor(pool) failing into the awaiting task.
import asyncio
import concurrent.futures as cf
import threading
import time

def job(n, fail=False):
    time.sleep(n)
    if fail:
        raise ValueError(f"job {n} failed on {threading.current_thread().name}")
    return n * 10

with cf.ThreadPoolExecutor(max_workers=1) as ex:
    first = ex.submit(job, 1, fail=True)
    queued = ex.submit(job, 2)
    print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
    first.add_done_callback(lambda f: print("callback: done", f.done(), "at", time.monotonic()))
    print("exception:", first.exception(), "at", time.monotonic())
    try:
        first.result()
    except ValueError as e:
        print("result raised", e)
    try:
        queued.result()
    except cf.CancelledError:
        print("queued was cancelled")

with cf.ThreadPoolExecutor() as ex:
    fs = [ex.submit(job, 3), ex.submit(job, 1, fail=True), ex.submit(job, 2)]
    done, pending = cf.wait(fs, return_when=cf.FIRST_EXCEPTION)
    print(len(done), "done,", len(pending), "pending at", time.monotonic())
    done, pending = cf.wait(fs, timeout=0.5)
    print(len(done), "done,", len(pending), "pending at", time.monotonic())
    try:
        for f in cf.as_completed(fs, timeout=0.25):
            print("completed", f.exception() or f.result())
    except cf.TimeoutError as e:
        print("as_completed:", e, "at", time.monotonic())
    print(fs[0].result(), fs[2].running(), "at", time.monotonic())
    print(threading.current_thread().name)

async def main():
    loop = asyncio.get_running_loop()
    with cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix="io") as pool:
        try:
            await loop.run_in_executor(pool, job, 0.5, True)
        except ValueError as e:
            print("awaited:", e, "at", loop.time())
        print(await asyncio.gather(*(loop.run_in_executor(pool, job, d) for d in (1, 0.5, 0.25))),
              "at", loop.time())

asyncio.run(main())
