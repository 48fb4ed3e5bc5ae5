"""CPython's own event loop, run on LoopLab's virtual clock.

Only what the virtual time model needs is replaced: the clock, the selector
(which now moves the clock instead of waiting), the wake-up pipe, the timer
order on equal `when`, and the places where CPython iterates a set of tasks.
"""
import asyncio
import heapq
import itertools
import weakref

from asyncio import base_events, events, runners, taskgroups, tasks, unix_events

import looplab_vtime as vt

MAX_CALLBACKS = 10_000_000

_timer_seq = itertools.count()
_task_seq = weakref.WeakKeyDictionary()     # task -> creation number (insertion = creation order)
_task_counter = itertools.count()
_agen_seq = weakref.WeakKeyDictionary()
_agen_counter = itertools.count()


class _Budget:
    callbacks = 0
    max_callbacks = MAX_CALLBACKS


def creation_key(task):
    return _task_seq.get(task, -1)


def _record_task(task, _add=tasks._all_tasks.add):
    _task_seq[task] = next(_task_counter)
    _add(task)


class _TimerHandle(events.TimerHandle):
    """Orders by (when, scheduling number): equal `when` fire in scheduling order."""
    __slots__ = ('_seq',)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_timer_seq)

    def _key(self):
        return (self._when, self._seq)

    def __lt__(self, other):
        if isinstance(other, _TimerHandle):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, _TimerHandle):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, _TimerHandle):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, _TimerHandle):
            return self._key() >= other._key()
        return NotImplemented

    __eq__ = events.TimerHandle.__eq__
    __hash__ = events.TimerHandle.__hash__


class _VirtualSelector:
    """select() never waits: when the loop would block, the clock jumps."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout):
        loop = self._loop
        _Budget.callbacks += len(loop._ready)
        if _Budget.callbacks > _Budget.max_callbacks:
            vt.hard_exit("Budget exhausted: loop callback limit of %d"
                         % _Budget.max_callbacks, 4)
        if timeout == 0:
            return []
        while True:
            vt.check_blocked()
            when = loop._scheduled[0]._when if loop._scheduled else None
            wake = vt.next_wake()
            if wake is not None and (when is None or wake <= when):
                vt.run_sleepers_until(max(wake, vt.Clock.now))
                if loop._ready:
                    return []
                continue
            if when is None:
                vt.deadlock()
            vt.set_time(when)
            return []

    def close(self):
        pass


class _UnixSelectorEventLoop(base_events.BaseEventLoop):
    """BaseEventLoop with a virtual clock and a selector that never sleeps."""

    def __init__(self, selector=None):
        super().__init__()
        self._selector = _VirtualSelector(self)
        self._clock_resolution = 1e-9

    def time(self):
        return vt.Clock.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        if executor is None and self._default_executor is None and not self.is_closed():
            self._check_default_executor()
            self._default_executor = vt.VirtualThreadPoolExecutor(
                max_workers=float('inf'), thread_name_prefix='asyncio')
        return super().run_in_executor(executor, func, *args)

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        thread = vt.Worker(lambda w: self._do_shutdown(future))
        thread.start()
        await future

    def _asyncgen_firstiter_hook(self, agen):
        _agen_seq[agen] = next(_agen_counter)
        super()._asyncgen_firstiter_hook(agen)

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = sorted(self._asyncgens, key=lambda ag: _agen_seq.get(ag, -1))
        self._asyncgens.clear()
        results = await tasks.gather(
            *[ag.aclose() for ag in closing_agens],
            return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })


_UnixSelectorEventLoop.__module__ = 'asyncio.unix_events'


class _UnixDefaultEventLoopPolicy(unix_events._UnixDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


_UnixDefaultEventLoopPolicy.__module__ = 'asyncio.unix_events'


def _cancel_all_tasks(loop):
    to_cancel = sorted(tasks.all_tasks(loop), key=creation_key)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


def _taskgroup_abort(self):
    self._aborting = True
    for t in sorted(self._tasks, key=creation_key):
        if not t.done():
            t.cancel()


_real_as_completed = tasks.as_completed


def _as_completed(fs, *, timeout=None):
    # CPython wraps the awaitables while iterating set(fs); wrap them in argument order.
    if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    loop = events._get_event_loop()
    ordered = []
    for f in fs:
        fut = tasks.ensure_future(f, loop=loop)
        if fut not in ordered:
            ordered.append(fut)
    yield from _real_as_completed(ordered, timeout=timeout)


def pending_task_names(loop):
    return [t.get_name() for t in list(_task_seq.keys())
            if not t.done() and t.get_loop() is loop]


def deadlock_message():
    loop = events._get_running_loop()
    names = pending_task_names(loop) if loop is not None else []
    if names:
        return "Deadlock: tasks waiting forever: " + ", ".join(names)
    return "Deadlock: waiting forever with nothing scheduled"


def install():
    tasks._all_tasks.add = _record_task
    asyncio.set_event_loop_policy(_UnixDefaultEventLoopPolicy())
    asyncio.SelectorEventLoop = _UnixSelectorEventLoop
    unix_events.SelectorEventLoop = _UnixSelectorEventLoop
    asyncio.DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
    unix_events.DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
    runners._cancel_all_tasks = _cancel_all_tasks
    taskgroups.TaskGroup._abort = _taskgroup_abort
    tasks.as_completed = _as_completed
    asyncio.as_completed = _as_completed
    vt._Exit.deadlock_message = staticmethod(deadlock_message)
