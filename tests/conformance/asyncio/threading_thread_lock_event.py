# conformance: stamp
# threading.Thread / Lock / Event on virtual workers: a thread that sleeps holding a lock
# makes the others wait; join() and Event.wait() block the main thread on the virtual clock.
import threading
import time

lock = threading.Lock()
ready = threading.Event()
log = []

def worker(n, delay):
    print(threading.current_thread().name, "wants the lock at", time.monotonic())
    with lock:
        print(threading.current_thread().name, "holds the lock at", time.monotonic())
        time.sleep(delay)
        log.append(n)
    if n == 2:
        ready.set()

threads = [threading.Thread(target=worker, args=(i, 1 + i), name=f"w{i}") for i in range(3)]
for t in threads:
    t.start()
print("started; alive:", [t.is_alive() for t in threads], "at", time.monotonic())
print("event set?", ready.wait(timeout=2), "at", time.monotonic())
print("event set?", ready.wait(), "at", time.monotonic())
for t in threads:
    t.join()
print("log", log, "alive:", [t.is_alive() for t in threads], "at", time.monotonic())
print(threading.current_thread().name, threading.main_thread().name, lock.locked())
anon = threading.Thread(target=worker, args=(9, 0.5))
anon.start()
anon.join(timeout=0.25)
print(anon.name, "alive after join(0.25):", anon.is_alive(), "at", time.monotonic())
anon.join()
print("acquire(timeout=0)", lock.acquire(timeout=0), lock.acquire(blocking=False), "at", time.monotonic())
