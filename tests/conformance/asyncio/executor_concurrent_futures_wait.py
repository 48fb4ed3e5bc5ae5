# conformance: stamp
# Threads without asyncio: concurrent.futures.as_completed / wait / result(timeout)
# on a ThreadPoolExecutor, all on the virtual clock.
import concurrent.futures as cf
import time

def job(i):
    time.sleep(3 - i)
    return i

with cf.ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(job, i) for i in range(3)]
    for f in cf.as_completed(fs):
        print("done", f.result(), "at", time.monotonic())
    done, pending = cf.wait([ex.submit(job, 0), ex.submit(job, 2)], return_when=cf.FIRST_COMPLETED)
    print(len(done), "done,", len(pending), "pending at", time.monotonic())
    slow = ex.submit(job, 0)
    try:
        slow.result(timeout=1)
    except cf.TimeoutError:
        print("result(timeout=1) timed out at", time.monotonic())
    print("slow result", slow.result(), "at", time.monotonic())
    print(list(ex.map(job, [2, 1])), "at", time.monotonic())
print("pool closed at", time.monotonic())
