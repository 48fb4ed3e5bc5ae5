// No input crashes or hangs the front end: absurd nesting, truncations and random
// mutations of real programs all end in a result or a diagnostic.

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "engine/lang/parser.hpp"
#include "tests/unit/lang_front/front_cases.hpp"

using looplab::lang::parse_module;
using looplab::lang::test::summary_of;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const char* const kPrograms[] = {
    R"(import asyncio

async def fetch(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    return {"name": name, "delay": delay}

async def main():
    results = await asyncio.gather(*(fetch(n, d) for n, d in [("a", 1), ("b", 2)]))
    async with asyncio.timeout(5):
        for r in results:
            print(r["name"], r['delay'] * 2 if r else None)
    try:
        await asyncio.wait_for(fetch("c", 10), timeout=1)
    except* asyncio.TimeoutError as eg:
        print(type(eg).__name__)

asyncio.run(main())
)",
    R"(class Queue(Base):
    """A queue."""
    def __init__(self, maxsize=0, *, loop=None, **kw):
        self._items = [x for x in range(maxsize) if x % 2 == 0]
        self.d = {k: v for k, v in kw.items()}
        lambda a, /, b=1, *c, d, **e: (a, b, c, d, e)

    @property
    def size(self):
        global total
        while (n := len(self._items)) > 0:
            del self._items[0]
        else:
            pass
        return n
)",
};

void check_no_crash(const std::string& source) {
  auto r = parse_module(source, "fuzz.py");
  if (!r.ok()) {
    CHECK_FALSE(r.error->type.empty());
    CHECK(r.error->line >= 0);
  }
}

}  // namespace

TEST_CASE("the sample programs used for fuzzing parse") {
  for (const char* p : kPrograms) CHECK(summary_of(p) == "ok");
}

TEST_CASE("deep nesting ends in CPython's limits instead of a stack overflow") {
  CHECK(summary_of(repeat("(", 250)) == "SyntaxError: too many nested parentheses");
  CHECK(summary_of("x = " + repeat("1+", 100000) + "1\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of("x = " + repeat("-", 100000) + "1\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of("x" + repeat(".a", 100000) + "\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of("f" + repeat("()", 50000) + "\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of(repeat("not ", 100000) + "x\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of(repeat("lambda:", 50000) + "1\n") ==
        "RecursionError: maximum recursion depth exceeded during compilation");
  CHECK(summary_of("if a:\n    pass\n" + repeat("elif a:\n    pass\n", 20000)) ==
        "RecursionError: maximum recursion depth exceeded during compilation");
}

TEST_CASE("moderate nesting that CPython accepts parses") {
  CHECK(summary_of("x = " + repeat("(", 199) + "1" + repeat(")", 199) + "\n") == "ok");
  CHECK(summary_of("x = " + repeat("1+", 500) + "1\n") == "ok");
  CHECK(summary_of("if a:\n    pass\n" + repeat("elif a:\n    pass\n", 300)) == "ok");
}

TEST_CASE("more than 100 indentation levels is CPython's IndentationError") {
  std::string src;
  for (int i = 0; i < 101; ++i) src += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
  src += std::string(101, ' ') + "pass\n";
  CHECK(summary_of(src) == "IndentationError: too many levels of indentation");
}

TEST_CASE("every truncation of a real program gives a result or a diagnostic") {
  for (const char* p : kPrograms) {
    std::string program = p;
    for (size_t n = 0; n <= program.size(); ++n) check_no_crash(program.substr(0, n));
  }
}

TEST_CASE("random mutations of real programs never crash the front end") {
  std::mt19937 rng(20261123);
  const std::string alphabet = "()[]{}:,=.'\"\n \t#\\*+-fabc0123@;!<>\xc3\xa9\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string src = kPrograms[rng() % 2];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !src.empty(); ++e) {
      size_t at = rng() % src.size();
      switch (rng() % 3) {
        case 0: src.erase(at, 1 + rng() % 3); break;
        case 1: src.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: src.insert(at, src.substr(rng() % src.size(), 1 + rng() % 20)); break;
      }
    }
    check_no_crash(src);
  }
}

TEST_CASE("binary garbage gives a diagnostic") {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string src;
    for (int i = 0; i < 200; ++i) src.push_back(static_cast<char>(rng() % 256));
    check_no_crash(src);
  }
}
