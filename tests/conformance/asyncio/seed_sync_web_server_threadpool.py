# conformance: stamp
# Course page: a classic multi-threaded server handles each request on a pool thread;
# the pool size limits how many blocking requests run at once.
import concurrent.futures
import threading
import time

def handle(request_id, work):
    name = threading.current_thread().name
    print(f"request {request_id} on {name} at {time.monotonic():.1f}")
    time.sleep(work)
    print(f"request {request_id} answered at {time.monotonic():.1f}")
    return request_id * 10

with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="srv") as pool:
    futures = [pool.submit(handle, i, 1 + i % 3) for i in range(7)]
    print("all submitted at", time.monotonic())
    print("first result", futures[0].result(), "at", time.monotonic())
print("results", [f.result() for f in futures])
print("server stopped at", time.monotonic())
