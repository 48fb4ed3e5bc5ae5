# conformance: stamp
# run_forever + stop: stop finishes the current iteration; run_forever can be resumed.
import asyncio

loop = asyncio.new_event_loop()
count = 0

def ticker():
    global count
    count += 1
    print("tick", count, "at", loop.time())
    if count == 3:
        loop.stop()
        loop.call_soon(print, "scheduled after stop still runs in the next run")
    loop.call_later(0.5, ticker)

loop.call_soon(ticker)
loop.run_forever()
print("run_forever returned at", loop.time(), "running:", loop.is_running())
loop.call_later(0.75, loop.stop)
loop.run_forever()
print("second run_forever returned at", loop.time())
loop.stop()
loop.run_forever()
print("stop before run_forever: one iteration, at", loop.time())
loop.close()
