// `concurrent.futures` on LoopLab's virtual threads, written in Python after CPython's
// Lib/concurrent/futures/{_base,thread}.py and the reference runner's
// VirtualThreadPoolExecutor (tests/reference/looplab_vtime.py): the same hand-out rules,
// thread names and waits, so both print the same. Also the asyncio side of
// loop.run_in_executor(pool, ...): asyncio.futures.wrap_future's chaining.
#include "engine/lang/modules.hpp"

namespace looplab::lang {

namespace {

constexpr const char* kFutures = R"PY(
import threading as _threading
import time as _time
import sys as _sys

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'
_DEFAULT_MAX_WORKERS = 8


class Error(Exception):
    __module__ = 'concurrent.futures._base'


class CancelledError(Error):
    __module__ = 'concurrent.futures._base'


TimeoutError = TimeoutError


class InvalidStateError(Error):
    __module__ = 'concurrent.futures._base'


class BrokenExecutor(RuntimeError):
    __module__ = 'concurrent.futures._base'


class Future:
    __module__ = 'concurrent.futures._base'
    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _sys.stderr.write(f"exception calling callback for {self!r}\n")
                _sys.stderr.write(f"{type(exc).__name__}: {exc}\n")

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            return True
        self._state = _CANCELLED
        _threading._notify()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED)

    def _get_result(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        if not self.done():
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception as exc:
            _sys.stderr.write(f"exception calling callback for {self!r}\n")
            _sys.stderr.write(f"{type(exc).__name__}: {exc}\n")

    def _wait(self, timeout):
        if not self.done():
            _threading._wait_until(self.done, _threading._deadline(timeout))

    def result(self, timeout=None):
        self._wait(timeout)
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state == _FINISHED:
            return self._get_result()
        raise TimeoutError()

    def exception(self, timeout=None):
        self._wait(timeout)
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state == _FINISHED:
            return self._exception
        raise TimeoutError()

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            self._state = _CANCELLED_AND_NOTIFIED
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def _finish(self):
        self._state = _FINISHED
        _threading._notify()
        self._invoke_callbacks()

    def set_result(self, result):
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._finish()

    def set_exception(self, exception):
        if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._finish()


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class Executor:
    __module__ = 'concurrent.futures._base'
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        end_time = None if timeout is None else timeout + _time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if end_time is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - _time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _run_work_item(future, fn, args, kwargs):
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = fn(*args, **kwargs)
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)


class _PoolThread:
    """One thread of a pool: runs its work item, then queued ones, then idles."""

    def __init__(self, executor, name):
        self.executor = executor
        self.name = name
        self.item = None
        self.running = False
        self.started = False

    def start(self):
        self.running = True
        _vt.start(self._run, self.name, None)

    def _run(self):
        try:
            self._work()
        finally:
            self.running = False
            _threading._notify()

    def _work(self):
        ex = self.executor
        if not self.started:
            self.started = True
            if ex._initializer is not None:
                try:
                    ex._initializer(*ex._initargs)
                except BaseException:
                    _sys.stderr.write('Exception in initializer:\n')
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
            return


class ThreadPoolExecutor(Executor):
    __module__ = 'concurrent.futures.thread'
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _DEFAULT_MAX_WORKERS
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % ThreadPoolExecutor._counter
            ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs
        self._queue = []
        self._threads = []
        self._idle = []
        self._idle_count = 0
        self._shutdown = False
        self._broken = False

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenThreadPool(self._broken)
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = Future()
        self._queue.append((future, fn, args, kwargs))
        self._adjust_thread_count()
        return future

    def _adjust_thread_count(self):
        # CPython's idle semaphore: a job may wait for a busy thread although fewer
        # than max_workers threads exist.
        if self._idle_count > 0:
            self._idle_count -= 1
            if self._idle and self._queue:
                thread = self._idle.pop(0)
                thread.item = self._queue.pop(0)
                thread.start()
            return
        if len(self._threads) < self._max_workers:
            thread = _PoolThread(self, '%s_%d' % (self._thread_name_prefix, len(self._threads)))
            self._threads.append(thread)
            thread.item = self._queue.pop(0)
            thread.start()

    def _initializer_failed(self):
        self._broken = ('A thread initializer failed, the thread pool is not usable anymore')
        while self._queue:
            self._queue.pop(0)[0].set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while self._queue:
                self._queue.pop(0)[0].cancel()
        self._idle = []
        if wait:
            _threading._wait_until(lambda: not any(t.running for t in self._threads))


class BrokenThreadPool(BrokenExecutor):
    __module__ = 'concurrent.futures.thread'


def _done_and_not_done(fs):
    done = set(f for f in fs if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED))
    return done, set(fs) - done


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = list(fs)

    def satisfied():
        done = [f for f in fs if f.done()]
        if return_when == FIRST_COMPLETED:
            return bool(done) or not fs
        if return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f.exception(0) is not None for f in done):
            return True
        return len(done) == len(fs)

    _threading._wait_until(satisfied, _threading._deadline(timeout))
    return _done_and_not_done(fs)


def as_completed(fs, timeout=None):
    end_time = None if timeout is None else timeout + _time.monotonic()
    pending = list(dict.fromkeys(fs))
    total = len(pending)
    while pending:
        ready = [f for f in pending if f.done()]
        if not ready:
            if not _threading._wait_until(lambda: any(f.done() for f in pending), end_time):
                raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            continue
        for f in ready:
            pending.remove(f)
            yield f


def _convert_future_exc(exc):
    import asyncio
    exc_class = type(exc)
    if exc_class is CancelledError:
        return asyncio.CancelledError(*exc.args)
    if exc_class is InvalidStateError:
        return asyncio.InvalidStateError(*exc.args)
    return exc


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(_convert_future_exc(exception))
    else:
        dest.set_result(source.result())


def _wrap_future(source, loop):
    destination = loop.create_future()

    def _call_check_cancel(destination):
        if destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        if destination.cancelled() and loop.is_closed():
            return
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(_copy_future_state, source, destination)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)
    return destination


def _run_in_executor(loop, executor, func, *args):
    return _wrap_future(executor.submit(func, *args), loop)
)PY";

}  // namespace

Value make_concurrent_module() { return new_module("concurrent", {}); }

Value make_concurrent_futures_module() {
  return module_from_source("concurrent.futures", std::string("import _looplab_thread as _vt\n") + kFutures);
}

}  // namespace looplab::lang
