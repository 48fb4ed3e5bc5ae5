"""Virtual clock and virtual worker threads for the LoopLab reference runner.

Real threads run the workers, but a baton makes exactly one thread run at a
time, so every run is deterministic.  A thread that hands the baton to a worker
parks until that worker sleeps, blocks or finishes.
"""
import concurrent.futures
import heapq
import itertools
import os
import sys
import threading
import time as _real_time_module
import types

_real_sleep = _real_time_module.sleep
_RealThread = threading.Thread

EPOCH = 1_700_000_000.0


class Clock:
    now = 0.0
    limit = 3600.0


class _Exit:
    """Hooks the runner fills in: flush output and describe a deadlock."""
    flush = staticmethod(lambda: None)
    deadlock_message = staticmethod(lambda: "Deadlock: tasks waiting forever: ")


def hard_exit(message, status):
    _Exit.flush()
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
    os._exit(status)


def set_time(when):
    """Moves the clock to `when` (never backwards); past the budget the run stops."""
    if when > Clock.limit:
        limit = Clock.limit
        text = "%d" % limit if limit == int(limit) else repr(limit)
        hard_exit("Budget exhausted: virtual time limit of %s s" % text, 4)
    if when > Clock.now:
        Clock.now = when


def deadlock():
    hard_exit(_Exit.deadlock_message(), 3)


# ---------------------------------------------------------------- baton

_seq = itertools.count()
_sleepers = []          # heap of (wake, seq, worker)
_blocked = []           # workers waiting for a predicate, in blocking order
_local = threading.local()


def _park_event():
    ev = getattr(_local, "park", None)
    if ev is None:
        ev = _local.park = threading.Event()
    return ev


def current_worker():
    return getattr(_local, "worker", None)


class Worker:
    """One virtual thread.  `body` runs on a real daemon thread under the baton."""

    def __init__(self, body, name=None):
        self.body = body
        self.go = threading.Event()
        self.resumer = None
        self.done = False
        self.thread = _RealThread(target=self._main, name=name, daemon=True)

    def _main(self):
        self.go.wait()
        self.go.clear()
        _local.worker = self
        try:
            self.body(self)
        except BaseException:  # the body reports its own errors; never leak a thread error
            pass
        finally:
            self.done = True
            ev, self.resumer = self.resumer, None
            ev.set()

    def start(self):
        """Starts the worker now and returns when it first sleeps, blocks or ends."""
        self.thread.start()
        resume(self)

    def yield_baton(self):
        ev, self.resumer = self.resumer, None
        ev.set()
        self.go.wait()
        self.go.clear()


def resume(worker):
    ev = _park_event()
    worker.resumer = ev
    worker.go.set()
    ev.wait()
    ev.clear()
    check_blocked()


def check_blocked():
    """Blocked workers whose condition now holds become due at the current time."""
    i = 0
    while i < len(_blocked):
        worker, pred = _blocked[i]
        if pred():
            del _blocked[i]
            heapq.heappush(_sleepers, (Clock.now, next(_seq), worker))
        else:
            i += 1


def next_wake():
    return _sleepers[0][0] if _sleepers else None


def run_next_sleeper():
    wake, _, worker = heapq.heappop(_sleepers)
    set_time(wake)
    resume(worker)


def run_sleepers_until(instant):
    """Runs, in (wake, seq) order, every worker due at or before `instant`."""
    check_blocked()
    while _sleepers and _sleepers[0][0] <= instant:
        run_next_sleeper()


def worker_sleep(worker, delay):
    heapq.heappush(_sleepers, (Clock.now + delay, next(_seq), worker))
    worker.yield_baton()


def wait_until(pred, deadline=None):
    """Blocks the calling thread (virtually) until pred() holds.

    On a worker this parks the worker; on any other thread the clock advances by
    running the sleeping workers in order.  Returns False if the deadline passed.
    """
    worker = current_worker()
    if worker is not None:
        while not pred():
            _blocked.append((worker, pred))
            worker.yield_baton()
        return True
    while not pred():
        check_blocked()
        if pred():
            break
        wake = next_wake()
        if deadline is not None and (wake is None or wake > deadline):
            set_time(deadline)
            return pred()
        if wake is None:
            deadlock()
        run_next_sleeper()
    return True


