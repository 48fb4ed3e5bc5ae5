#!/usr/bin/env python3
"""LoopLab's oracle: run a Python file under CPython 3.11's real asyncio with
LoopLab's virtual time model.

    python3 tests/reference/looplab_ref.py [--stamp] [--seed N] [--max-time S] FILE.py
    ... | python3 tests/reference/looplab_ref.py --filename NAME.py -

Exit status: the program's own (0, 1 on an uncaught exception, SystemExit's code),
3 on deadlock, 4 when the virtual time budget runs out, 2 on a usage error.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE_ENV = "LOOPLAB_REF_CACHE"


def _replay_from_cache(cache_dir):
    """With LOOPLAB_REF_CACHE=DIR, a run identical to an earlier one is answered from DIR.

    `make test` runs the suite twice (Release, then ASan+UBSan) and both ask CPython the
    same questions. A run is identical when the runner's own sources, CPython's version,
    the arguments and the program's bytes are: all of them form the key (the working
    directory does not: a program names itself as its path argument says). A miss runs the program in a child (without the variable) and keeps its stdout,
    stderr and exit status."""
    import hashlib
    import marshal
    import subprocess

    argv = sys.argv[1:]
    key = hashlib.sha256()
    for root, dirs, files in os.walk(HERE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            with open(os.path.join(root, name), "rb") as f:
                key.update(name.encode() + b"\0" + f.read() + b"\0")
    key.update(sys.version.encode() + b"\0")
    stdin = None
    for arg in argv:
        key.update(arg.encode() + b"\0")
        if arg == "-":
            stdin = sys.stdin.buffer.read()
            key.update(stdin)
        elif os.path.isfile(arg):
            with open(arg, "rb") as f:
                key.update(f.read())
        key.update(b"\0")
    path = os.path.join(cache_dir, key.hexdigest())
    try:
        with open(path, "rb") as f:
            status, out, err = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        env = {k: v for k, v in os.environ.items() if k != CACHE_ENV}
        child = subprocess.run([sys.executable, os.path.abspath(__file__)] + argv, env=env,
                               input=stdin, stdin=None if stdin is not None else sys.stdin,
                               capture_output=True)
        status, out, err = child.returncode, child.stdout, child.stderr
        os.makedirs(cache_dir, exist_ok=True)
        partial = "%s.%d.tmp" % (path, os.getpid())
        with open(partial, "wb") as f:
            marshal.dump((status, out, err), f)
        os.replace(partial, path)  # parallel tests never see half a file
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    sys.stderr.buffer.write(err)
    sys.stderr.flush()
    sys.exit(status)


if os.environ.get(CACHE_ENV):
    _replay_from_cache(os.environ[CACHE_ENV])


def _reexec_with_fixed_hash_seed():
    # Set and dict-of-str orders must be reproducible: CPython run with hash seed 0.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


_reexec_with_fixed_hash_seed()

import argparse  # noqa: E402  (after the re-exec on purpose)
import linecache  # noqa: E402
import random  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402

import looplab_vtime as vt  # noqa: E402
import looplab_vloop as vloop  # noqa: E402


class StampedStdout:
    """Prefixes each completed line with the virtual time its newline was written."""

    def __init__(self, out):
        self._out = out
        self._partial = []

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        start = 0
        while True:
            nl = text.find("\n", start)
            if nl < 0:
                break
            line = "".join(self._partial) + text[start:nl + 1]
            self._partial = []
            self._out.write("[%.3f] %s" % (vt.Clock.now, line))
            start = nl + 1
        if start < len(text):
            self._partial.append(text[start:])
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._out.flush()

    def finish(self):
        """A last line without a newline gets the time at which the run ended."""
        if self._partial:
            self._out.write("[%.3f] %s" % (vt.Clock.now, "".join(self._partial)))
            self._partial = []
        self._out.flush()

    def __getattr__(self, name):
        return getattr(self._out, name)


def _parse_args(argv):
    p = argparse.ArgumentParser(prog="looplab_ref.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--stamp", action="store_true", help="prefix lines with [virtual time]")
    p.add_argument("--seed", type=int, default=0, help="random.seed before the program (0)")
    p.add_argument("--filename", default=None, help="name of the program read from stdin")
    p.add_argument("--max-time", type=float, default=3600.0, help="virtual time budget (s)")
    p.add_argument("--max-steps", type=int, default=vloop.MAX_CALLBACKS,
                   help="loop callback budget")
    p.add_argument("file", help="program to run, or - for stdin")
    return p.parse_args(argv)


def _read_source(args):
    if args.file == "-":
        return sys.stdin.buffer.read(), args.filename or "<stdin>"
    with open(args.file, "rb") as f:
        return f.read(), args.filename or args.file


def _register_source(filename, source):
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        return
    lines = text.splitlines(True)
    linecache.cache[filename] = (len(text), None, lines, filename)


def _print_syntax_error(exc):
    sys.stderr.write("".join(traceback.format_exception_only(type(exc), exc)))


def _print_uncaught(exc):
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    exc.__traceback__ = tb
    sys.excepthook(type(exc), exc, tb)


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(str(code) + "\n")
    return 1


def _make_main_module(filename):
    mod = types.ModuleType("__main__")
    mod.__file__ = filename
    mod.__builtins__ = __builtins__
    mod.__loader__ = None
    mod.__spec__ = None
    sys.modules["__main__"] = mod
    return mod


def _prepare_sys_path(filename):
    script_dir = os.path.dirname(os.path.abspath(filename)) if filename != "<stdin>" else ""
    rest = [p for p in sys.path[1:] if os.path.abspath(p or ".") != HERE]
    sys.path[:] = [os.path.join(HERE, "sim"), script_dir] + rest


def main(argv):
    args = _parse_args(argv)
    source, filename = _read_source(args)
    vt.Clock.limit = args.max_time
    vloop._Budget.max_callbacks = args.max_steps
    stdout = sys.stdout
    if args.stamp:
        stdout = sys.stdout = StampedStdout(sys.stdout)
        vt._Exit.flush = staticmethod(stdout.finish)
    else:
        vt._Exit.flush = staticmethod(sys.stdout.flush)
    _register_source(filename, source)
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        _print_syntax_error(exc)
        return 1
    vt.install_time()
    vt.install_datetime()
    vt.install_executors()
    vt.install_threading()
    vloop.install()
    _prepare_sys_path(filename)
    sys.argv = [filename]
    random.seed(args.seed)
    module = _make_main_module(filename)
    status = 0
    try:
        exec(code, module.__dict__)
    except SystemExit as exc:
        status = _exit_status(exc.code)
    except BaseException as exc:  # the program's uncaught exception: CPython's report
        _print_uncaught(exc)
        status = 1
    vt.drain_workers()
    if args.stamp:
        stdout.finish()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
