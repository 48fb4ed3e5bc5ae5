# conformance: stamp
# Timers: equal `when` fire in scheduling order; TimerHandle.when(); cancel; negative delay.
import asyncio

loop = asyncio.new_event_loop()
t0 = loop.time()
handles = []
for i, d in enumerate([1.0, 0.5, 1.0, 0.0, 1.0, -1, 0.5]):
    handles.append(loop.call_later(d, print, f"timer {i} (delay {d})", "at", "x"))
at = loop.call_at(t0 + 0.5, print, "call_at t0+0.5")
print([h.when() for h in handles], at.when())
handles[2].cancel()
print("cancelled timer 2:", handles[2].cancelled())
loop.call_later(2, loop.stop)
loop.run_forever()
print("stopped at", loop.time())
loop.close()
