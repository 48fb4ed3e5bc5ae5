// LoopLab's ints are 64-bit (the subset): every path that would need a bigger
// int raises OverflowError with LoopLab's own message, at the line that overflowed,
// instead of wrapping. The messages are LoopLab's, not CPython's (CPython would print
// the big result), so they are written here by hand.
#include <catch2/catch.hpp>

#include <string>

#include "engine/lang/host.hpp"
#include "engine/lang/interpreter.hpp"
#include "tests/unit/session/oracle.hpp"

namespace {

constexpr const char* kOverflow = "OverflowError: integer overflow (LoopLab ints are 64-bit)";

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

Run run(const std::string& source) {
  looplab::lang::BufferHost host;
  looplab::lang::Interpreter interp(host);
  Run r;
  r.status = interp.run_file(source, "limits.py", {}).status;
  r.out = host.out;
  r.err = host.err;
  return r;
}

// The program's last line overflows: it must fail there, after the lines before it ran.
void expect_overflow_on_last_line(const std::string& setup, const std::string& last) {
  int line = 2;
  for (char c : setup + last) line += c == '\n' ? 1 : 0;
  Run r = run("print('before')\n" + setup + last + "\nprint('after')\n");
  INFO(setup << last);
  CHECK(r.status == 1);
  CHECK(r.out == "before\n");
  CHECK(looplab::testing::last_line(r.err) == kOverflow);
  CHECK(r.err.find("line " + std::to_string(line) + ",") != std::string::npos);
}

const std::string kEdges = "MAX = 9223372036854775807\nMIN = -MAX - 1\n";

}  // namespace

TEST_CASE("int operators that leave 64 bits raise LoopLab's OverflowError") {
  expect_overflow_on_last_line(kEdges, "x = MAX + 1");
  expect_overflow_on_last_line(kEdges, "x = MIN - 1");
  expect_overflow_on_last_line(kEdges, "x = 3037000500 * 3037000500");
  expect_overflow_on_last_line(kEdges, "x = -MIN");
  expect_overflow_on_last_line(kEdges, "x = MIN // -1");
  expect_overflow_on_last_line(kEdges, "x = 1 << 63");
  expect_overflow_on_last_line(kEdges, "x = 3 << 62");
  expect_overflow_on_last_line(kEdges, "x = 2 ** 63");
  expect_overflow_on_last_line(kEdges, "x = (-3) ** 40");
  expect_overflow_on_last_line(kEdges, "x = MAX\nx += 1");
  expect_overflow_on_last_line(kEdges, "x = MIN\nx *= -1");
}

TEST_CASE("builtins whose int result leaves 64 bits raise LoopLab's OverflowError") {
  expect_overflow_on_last_line(kEdges, "x = abs(MIN)");
  expect_overflow_on_last_line(kEdges, "x = divmod(MIN, -1)");
  expect_overflow_on_last_line(kEdges, "x = pow(2, 64)");
  expect_overflow_on_last_line(kEdges, "x = sum([MAX, 1])");
  expect_overflow_on_last_line(kEdges, "x = int('9223372036854775808')");
  expect_overflow_on_last_line(kEdges, "x = int('-0x8000000000000001', 16)");
  expect_overflow_on_last_line(kEdges, "x = int(1e19)");
  expect_overflow_on_last_line(kEdges, "x = int(-9.3e18)");
  expect_overflow_on_last_line(kEdges, "x = round(1e19)");
  expect_overflow_on_last_line(kEdges, "x = (1e300).as_integer_ratio()");
  expect_overflow_on_last_line(kEdges, "x = (5e-324).as_integer_ratio()");
  expect_overflow_on_last_line(kEdges, "x = range(MIN, MAX)");
  expect_overflow_on_last_line(kEdges, "x = range(-1, MAX)");
  expect_overflow_on_last_line(kEdges, "x = range(10, 0, MIN)");
}

TEST_CASE("math and random functions with int results beyond 64 bits raise LoopLab's OverflowError") {
  const std::string imports = kEdges + "import math, random\n";
  expect_overflow_on_last_line(imports, "x = math.factorial(21)");
  expect_overflow_on_last_line(imports, "x = math.comb(100, 50)");
  expect_overflow_on_last_line(imports, "x = math.perm(30)");
  expect_overflow_on_last_line(imports, "x = math.floor(1e19)");
  expect_overflow_on_last_line(imports, "x = math.ceil(-1e19)");
  expect_overflow_on_last_line(imports, "x = math.prod([MAX, 2])");
  expect_overflow_on_last_line(imports, "x = random.getrandbits(64)");
}

TEST_CASE("results at the int64 edges themselves do not overflow") {
  const std::string program =
      kEdges +
      "print(MAX, MIN, -MAX, MIN // 1, (-2) ** 63, -1 << 63, MIN + MAX, abs(-MAX))\n"
      "print(int('-9223372036854775808'), divmod(MIN, 1), pow(2, 62) - 1 + pow(2, 62) == MAX)\n";
  Run r = run(program);
  auto cpython = looplab::testing::reference_run(program);
  CHECK(r.status == 0);
  CHECK(r.out == cpython.out);
}

TEST_CASE("an int literal beyond 64 bits is reported at compile time with its line") {
  Run r = run("x = 1\ny = 9223372036854775808\n");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(looplab::testing::last_line(r.err) ==
        "NotImplementedError: LoopLab does not support integers beyond 64 bits (line 2)");
}
