#pragma once
// A Session runs one program (a built-in scenario or a .py file) on LoopLab's compiler,
// VM and virtual-clock loop, and hands back its Trace. Both front ends (looplab-cli and
// the GUI) talk only to this header; the GUI calls run() on a background thread and
// polls `RunControl`, so a runaway program never freezes a frame.

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/session/scenario.hpp"

namespace looplab::loop {
class Trace;
}

namespace looplab::session {

// [SECTION] Programs ------------------------------------------------------------------

// What a run executes. `info` is parsed from the source (title, lesson, @param, @note);
// a plain file without a docstring still gets a title (its file name).
struct Program {
  std::string name;      // scenario name ("restaurant") or the path as the user gave it
  std::string filename;  // the name tracebacks show
  std::string source;
  ScenarioInfo info;
};

// Every built-in scenario, in the order `looplab-cli list` prints them.
std::vector<Program> builtin_programs();

// "restaurant" names a built-in scenario; anything ending in .py (or naming an existing
// file) is read from disk. Returns nullopt with a one-line `error` on failure.
std::optional<Program> load_program(std::string_view name_or_path, std::string* error);

// A program from text (the GUI's editor): metadata is parsed as for a file.
Program program_from_source(std::string name, std::string filename, std::string source);

// [SECTION] Running -------------------------------------------------------------------

// DESIGN.md's default budgets; each is raised by a CLI flag.
struct Budgets {
  uint64_t max_steps = 10'000'000;           // loop callbacks
  double max_time = 3600.0;                  // virtual seconds
  uint64_t max_instructions = 500'000'000;   // VM instructions
  uint64_t max_memory = uint64_t{1} << 30;   // VM heap bytes; exceeding raises MemoryError
};

struct RunOptions {
  std::vector<std::pair<std::string, std::string>> overrides;  // --set NAME=VALUE
  std::optional<uint64_t> seed;                                // --seed N
  Budgets budgets;
  // false: the trace keeps only the outcome. stdout_text does not need it, and recording
  // costs more than the loop itself (`looplab-cli run` without --stamp turns it off).
  bool record_trace = true;
};

// Shared with a background run: the GUI asks it to stop and reads progress.
struct RunControl {
  std::atomic<bool> stop_requested{false};
  std::atomic<uint64_t> events{0};  // trace events recorded so far
};

// Exit statuses of DESIGN.md's contract.
enum ExitStatus : int {
  kExitOk = 0,
  kExitError = 1,     // uncaught exception, syntax error, unsupported construct
  kExitUsage = 2,     // bad --set, unknown scenario
  kExitDeadlock = 3,
  kExitBudget = 4,
};

// Where an error points, for the GUI's source view.
struct ErrorLocation {
  int line = 0;
  std::string message;  // the last line of the report, e.g. "NameError: name 'x' is not defined"
};

struct RunResult {
  int exit_status = kExitOk;
  std::string stdout_text;
  std::string stderr_text;
  std::shared_ptr<const loop::Trace> trace;  // never null after run()
  std::optional<ErrorLocation> error;
};

RunResult run(const Program& program, const RunOptions& options, RunControl* control = nullptr);

// stdout with every completed line prefixed "[T] " (T = virtual seconds, three
// decimals, at the moment the line's newline was written): `looplab-cli run --stamp`.
std::string stamped_stdout(const loop::Trace& trace);

}  // namespace looplab::session
