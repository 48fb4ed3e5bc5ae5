// The dispatch loop's calls and frames: what they drop must really be released, so a
// long loop of fresh objects runs under a heap cap far below what it allocates in total.
#include <catch2/catch.hpp>

#include <string>

#include "engine/lang/interpreter.hpp"

using looplab::lang::BufferHost;
using looplab::lang::Interpreter;
using looplab::lang::RunOptions;

namespace {

int run_capped(const std::string& source) {
  RunOptions options;
  options.limits.max_heap_bytes = 4 << 20;
  BufferHost host;
  Interpreter interp(host);
  return interp.run_file(source, "test.py", options).status;
}

}  // namespace

TEST_CASE("unpacked tuples from a generator are released under a small heap cap",
          "[lang][frames]") {
  CHECK(run_capped("def pairs(n):\n"
                   "    for v in range(n):\n"
                   "        yield v, [v]\n"
                   "t = 0\n"
                   "for a, b in pairs(300000):\n"
                   "    t += a + len(b)\n") == 0);
}

TEST_CASE("arguments, defaults, keywords and closures of plain calls are released",
          "[lang][frames]") {
  CHECK(run_capped("def outer(step):\n"
                   "    def f(a, b=[0], *, c=None):\n"
                   "        return a\n"
                   "    def g(a, b=(1,)):\n"
                   "        return len(a) + step\n"
                   "    return f, g\n"
                   "f, g = outer(2)\n"
                   "t = 0\n"
                   "for i in range(200000):\n"
                   "    t += len(f([i], b=[i]))\n"
                   "    t += g([i]) + g(a=[i], b=(i,))\n") == 0);
}
