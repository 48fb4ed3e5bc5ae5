#include "tests/unit/lang/like_cpython.hpp"

#include <catch2/catch.hpp>

#include "engine/lang/interpreter.hpp"
#include "tests/unit/session/oracle.hpp"

namespace looplab::testing {

void expect_like_cpython(const std::string& source) {
  INFO(source);
  lang::BufferHost host;
  lang::Interpreter interp(host);
  const int status = interp.run_file(source, "test.py", {}).status;
  const Oracle cpython = reference_run(source);
  CHECK(status == cpython.exit_status);
  CHECK(host.out == cpython.out);
  CHECK(last_line(host.err) == cpython.last_err_line);
}

}  // namespace looplab::testing
