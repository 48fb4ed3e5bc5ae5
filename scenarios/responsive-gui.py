"""A GUI's event loop: handlers must return quickly
Lesson: Blocking and threads

A desktop GUI is an event loop: clicks and key presses land in a queue, and the
loop calls one handler per event. Here the user clicks every CLICK_GAP seconds
and each click is answered with a callback. One click asks for a slow job. Done
inside the handler, the job locks the whole window: the clicks that follow wait,
and are answered late, all at once. Done on a worker thread, the handler returns
at once; when the job finishes, the worker puts a "done" event on the loop with
call_soon_threadsafe, the one loop method that is safe to call from another thread.

Watch how late each click is answered in the two runs.
"""
import asyncio
import time

CLICKS = 6  # @param 2..20 step 1 clicks the user makes
CLICK_GAP = 0.5  # @param 0.1..2 step 0.1 seconds between two clicks
JOB_TIME = 2.0  # @param 0.5..10 step 0.5 seconds the slow job takes
SLOW_CLICK = 2


def slow_job(seconds):
    time.sleep(seconds)  # @note Ordinary blocking work: it holds whichever thread runs it.
    return "report ready"


class Window:
    def __init__(self, loop, use_thread):
        self.loop = loop
        self.use_thread = use_thread
        self.worst = 0.0

    def on_click(self, number, clicked_at):
        late = self.loop.time() - clicked_at
        self.worst = max(self.worst, late)
        print(f"click {number} handled {late:.1f} s after it happened")
        if number != SLOW_CLICK:
            return
        if self.use_thread:
            self.loop.run_in_executor(None, self.job_in_thread)  # @note The handler returns at once; the job runs beside the loop.
        else:
            print(f"  handler runs the slow job itself: {slow_job(JOB_TIME)}")  # @note The loop is stuck in this handler: the window is frozen.

    def job_in_thread(self):
        result = slow_job(JOB_TIME)
        self.loop.call_soon_threadsafe(print, f"  worker thread: {result}")  # @note A thread hands its result to the loop as a new event.


async def run_window(use_thread):
    loop = asyncio.get_running_loop()
    window = Window(loop, use_thread)
    start = loop.time()
    for number in range(1, CLICKS + 1):
        clicked_at = start + number * CLICK_GAP
        loop.call_at(clicked_at, window.on_click, number, clicked_at)  # @note Each click is an event waiting in the loop's queue.
    await asyncio.sleep(CLICKS * CLICK_GAP + JOB_TIME + 0.5)
    print(f"worst delay: {window.worst:.1f} s")


async def main():
    print("--- the slow job inside the click handler ---")
    await run_window(use_thread=False)
    print("--- the slow job on a worker thread ---")
    await run_window(use_thread=True)


asyncio.run(main())
