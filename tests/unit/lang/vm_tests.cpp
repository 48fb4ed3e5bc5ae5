// Unit tests of the interpreter's pieces, driven through the public API
// (engine/lang/interpreter.hpp) with a BufferHost.
#include <catch2/catch.hpp>

#include <string>

#include "engine/lang/interpreter.hpp"
#include "engine/lang/value.hpp"

using looplab::lang::BufferHost;
using looplab::lang::Interpreter;
using looplab::lang::RunOptions;
using looplab::lang::RunOutcome;
using looplab::lang::Value;

namespace {

struct Run {
  RunOutcome outcome;
  std::string out;
  std::string err;
};

Run run(const std::string& source, RunOptions options = {}) {
  BufferHost host;
  Interpreter interp(host);
  Run r;
  r.outcome = interp.run_file(source, "test.py", options);
  r.out = host.out;
  r.err = host.err;
  return r;
}

}  // namespace

TEST_CASE("small values live inline in a 16-byte value", "[lang][value]") {
  STATIC_REQUIRE(sizeof(Value) == 16);
  Value i = Value::integer(42);
  Value f = Value::floating(2.5);
  Value b = Value::boolean(true);
  Value n = Value::none();
  CHECK(i.is_int());
  CHECK(i.as_int() == 42);
  CHECK(f.is_float());
  CHECK(f.as_float() == 2.5);
  CHECK(b.is_bool());
  CHECK(b.is_intlike());
  CHECK(n.is_none());
  CHECK(Value().is_null());
  CHECK(i.same(Value::integer(42)));
}

TEST_CASE("a program's output reaches the host's stdout", "[lang][vm]") {
  Run r = run("print(1 + 2, 'a' * 3, 7 / 2)\n");
  CHECK(r.outcome.status == 0);
  CHECK(r.out == "3 aaa 3.5\n");
  CHECK(r.err.empty());
}

TEST_CASE("dict keeps insertion order across deletes and re-inserts", "[lang][dict]") {
  Run r = run(
      "d = {}\n"
      "for k in 'qwerty':\n"
      "    d[k] = len(d)\n"
      "del d['w']\n"
      "d['w'] = 9\n"
      "d['q'] = 5\n"
      "print(''.join(d))\n");
  CHECK(r.out == "qertyw\n");
}

TEST_CASE("sets of small ints iterate in hash-table order", "[lang][set]") {
  Run r = run("print({3, 1, 2}, {9, 1}, set())\n");
  CHECK(r.out == "{1, 2, 3} {9, 1} set()\n");
}

TEST_CASE("__del__ runs at the moment the last reference goes", "[lang][refcount]") {
  Run r = run(
      "class A:\n"
      "    def __del__(self):\n"
      "        print('del')\n"
      "a = A()\n"
      "b = a\n"
      "a = None\n"
      "print('one ref left')\n"
      "b = None\n"
      "print('after')\n");
  CHECK(r.out == "one ref left\ndel\nafter\n");
}

TEST_CASE("reference cycles are freed at the end of the run", "[lang][refcount]") {
  Run r = run(
      "class Node:\n"
      "    pass\n"
      "for i in range(100):\n"
      "    a = Node(); b = Node()\n"
      "    a.other = b; b.other = a\n"
      "    l = [1]; l.append(l)\n"
      "print('done')\n");
  CHECK(r.outcome.status == 0);
  CHECK(r.out == "done\n");
}

TEST_CASE("generators follow the send/throw/close protocol", "[lang][generator]") {
  Run r = run(
      "def g():\n"
      "    try:\n"
      "        x = yield 1\n"
      "        while True:\n"
      "            x = yield x * 2\n"
      "    except KeyError:\n"
      "        yield 'caught'\n"
      "    finally:\n"
      "        print('finally')\n"
      "it = g()\n"
      "print(next(it), it.send(5), it.send(6), it.throw(KeyError('k')))\n"
      "it.close()\n"
      "try:\n"
      "    next(it)\n"
      "except StopIteration:\n"
      "    print('stopped')\n"
      "def r():\n"
      "    yield 1\n"
      "    return 'value'\n"
      "it = r(); next(it)\n"
      "try:\n"
      "    next(it)\n"
      "except StopIteration as e:\n"
      "    print(e.value)\n");
  CHECK(r.outcome.status == 0);
  CHECK(r.out == "1 10 12 caught\nfinally\nstopped\nvalue\n");
}

