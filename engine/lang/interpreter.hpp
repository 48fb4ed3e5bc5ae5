#pragma once
// The public face of engine/lang: run a Python source file to completion.
//
//   BufferHost host;                       // or the session's LangHost
//   Interpreter interp(host);
//   RunOutcome r = interp.run_file(source, "main.py", RunOptions{});
//   // host.out / host.err hold what the program printed; r.status is the exit status.
//
// Exit statuses (DESIGN.md): 0 success (or SystemExit(0)), 1 uncaught exception, syntax
// error or unsupported construct, 4 budget exhausted (instructions), or the SystemExit
// code. Everything the program or the interpreter writes goes through the host, stdout
// before stderr as CPython flushes them; `error` repeats the final stderr text of a
// failed run (traceback or syntax error report), `summary` its last line.

#include <string>
#include <string_view>

#include "engine/lang/host.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

struct RunOptions {
  Limits limits;
  bool disassemble = false;  // print the bytecode to stdout instead of running
  uint64_t random_seed = 0;  // `random` starts as after random.seed(random_seed) (--seed N)
};

struct RunOutcome {
  int status = 0;
  std::string error;  // the stderr text of a failure; empty on success
  std::string summary;  // its last line, e.g. "ZeroDivisionError: division by zero"
};

class Interpreter {
 public:
  explicit Interpreter(LangHost& host) : host_(host) {}
  RunOutcome run_file(std::string_view source, std::string filename, const RunOptions& options);

 private:
  LangHost& host_;
};

}  // namespace looplab::lang
