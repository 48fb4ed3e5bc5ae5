# conformance: stamp
# The time module runs on the virtual clock: sleep moves it, the readers agree.
import time
start = time.monotonic()
print("monotonic", start, "perf_counter", time.perf_counter(), "time", time.time())
time.sleep(1.5)
print("after sleep(1.5):", time.monotonic() - start)
time.sleep(0)
print("sleep(0) keeps", time.monotonic())
t0 = time.perf_counter()
for delay in [0.1, 0.2, 0.3]:
    time.sleep(delay)
    print("slept", delay, "now", time.monotonic())
elapsed = time.perf_counter() - t0
print(f"elapsed {elapsed:.3f} exact {elapsed}")
print("wall clock", time.time(), time.time() - 1_700_000_000)
print(type(time.monotonic_ns()).__name__, time.monotonic_ns(), time.time_ns() - 1_700_000_000 * 10 ** 9)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
time.sleep(2)
print("partial line", end="")
time.sleep(1)
print(" finished at", time.monotonic())