TEST_CASE("yield from delegates and returns the inner result", "[lang][generator]") {
  Run r = run(
      "def inner():\n"
      "    yield 1\n"
      "    yield 2\n"
      "    return 3\n"
      "def outer():\n"
      "    v = yield from inner()\n"
      "    yield v\n"
      "print(list(outer()))\n");
  CHECK(r.out == "[1, 2, 3]\n");
}

TEST_CASE("raise inside except chains __context__, raise from sets __cause__",
          "[lang][exceptions]") {
  Run r = run(
      "try:\n"
      "    try:\n"
      "        1 / 0\n"
      "    except ZeroDivisionError:\n"
      "        raise ValueError('v')\n"
      "except ValueError as e:\n"
      "    print(type(e.__context__).__name__, e.__cause__)\n"
      "try:\n"
      "    raise KeyError('k') from OSError('o')\n"
      "except KeyError as e:\n"
      "    print(repr(e.__cause__), e.__suppress_context__)\n");
  CHECK(r.out == "ZeroDivisionError None\nOSError('o') True\n");
}

TEST_CASE("tracebacks name every frame with its line and source", "[lang][traceback]") {
  Run r = run(
      "def inner():\n"
      "    return {}['missing']\n"
      "def outer():\n"
      "    return inner()\n"
      "outer()\n");
  CHECK(r.outcome.status == 1);
  CHECK(r.outcome.summary == "KeyError: 'missing'");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"test.py\", line 5, in <module>\n"
        "    outer()\n"
        "  File \"test.py\", line 4, in outer\n"
        "    return inner()\n"
        "  File \"test.py\", line 2, in inner\n"
        "    return {}['missing']\n"
        "KeyError: 'missing'\n");
}

TEST_CASE("unbounded recursion raises RecursionError", "[lang][limits]") {
  Run r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
  CHECK(r.outcome.status == 1);
  CHECK(r.outcome.summary == "RecursionError: maximum recursion depth exceeded");
}

TEST_CASE("the instruction budget stops an endless loop", "[lang][limits]") {
  RunOptions options;
  options.limits.max_instructions = 100000;
  Run r = run("while True:\n    pass\n", options);
  CHECK(r.outcome.status == 4);
  CHECK(r.outcome.summary == "Budget exhausted: instructions");
}

TEST_CASE("the heap cap raises MemoryError inside the program", "[lang][limits]") {
  RunOptions options;
  options.limits.max_heap_bytes = 4 << 20;
  Run r = run(
      "try:\n"
      "    x = []\n"
      "    while True:\n"
      "        x.append([0])\n"
      "except MemoryError:\n"
      "    x = None\n"
      "    print('caught')\n",
      options);
  CHECK(r.outcome.status == 0);
  CHECK(r.out == "caught\n");
}

TEST_CASE("bad calls raise CPython's TypeError messages", "[lang][calls]") {
  Run r = run(
      "def f(a, b=1, *, c):\n"
      "    pass\n"
      "for call in (lambda: f(), lambda: f(1, 2, 3, c=0), lambda: f(1, d=2, c=0),\n"
      "             lambda: f(1)):\n"
      "    try:\n"
      "        call()\n"
      "    except TypeError as e:\n"
      "        print(e)\n");
  CHECK(r.out ==
        "f() missing 1 required positional argument: 'a'\n"
        "f() takes from 1 to 2 positional arguments but 3 were given\n"
        "f() got an unexpected keyword argument 'd'\n"
        "f() missing 1 required keyword-only argument: 'c'\n");
}

TEST_CASE("unsupported built-ins fail with a clear error at run time", "[lang][safety]") {
  Run r = run("x = 1\nopen('f')\n");
  CHECK(r.outcome.status == 1);
  CHECK(r.outcome.summary == "NotImplementedError: LoopLab does not support open() (line 2)");
  Run m = run("import os\n");
  CHECK(m.outcome.summary == "ModuleNotFoundError: No module named 'os'");
}

TEST_CASE("time.sleep advances the host's virtual clock", "[lang][time]") {
  Run r = run("import time\nt0 = time.monotonic()\ntime.sleep(1.5)\nprint(time.monotonic() - t0)\n");
  CHECK(r.out == "1.5\n");
}