def drain_workers():
    """Interpreter exit joins executor threads: let every sleeping worker finish."""
    check_blocked()
    while _sleepers:
        run_next_sleeper()


# ---------------------------------------------------------------- time module

def _check_delay(secs):
    if isinstance(secs, bool) or not isinstance(secs, (int, float)):
        if not hasattr(type(secs), "__float__") and not hasattr(type(secs), "__index__"):
            _real_sleep(secs)  # raises CPython's own TypeError for this object
        secs = float(secs)
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    return secs


def sleep(secs):
    secs = _check_delay(secs)
    worker = current_worker()
    if worker is not None:
        worker_sleep(worker, secs)
        return
    target = Clock.now + secs
    run_sleepers_until(target)
    set_time(target)


def monotonic():
    return Clock.now


def time():
    return EPOCH + Clock.now


def monotonic_ns():
    return round(Clock.now * 1e9)


def time_ns():
    return 1_700_000_000_000_000_000 + round(Clock.now * 1e9)


def install_time():
    t = _real_time_module
    t.sleep = sleep
    t.monotonic = monotonic
    t.perf_counter = monotonic
    t.time = time
    t.monotonic_ns = monotonic_ns
    t.perf_counter_ns = monotonic_ns
    t.time_ns = time_ns


def install_datetime():
    """datetime on the virtual clock, the run's local time being UTC.

    CPython's C datetime reads the real clock and its types cannot be patched, so the
    program gets CPython's pure-Python datetime (the same classes, names and output),
    whose now()/today() call the patched time.time().
    """
    os.environ["TZ"] = "UTC"
    _real_time_module.tzset()
    sys.modules.pop("datetime", None)
    sys.modules["_datetime"] = None
    import datetime  # noqa: F401  (now the pure-Python module, cached for the program)


# ---------------------------------------------------------------- executors

DEFAULT_MAX_WORKERS = 8  # CPython's min(32, os.cpu_count() + 4) on a 4-CPU machine

_futures_base = concurrent.futures._base
_RealFuture = _futures_base.Future


class VirtualFuture(_RealFuture):
    """A concurrent future whose blocking waits use virtual time."""

    def result(self, timeout=None):
        self._virtual_wait(timeout)
        return super().result(0)

    def exception(self, timeout=None):
        self._virtual_wait(timeout)
        return super().exception(0)

    def _virtual_wait(self, timeout):
        if self.done():
            return
        deadline = None if timeout is None else Clock.now + timeout
        wait_until(self.done, deadline)


class _Slot:
    """A pool thread: runs work items, then takes the next queued one or idles."""

    def __init__(self, executor, name):
        self.executor = executor
        self.item = None
        self.worker = Worker(self._body, name=name)

    def _body(self, worker):
        ex = self.executor
        if ex._initializer is not None:
            try:
                ex._initializer(*ex._initargs)
            except BaseException:
                _futures_base.LOGGER.critical('Exception in initializer:', exc_info=True)
                ex._initializer_failed()
                return
        while True:
            item, self.item = self.item, None
            if item is not None:
                _run_work_item(*item)
                del item
                ex._idle_count += 1
                if ex._queue:
                    self.item = ex._queue.pop(0)
                    continue
            if ex._shutdown:
                return
            ex._idle.append(self)
            worker.yield_baton()


def _run_work_item(future, fn, args, kwargs):
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = fn(*args, **kwargs)
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)


