// `threading` on LoopLab's virtual threads (mod_threading.cpp). Written in Python after
// CPython's Lib/threading.py. Virtual threads run one at a time, so a lock is a flag; a
// thread that must wait parks until the state it waits for changes (`_notify`).
#include "engine/lang/modules.hpp"

namespace looplab::lang {

namespace {

constexpr const char* kThreading = R"PY(
import _looplab_thread as _vt
import sys as _sys
import time as _time

TIMEOUT_MAX = 9223372036.0
_counter = 0
_blocked = []


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


def _deadline(timeout):
    return None if timeout is None else _time.monotonic() + timeout


def _wait_until(predicate, deadline=None):
    """Blocks until predicate() holds; a worker parks, the main thread runs the workers.

    As in the reference runner, a deadline bounds the main thread's wait only.
    """
    me = _vt.current()
    if me == 0:
        return _vt.run_until(predicate, deadline)
    while not predicate():
        _blocked.append((me, predicate))
        _vt.park()
    return True


def _notify():
    i = 0
    while i < len(_blocked):
        ident, predicate = _blocked[i]
        if predicate():
            del _blocked[i]
            _vt.unpark(ident)
        else:
            i += 1


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = False if daemon is None else bool(daemon)
        self._ident = None
        self._started = False
        self._is_stopped = False

    def start(self):
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._ident = _vt.start(self._bootstrap, self._name, self)

    def _bootstrap(self):
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            _sys.stderr.write(f"Exception in thread {self._name}:\n")
            _sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            self._is_stopped = True
            _notify()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _wait_until(lambda: self._is_stopped, _deadline(timeout))

    def is_alive(self):
        return self._started and not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self._name = str(name)

    def isDaemon(self):
        return self._daemonic


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread")
        self._started = True


class _WorkerThread(Thread):
    """A thread LoopLab started for an executor (named as CPython names it)."""

    def __init__(self, ident):
        Thread.__init__(self, name=_vt.name(ident), daemon=True)
        self._ident = ident
        self._started = True


_main_thread = _MainThread()
_workers = {}


def main_thread():
    return _main_thread


def current_thread():
    ident = _vt.current()
    if ident <= 0:
        return _main_thread
    owner = _vt.owner(ident)
    if owner is not None:
        return owner
    if ident not in _workers:
        _workers[ident] = _WorkerThread(ident)
    return _workers[ident]


currentThread = current_thread


class Lock:
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
            if not _wait_until(lambda: not self._locked, None if timeout == -1 else _deadline(timeout)):
                return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        _notify()

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc, tb):
        self.release()


class RLock:
    def __init__(self):
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = current_thread()
        if self._owner is me:
            self._count += 1
            return True
        if self._owner is not None:
            if not blocking:
                return False
            if not _wait_until(lambda: self._owner is None, None if timeout == -1 else _deadline(timeout)):
                return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner is not current_thread():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            _notify()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc, tb):
        self.release()


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    def set(self):
        self._flag = True
        _notify()

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _wait_until(lambda: self._flag, _deadline(timeout))


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value == 0:
            if not blocking:
                return False
            if not _wait_until(lambda: self._value > 0, _deadline(timeout)):
                return False
        self._value -= 1
        return True

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n
        _notify()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        Semaphore.release(self, n)
)PY";

}  // namespace

Value make_threading_module() { return module_from_source("threading", kThreading); }

}  // namespace looplab::lang
