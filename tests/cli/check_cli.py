#!/usr/bin/env python3
"""The command-line contract of DESIGN.md, seen from a terminal.

usage: check_cli.py --cli build/looplab-cli | --gui-only build/looplab

Exit statuses (0 ok, 2 usage error), --help, usage errors that name what is wrong, `list`
in one column, `source` and `export -o -`. What a Python program prints is checked against
CPython elsewhere (tests/conformance); this file checks LoopLab's own words and statuses.
"""

import argparse
import os
import subprocess
import sys
import tempfile

USAGE_EXIT = 2


def run(argv):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, what, ok, detail=""):
        if not ok:
            self.failures.append(f"{what}{': ' + detail if detail else ''}")


def check_help(c, exe, name):
    for flag in ("--help", "-h"):
        status, out, err = run([exe, flag])
        c.expect(f"{name} {flag} exits 0", status == 0, f"exit {status}, stderr {err!r}")
        c.expect(f"{name} {flag} prints the usage on stdout", out.startswith(f"usage: {name}"), repr(out[:80]))


def check_usage_errors(c, cli):
    cases = [
        ([], "missing command"),
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["run"], "run needs a FILE.py or SCENARIO"),
        (["run", "restaurant", "--max-time", "-1"], "--max-time wants a positive number"),
        (["run", "restaurant", "--seed", "x"], "--seed wants a non-negative integer"),
        (["run", "restaurant", "--set", "=3"], "--set wants NAME=VALUE"),
        (["run", "restaurant", "--wat", "1"], "unknown option --wat"),
        (["run", "restaurant", "--seed"], "missing value for --seed"),
        (["run", "restaurant", "extra"], "unexpected argument 'extra'"),
        (["export", "restaurant", "--format", "pdf", "-o", "-"], "--format wants chrome, csv, text or svg"),
        (["export", "restaurant", "--format", "csv"], "export needs -o OUT"),
        (["run", "no-such-scenario-or-file"], "no-such-scenario-or-file"),
    ]
    for args, words in cases:
        status, out, err = run([cli] + args)
        what = "looplab-cli " + " ".join(args)
        c.expect(f"{what} is a usage error (exit 2)", status == USAGE_EXIT, f"exit {status}")
        c.expect(f"{what} says {words!r} on stderr", words in err, repr(err[:200]))
        c.expect(f"{what} prints nothing on stdout", out == "", repr(out[:80]))


def check_list(c, cli):
    status, out, err = run([cli, "list"])
    c.expect("looplab-cli list exits 0", status == 0, err)
    lines = out.splitlines()
    c.expect("looplab-cli list shows the restaurant", any(l.split()[:1] == ["restaurant"] for l in lines))
    # The titles start in one column: after the longest name and two spaces.
    width = max(len(l.split()[0]) for l in lines)
    starts = {len(l) - len(l[width:].lstrip()) for l in lines}
    c.expect("looplab-cli list puts the titles in one column", starts == {width + 2}, repr(sorted(starts)))


def check_source_and_export(c, cli):
    status, src, err = run([cli, "source", "sleep-gather"])
    c.expect("looplab-cli source prints the scenario", status == 0 and "asyncio" in src, err)
    with tempfile.TemporaryDirectory() as tmp:
        # Same file name as the scenario's, so tracebacks in the trace name the same file.
        with open(os.path.join(tmp, "sleep-gather.py"), "w") as f:
            f.write(src)
        done = subprocess.run([os.path.abspath(cli), "export", "sleep-gather.py", "--format", "csv", "-o", "-"],
                              capture_output=True, text=True, timeout=60, cwd=tmp)
        from_file = done.stdout
    status, from_name, err = run([cli, "export", "sleep-gather", "--format", "csv", "-o", "-"])
    c.expect("looplab-cli export -o - writes the CSV to stdout", status == 0 and from_name.count("\n") > 3, err)
    c.expect("the scenario and its printed source export the same timeline", from_file == from_name)


def main(argv):
    p = argparse.ArgumentParser()
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--cli")
    which.add_argument("--gui-only", help="check only the GUI binary's --help")
    args = p.parse_args(argv)
    c = Checks()
    if args.gui_only:
        check_help(c, args.gui_only, "looplab")
    else:
        check_help(c, args.cli, "looplab-cli")
        check_usage_errors(c, args.cli)
        check_list(c, args.cli)
        check_source_and_export(c, args.cli)
    for failure in c.failures:
        print("FAIL", failure)
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
