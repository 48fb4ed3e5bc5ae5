#!/usr/bin/env python3
"""Expected results for the front-end tests, taken from CPython 3.11 itself.

    python3 check_errors.py          verify error_cases.json and ast_cases.json against CPython
    python3 check_errors.py --write  regenerate both files from the snippet lists below

error_cases.json: for each snippet, what `python3 f.py` prints on stderr (the script's
absolute path replaced by "f.py"). ast_cases.json: `ast.dump(ast.parse(src))` and the
(lineno, col_offset, end_lineno, end_col_offset) of every top-level statement.
The Catch2 tests in this directory compare LoopLab's front end with both files.
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

ERROR_SNIPPETS = [
    # parser: missing pieces and mistyped operators
    "if x\n  pass\n", "for x in y\n  pass\n", "while x\n  pass\n", "class A\n  pass\n",
    "def f()\n  pass\n", "def f\n", "def f(x) -> int\n  pass\n", "try\n  pass\n",
    "with a\n  pass\n", "if x:\n    pass\nelse\n", "x = 1 +\n", "x = 1 $ 2\n", "x = 1 2\n",
    "x = (1 2)\n", 'print("a" "b" c)\n', "x = a if b\n", "if x = 1:\n  pass\n",
    "def f(:\n  pass\n", "else:\n  pass\n", "async x = 1\n", "@dec\nx = 1\n",
    'print "hi"\n', "print x\n",
    # brackets
    "x = (1,\n2\n", "x = (1 + \n", "x = [1, 2\ny = 3\n", "(", "x = ]\n", "x = (]\n",
    "x = (\n1,\n2]\n", "x = 1\n)\n", "x = (1 +\ny = 2\n", "(" * 201 + ")" * 201 + "\n",
    # indentation
    "if x:\npass\n", "x=1\n  y=2\n", "x=1\n        y=2\n", "if x:\n    a\n  b\n",
    "def f():\n  x = 1\n y = 2\n", "def f():\n\tif x:\n        pass\n", "if x:\n",
    "def f():\n  if x:\n", "def f():\nreturn 1\n", "class A:\nx=1\n", "for x in y:\nx=1\n",
    "with a:\nx=1\n", "try:\nx=1\n", "try:\n  x=1\nexcept:\nx=1\n",
    "try:\n  x=1\nfinally:\nx=1\n", "while x:\nx=1\n", "if x:\n  pass\nelif y:\nx=1\n",
    "if x:\n  pass\nelse:\nx=1\n", "async def f():\nx=1\n", "def f():\n  if x:\nz=1\n",
    "try:\n  pass\nexcept* A:\npass\n", "try:\n  pass\nx=1\n", "try:\n  pass",
    # tokenizer
    'x = "abc\n', "x = '''abc\n\n", 'x = f"abc\n', "x = 1abc\n", "x = 123abc\n", "x = 0x1g\n",
    "x = 0o8\n", "x = 1_\n", "x = 1__0\n", "x = 0777\n", "x = € + 1\n", "x = 1 \\ 2\n",
    'x = = 1\ny = "abc\n', 'if x\n  pass\ny = "abc\n', 'x = "\\x4"\n', 'x = b"a" "b"\n',
    "é = 1 $\n",
    # f-strings
    'x = f"{}"\n', 'x = f"{a b}"\n', 'x = f"{x!z}"\n', 'x = f"{x"\n', 'x = f"{1abc}"\n',
    'x = f"}"\n', 'x = 1\ny = f"{a b}"\n',
    # assignment targets
    "f() = 3\n", "x + 1 = 2\n", "(a, f()) = 1\n", "a, f() = 1\n", "f() = x = 1\n",
    "x = f() = 1\n", "[a, 1] = x\n", "None = 1\n", "True = 1\n", '"a" = 1\n', "1 = x\n",
    "(f()) = 1\n", "*a, f() = 1\n", "f() += 1\n", "a, b += 1\n", "None +=\n", "del f()\n",
    "del (a, 1)\n", "for f() in x: pass\n", "[x for f() in y]\n", "with a as f(): pass\n",
    "(f() := 1)\n", "x = yield = 1\n", "a, b: int\n", "f(): int\n", "x = 1 = 2\n",
    "lambda: 1 = 2\n", "a if b else c = 1\n", "a < b = 1\n", "not a = 1\n", "-a = 1\n",
    "await x = 1\n", 'f"{x}" = 1\n', "{} = 1\n", "f() =\n", "f(), a = 1\n",
    # calls and parameters
    "f(True=1)\n", "f(a.b=1)\n", "f(x=1, 2)\n", "f(**k, 2)\n", "f(**k, *a)\n",
    "f(x for x in y, 1)\n", "def f(x=1, y):\n  pass\n", "def f(*):\n  pass\n",
    "def f(x=):\n  pass\n", "from m import a,\n", "{1: }\n", "{1:2, 3}\n",
    # try / except*
    "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n", "try:\n  pass\nexcept*:\n  pass\n",
    "try:\n  pass\nexcept A, B:\n  pass\n",
    # context checks (CPython's symtable and compiler)
    "return 1\n", "await x\n", "break\n", "continue\n", "def f():\n  yield 1\nyield 2\n",
    "class A:\n  return 1\n", "class A:\n  yield 1\n", "def f():\n  await x\n",
    "def f():\n  return [await x for x in y]\n", "async def f():\n  yield 1\n  return 2\n",
    "async def f():\n  yield from x\n", "for x in y:\n  pass\nelse:\n  break\n",
    "nonlocal x\n", "def f():\n    nonlocal x\n", "def f():\n  def g():\n    nonlocal y\n",
    "def f():\n  x = 1\n  global x\n", "def f():\n  print(x)\n  global x\n",
    "def f(x):\n  global x\n", "def f(x, x):\n  pass\n", "[(yield) for x in y]\n",
    "def f():\n  from m import *\n", "async with a:\n  pass\n", "async for x in y:\n  pass\n",
    "def f():\n  async with a:\n    pass\n", "*a = 1\n", "*a, *b = 1\n", "x = *a\n",
    "f(a, a=1, a=2)\n", "lambda: await x\n", "x = [await y for y in z]\n",
]

AST_SNIPPETS = [
    "x = 1\ny = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8 ** 9\n",
    "a = b = c = [1, 2.5, 'three', None, True, False, ...]\n",
    "x, *y = 1, 2, 3\n[a, (b, c)] = t\nx += 1\nz: int = 5\nw: list\n(p): int = 1\n",
    "print(a, *b, c=1, **d)\nf(x for x in y)\nobj.attr.method()[0][1:2, ::3]\n",
    "if a < b <= c != d is not e not in f:\n    pass\nelif not x and y or z:\n    pass\nelse:\n    pass\n",
    "while x:\n    break\nelse:\n    pass\nfor i, j in pairs:\n    pass\nelse:\n    pass\n",
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    return a\n",
    "@dec\n@dec2(1)\ndef g():\n    yield\n    yield 1\n    yield from h()\n    x = yield 2\n",
    "lambda: 0\nlambda x, *y, z=1, **w: x\n",
    "class A(B, C):\n    x = 1\n    def m(self):\n        return super().m()\n",
    "try:\n    pass\nexcept ValueError as e:\n    raise\nexcept (A, B):\n    raise X from e\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* ValueError as eg:\n    pass\n",
    "with a as b, c:\n    pass\nwith (a as b, c as d,):\n    pass\nwith (a, b):\n    pass\n",
    "import a, b.c as d\nfrom m import x, y as z\nfrom m import (p,\n    q)\nfrom m import *\n",
    "global g\ndef f():\n    nonlocal_target = 1\n    def h():\n        nonlocal nonlocal_target\n        global g\n",
    "del a, b[0], c.d\nassert x, 'msg'\nassert y\n",
    "[x for x in y if x if z for w in x]\n{k: v for k, v in d.items()}\n{s for s in t}\n(g for g in h)\n",
    "async def main():\n    await asyncio.sleep(1)\n    async with lock:\n        pass\n    async for x in aiter():\n        pass\n    return [y async for y in z]\n",
    "{**a, 'b': 1}\n{*a, 1}\n{}\n()\n(1,)\n[]\n",
    "if (n := len(a)) > 10:\n    pass\n",
    "x = a if b else c\ny = -x + ~x - +x\nz = not x\n",
    "s = 'a' 'b' \"c\"\nt = '''multi\nline'''\nr = r'\\n\\d'\ne = '\\t\\x41\\u00e9\\U0001F600\\101\\\n'\n",
    "f'{x}'\nf'a{x!r}b{y:>10}c{z!s:{w}.{p}}'\nf'{x=}'\nf'{x = !r:^5}'\nf'{{}}{{{x}}}'\nf'{a[\"k\"]}'\n",
    "x = 1_000_000 + 0x_FF + 0o17 + 0b1010 + 1e10 + 1.5e-3 + .5 + 5. + 1_0.0_1\n",
    "big = 123456789012345678901234567890\nh = 0xFFFFFFFFFFFFFFFFFFFF\n",
    "x = 1; y = 2;\nif x: y = 3\nwhile 0: pass\n",
    "x = (1 +\n     2)\ny = [\n  1,\n  2,\n]\nz = 1 + \\\n    2\n",
    "def f():\n    x = 1\n\n    # comment\n\n    return x\n",
    "a[1:2]\na[:]\na[::]\na[1:]\na[:2]\na[::3]\na[x, y]\na[1:2, 3]\na[*b]\n",
    "match = 1\ncase = match + 1\n_ = case\n",
    "é = 'ü'\nπ = 3.14\n",
    "print(*a, sep='')\nx = yield_ = 1\n",
]


def normalized_stderr(src):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        run = subprocess.run([sys.executable, path], capture_output=True, text=True,
                             cwd=tmp, timeout=30)
        if run.returncode == 0:
            raise SystemExit("snippet compiled and ran without error: %r" % src)
        return run.stderr.replace(path, "f.py")


def statement_spans(tree):
    return [[s.lineno, s.col_offset, s.end_lineno, s.end_col_offset] for s in tree.body]


def build():
    warnings.simplefilter("ignore")
    errors = [{"src": s, "stderr": normalized_stderr(s)} for s in ERROR_SNIPPETS]
    asts = []
    for s in AST_SNIPPETS:
        tree = ast.parse(s)
        compile(s, "f.py", "exec")
        asts.append({"src": s, "dump": ast.dump(tree), "stmt_spans": statement_spans(tree)})
    return errors, asts


def main():
    errors, asts = build()
    files = {"error_cases.json": errors, "ast_cases.json": asts}
    if "--write" in sys.argv:
        for name, data in files.items():
            with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1, ensure_ascii=False)
                f.write("\n")
        print("wrote %d error cases, %d AST cases" % (len(errors), len(asts)))
        return 0
    status = 0
    for name, data in files.items():
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            stored = json.load(f)
        if stored != data:
            status = 1
            for want, got in zip(data, stored):
                if want != got:
                    print("%s: CPython gives %r, the file has %r" % (name, want, got))
            if len(stored) != len(data):
                print("%s: %d cases stored, %d expected" % (name, len(stored), len(data)))
    print("OK" if status == 0 else "MISMATCH: rerun with --write after checking the lists")
    return status


if __name__ == "__main__":
    sys.exit(main())