class VirtualThreadPoolExecutor(concurrent.futures.ThreadPoolExecutor):
    """ThreadPoolExecutor on virtual workers, with CPython's hand-out rules.

    A submitted job starts at once on an idle thread or a new one (up to
    max_workers); otherwise it waits in FIFO order for a thread to free up.
    """

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = DEFAULT_MAX_WORKERS
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs
        self._queue = []
        self._slots = []
        self._idle = []
        self._idle_count = 0   # CPython's idle semaphore value
        self._shutdown = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise concurrent.futures.thread.BrokenThreadPool(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = VirtualFuture()
        self._queue.append((future, fn, args, kwargs))
        self._dispatch()
        return future

    def _dispatch(self):
        if self._idle_count > 0:
            self._idle_count -= 1
            if self._idle and self._queue:
                slot = self._idle.pop(0)
                slot.item = self._queue.pop(0)
                resume(slot.worker)
            return
        if len(self._slots) < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix or self, len(self._slots))
            slot = _Slot(self, name)
            self._slots.append(slot)
            slot.item = self._queue.pop(0)
            slot.worker.start()

    def _initializer_failed(self):
        self._broken = ('A thread initializer failed, the thread pool '
                        'is not usable anymore')
        while self._queue:
            future = self._queue.pop(0)[0]
            future.set_exception(concurrent.futures.thread.BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while self._queue:
                self._queue.pop(0)[0].cancel()
        idle, self._idle = self._idle, []
        for slot in idle:
            # An idle thread would just see the shutdown and end: nothing observable
            # runs, so it is retired without a hand-over (safe during finalisation too).
            slot.worker.done = True
        if wait:
            wait_until(lambda: all(s.worker.done for s in self._slots))


_real_wait = concurrent.futures.wait


def _futures_wait(fs, timeout=None, return_when=concurrent.futures.ALL_COMPLETED):
    fs = list(fs)

    def satisfied():
        done = [f for f in fs if f.done()]
        if return_when == concurrent.futures.FIRST_COMPLETED:
            return bool(done) or not fs
        if return_when == concurrent.futures.FIRST_EXCEPTION and any(
                not f.cancelled() and f.exception(0) is not None for f in done):
            return True
        return len(done) == len(fs)

    wait_until(satisfied, None if timeout is None else Clock.now + timeout)
    return _real_wait(fs, 0, return_when)


def _futures_as_completed(fs, timeout=None):
    """Finished futures first (argument order), then in the order they complete."""
    deadline = None if timeout is None else Clock.now + timeout
    pending = list(dict.fromkeys(fs))
    total = len(pending)
    while pending:
        ready = [f for f in pending if f.done()]
        if not ready:
            if not wait_until(lambda: any(f.done() for f in pending), deadline):
                raise concurrent.futures.TimeoutError(
                    '%d (of %d) futures unfinished' % (len(pending), total))
            continue
        for f in ready:
            pending.remove(f)
            yield f


# ---------------------------------------------------------------- threading

class VirtualThread(threading.Thread):
    """threading.Thread on a virtual worker: start() runs it at once until it blocks."""

    def start(self):
        if getattr(self, "_virtual_started", False):
            raise RuntimeError("threads can only be started once")
        self._virtual_started = True
        self._virtual_stopped = False
        self._invoke_excepthook = threading._make_invoke_excepthook()
        Worker(self._virtual_body, name=self.name).start()

    def _virtual_body(self, worker):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException:
            self._invoke_excepthook(self)
        finally:
            self._virtual_stopped = True

    def join(self, timeout=None):
        if not getattr(self, "_virtual_started", False):
            raise RuntimeError("cannot join thread before it is started")
        wait_until(lambda: self._virtual_stopped,
                   None if timeout is None else Clock.now + timeout)

    def is_alive(self):
        return getattr(self, "_virtual_started", False) and not self._virtual_stopped


class VirtualLock:
    """threading.Lock for virtual threads: waiting moves virtual time, never real time."""

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if self._locked:
            if not blocking:
                return False
            deadline = None if timeout == -1 else Clock.now + timeout
            if not wait_until(lambda: not self._locked, deadline):
                return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    def locked(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


class VirtualEvent:
    """threading.Event for virtual threads."""

    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        return wait_until(lambda: self._flag, None if timeout is None else Clock.now + timeout)


def install_threading():
    """The program imports a copy of `threading` with the virtual classes.

    threading's own code (Thread.start's Event, Event's Lock) and the modules already
    loaded keep the real module: a virtual Lock inside them would block virtually where
    they need a real thread to wait.
    """
    proxy = types.ModuleType("threading", threading.__doc__)
    proxy.__dict__.update(threading.__dict__)
    proxy.Thread = VirtualThread
    proxy.Lock = VirtualLock
    proxy.Event = VirtualEvent
    sys.modules["threading"] = proxy
    for cls, name in ((VirtualThread, "Thread"), (VirtualEvent, "Event")):
        cls.__module__, cls.__name__, cls.__qualname__ = "threading", name, name


def install_executors():
    concurrent.futures.ThreadPoolExecutor = VirtualThreadPoolExecutor
    concurrent.futures.thread.ThreadPoolExecutor = VirtualThreadPoolExecutor
    concurrent.futures.wait = _futures_wait
    concurrent.futures.as_completed = _futures_as_completed
