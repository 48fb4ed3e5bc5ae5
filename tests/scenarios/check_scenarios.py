#!/usr/bin/env python3
"""Scenario conformance: every built-in scenario, at its defaults and at both ends of
every parameter's range, prints under LoopLab exactly what it prints under CPython 3.11
(the reference runner), and behaves: exit status 0, nothing on stderr, done well inside
the virtual time budget.

    python3 tests/scenarios/check_scenarios.py --cli build/looplab-cli
    python3 tests/scenarios/check_scenarios.py --reference-only     (no LoopLab needed)

With --cli, the effective source of each variant comes from `looplab-cli source NAME
--set P=V` and runs on the reference runner; `looplab-cli run --stamp NAME --set P=V`
must match it, and `looplab-cli list` must show every scenario with its title.
--reference-only applies the parameters here and runs the reference only.
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
REFERENCE = ROOT / "tests" / "reference" / "looplab_ref.py"
# "well inside" the 3600 s budget of DESIGN.md
TIME_LIMIT = 1800.0
RUN_TIMEOUT = 300

PARAM = re.compile(r"^([A-Za-z_]\w*) = (\S+)\s+# @param (\S+)\.\.(\S+) step (\S+) \S")
STAMP = re.compile(r"^\[(\d+\.\d{3})\] ")


def params_of(source):
    found = []
    for line in source.splitlines():
        match = PARAM.match(line)
        if match:
            name, value, low, high, _ = match.groups()
            found.append((name, value, low, high))
    return found


def variants(source):
    """(label, [(name, value_text)]): the defaults, each range end, all mins, all maxes."""
    params = params_of(source)
    result = [("defaults", [])]
    for name, _, low, high in params:
        result.append((f"{name}={low}", [(name, low)]))
        result.append((f"{name}={high}", [(name, high)]))
    if len(params) > 1:
        result.append(("all at min", [(name, low) for name, _, low, _ in params]))
        result.append(("all at max", [(name, high) for name, _, _, high in params]))
    return result


def python_value(default_text, text):
    """What apply_params writes: ints as ints, floats as Python's repr."""
    if re.fullmatch(r"-?\d+", default_text):
        return str(int(text))
    return repr(float(text))


def apply_here(source, overrides):
    lines = source.splitlines(keepends=True)
    defaults = {name: value for name, value, _, _ in params_of(source)}
    for name, text in overrides:
        new_value = python_value(defaults[name], text)
        for i, line in enumerate(lines):
            if PARAM.match(line) and line.startswith(name + " = "):
                rest = line[len(name) + 3:]
                lines[i] = name + " = " + new_value + rest[len(rest.split()[0]):]
    return "".join(lines)


def run(command, stdin_text=None):
    try:
        done = subprocess.run(command, input=stdin_text, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return "timeout", "", f"{command[0]} ran past {RUN_TIMEOUT} s of real time\n"
    return done.returncode, done.stdout, done.stderr


def set_flags(overrides):
    flags = []
    for name, text in overrides:
        flags += ["--set", f"{name}={text}"]
    return flags


def behaviour_problems(status, out, err):
    problems = []
    if status != 0:
        problems.append(f"exit status {status}")
    if err:
        problems.append("stderr: " + err.strip().splitlines()[-1])
    stamps = [float(m.group(1)) for m in map(STAMP.match, out.splitlines()) if m]
    if not stamps:
        problems.append("printed nothing")
    elif stamps[-1] > TIME_LIMIT:
        problems.append(f"last line at {stamps[-1]} s, past {TIME_LIMIT} s")
    return problems


def check_variant(name, source, overrides, cli):
    if cli:
        status, effective, err = run([cli, "source", name] + set_flags(overrides))
        if status != 0:
            return [f"looplab-cli source failed ({status}): {err.strip()}"]
    else:
        effective = apply_here(source, overrides)
    reference = run([sys.executable, str(REFERENCE), "--stamp", "--filename", f"{name}.py", "-"],
                    effective)
    problems = behaviour_problems(*reference)
    if cli:
        looplab = run([cli, "run", "--stamp", name] + set_flags(overrides))
        if looplab[0] != reference[0]:
            problems.append(f"exit status: LoopLab {looplab[0]}, CPython {reference[0]}")
        if looplab[1] != reference[1]:
            problems.append("stdout differs:\n" + first_difference(reference[1], looplab[1]))
    return problems


def first_difference(expected, actual):
    want, got = expected.splitlines(), actual.splitlines()
    for i in range(max(len(want), len(got))):
        a = want[i] if i < len(want) else "<end>"
        b = got[i] if i < len(got) else "<end>"
        if a != b:
            return f"    line {i + 1}: CPython  {a!r}\n    line {i + 1}: LoopLab  {b!r}"
    return "    (no line differs)"


def title_of(source):
    first = source.lstrip().splitlines()[0]
    return first.lstrip("r").strip("\"'").strip()


def list_problems(cli, files):
    """`looplab-cli list` shows every scenario: its name, then its title."""
    status, out, err = run([cli, "list"])
    if status != 0:
        return [f"looplab-cli list failed ({status}): {err.strip()}"]
    listed = out.splitlines()
    problems = []
    for path in files:
        title = title_of(path.read_text())
        if not any(line.split()[:1] == [path.stem] and title in line for line in listed):
            problems.append(f"looplab-cli list does not show {path.stem!r} with its title {title!r}")
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--cli", help="path to looplab-cli")
    mode.add_argument("--reference-only", action="store_true",
                      help="check the scenarios on the reference runner alone")
    parser.add_argument("names", nargs="*", help="scenarios to check (default: all)")
    args = parser.parse_args(argv)

    files = sorted(SCENARIOS.glob("*.py"))
    if args.names:
        files = [f for f in files if f.stem in args.names]
    failures = 0
    if args.cli:
        for problem in list_problems(args.cli, files):
            print(f"FAIL {problem}")
            failures += 1
    for path in files:
        source = path.read_text()
        if source.count("# @param") != len(params_of(source)):
            print(f"FAIL {path.stem}: a @param line this driver cannot read (write NAME = value)")
            failures += 1
        for label, overrides in variants(source):
            problems = check_variant(path.stem, source, overrides, args.cli)
            verdict = "ok" if not problems else "FAIL"
            print(f"{verdict:4} {path.stem} [{label}]")
            for problem in problems:
                print(f"     {problem}")
            failures += bool(problems)
    print(f"{failures} failing variant(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
