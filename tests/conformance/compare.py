#!/usr/bin/env python3
"""Compare LoopLab with CPython 3.11 (the reference runner) on Python programs.

    compare.py --cli build/looplab-cli [--stamp] FILE.py [FILE.py ...]
    compare.py --expect-only FILE.py        # what CPython prints, for humans

Per file, both sides must agree byte for byte on stdout, on the exit status and on
the last line of stderr.  Files under an `errors/` directory must also report the
same line number (the last `File "...", line N` line of stderr).

Directives, in a comment line near the top of a program:
    # conformance: stamp        run both sides with --stamp
    # conformance: no-stderr    do not compare stderr (e.g. RuntimeWarning text)
    # conformance: seed=N       run both sides with --seed N
Exit status: 0 if every file matches, 1 otherwise, 2 on a usage error.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, os.pardir, "reference", "looplab_ref.py")
TIMEOUT = 120
DIRECTIVE = re.compile(r"^#\s*conformance:\s*(.+?)\s*$")
FILE_LINE = re.compile(r'^\s*File "[^"]*", line (\d+)')
# The sanitizer build's worker fibers use swapcontext, about which ASan prints an advisory
# on stderr; it is the tool talking, not the program, so it is not compared.
SANITIZER_ADVISORY = re.compile(r"^==\d+==WARNING: ASan doesn't fully support makecontext/swapcontext")


def directives(path):
    found = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for _, line in zip(range(10), f):
            match = DIRECTIVE.match(line.strip())
            if match:
                found.update(word.strip() for word in match.group(1).split(","))
    return found


class Outcome:
    def __init__(self, stdout, stderr, status):
        self.stdout = stdout
        self.stderr = stderr
        self.status = status

    def last_stderr_line(self):
        lines = [l for l in self.stderr.decode("utf-8", "replace").splitlines()
                 if l.strip() and not SANITIZER_ADVISORY.match(l)]
        return lines[-1] if lines else ""

    def error_line_number(self):
        numbers = [m.group(1) for m in map(FILE_LINE.match,
                                           self.stderr.decode("utf-8", "replace").splitlines())
                   if m]
        return numbers[-1] if numbers else "(none)"


def execute(argv):
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        return Outcome(exc.stdout or b"", (exc.stderr or b"") +
                       b"\ncompare.py: timed out after %d s\n" % TIMEOUT, "timeout")
    except OSError as exc:
        return Outcome(b"", ("compare.py: cannot run %s: %s\n" % (argv[0], exc)).encode(),
                       "not run")
    return Outcome(proc.stdout, proc.stderr, proc.returncode)


def seed_args(flags):
    seeds = [flag[len("seed="):] for flag in flags if flag.startswith("seed=")]
    return ["--seed", seeds[0]] if seeds else []


def reference(path, stamp, flags=()):
    return execute([sys.executable, RUNNER] + (["--stamp"] if stamp else []) + seed_args(flags)
                   + [path])


def looplab(cli, path, stamp, flags=()):
    return execute([cli, "run", path] + (["--stamp"] if stamp else []) + seed_args(flags))


def summary(outcome, flags, is_error_case):
    lines = outcome.stdout.decode("utf-8", "replace").splitlines(True)
    lines = [l if l.endswith("\n") else l + "\\ (no newline at end of stdout)\n" for l in lines]
    lines.append("== exit status: %s\n" % outcome.status)
    if "no-stderr" not in flags:
        lines.append("== last stderr line: %s\n" % outcome.last_stderr_line())
    if is_error_case:
        lines.append("== error reported at line: %s\n" % outcome.error_line_number())
    return lines


def agree(ref, got, flags, is_error_case):
    if ref.stdout != got.stdout or ref.status != got.status:
        return False
    if "no-stderr" not in flags and ref.last_stderr_line() != got.last_stderr_line():
        return False
    return not is_error_case or ref.error_line_number() == got.error_line_number()


def compare_one(cli, path, force_stamp):
    flags = directives(path)
    stamp = force_stamp or "stamp" in flags
    is_error_case = os.path.basename(os.path.dirname(os.path.abspath(path))) == "errors"
    ref = reference(path, stamp, flags)
    got = looplab(cli, path, stamp, flags)
    if agree(ref, got, flags, is_error_case):
        return True
    sys.stdout.write("MISMATCH %s%s\n" % (path, " (--stamp)" if stamp else ""))
    sys.stdout.writelines(difflib.unified_diff(
        summary(ref, flags, is_error_case), summary(got, flags, is_error_case),
        "CPython 3.11 (reference runner)", "LoopLab (%s)" % cli))
    if got.stderr and got.last_stderr_line() != ref.last_stderr_line():
        sys.stdout.write("---- LoopLab stderr ----\n")
        sys.stdout.write(got.stderr.decode("utf-8", "replace")[-4000:])
        sys.stdout.write("\n")
    return False


def expect_only(path, force_stamp):
    flags = directives(path)
    stamp = force_stamp or "stamp" in flags
    ref = reference(path, stamp, flags)
    sys.stdout.write(ref.stdout.decode("utf-8", "replace"))
    sys.stdout.write("==== stderr ====\n%s" % ref.stderr.decode("utf-8", "replace"))
    sys.stdout.write("==== exit status: %s%s\n" % (ref.status, " (--stamp)" if stamp else ""))
    return 0


def main(argv):
    p = argparse.ArgumentParser(description="LoopLab vs CPython conformance comparator")
    p.add_argument("--cli", help="path of looplab-cli")
    p.add_argument("--stamp", action="store_true", help="force --stamp on every file")
    p.add_argument("--expect-only", metavar="FILE", help="print CPython's output and exit")
    p.add_argument("files", nargs="*")
    args = p.parse_args(argv)
    if args.expect_only:
        return expect_only(args.expect_only, args.stamp)
    if not args.cli or not args.files:
        p.error("--cli and at least one FILE are required (or --expect-only FILE)")
    failures = [f for f in args.files if not compare_one(args.cli, f, args.stamp)]
    if len(args.files) > 1:
        sys.stdout.write("%d/%d programs match CPython\n"
                         % (len(args.files) - len(failures), len(args.files)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
