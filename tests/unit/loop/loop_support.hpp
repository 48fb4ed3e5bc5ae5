#pragma once
// Helpers for the engine/loop tests: a runtime over NativeHost, print() as Python's,
// and the reference runner (CPython 3.11 under the same virtual clock) as the oracle.

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/loop/executor.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/runners.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop::testing {

// What a program run produced.
struct Outcome {
  std::string stamped_stdout;
  std::string last_stderr_line;
  int exit_status = 0;
};

inline std::string last_line(const std::string& text) {
  std::string s = text;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  const size_t nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string program_path(const std::string& name) {
  return std::string(LOOPLAB_SOURCE_DIR) + "/tests/unit/loop/programs/" + name + ".py";
}

// Runs tests/unit/loop/programs/NAME.py under the reference runner with --stamp.
inline Outcome reference(const std::string& name) {
  char err_path[] = "/tmp/looplab_ref_stderr_XXXXXX";
  const int fd = mkstemp(err_path);
  if (fd >= 0) ::close(fd);
  const std::string cmd = std::string(LOOPLAB_PYTHON) + " " + LOOPLAB_SOURCE_DIR + "/tests/reference/looplab_ref.py --stamp " +
                          program_path(name) + " 2>" + err_path;
  Outcome out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.stamped_stdout.append(buf.data(), n);
  const int status = pclose(p);
  out.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  out.last_stderr_line = last_line(read_file(err_path));
  std::remove(err_path);
  return out;
}

// A runtime over the native host, with Python's print.
struct Fixture {
  NativeHost host;
  Runtime rt{host};
  void print(const std::string& line) { rt.write_stdout(line + "\n"); }

  // asyncio.run(main) and what it produced (RunAborted becomes its exit status).
  Outcome run(Ref<Coroutine> main) {
    Outcome out;
    try {
      loop::run(rt, std::move(main));
    } catch (const PyException& e) {
      host.write_stderr(host.format_exception(e.value));
      out.exit_status = 1;
    } catch (const RunAborted& a) {
      out.exit_status = a.exit_status;
    }
    out.stamped_stdout = rt.stamped_stdout();
    out.last_stderr_line = last_line(host.stderr_text);
    return out;
  }
  EventLoop& loop() { return *rt.running_loop(); }
  std::string repr(const Value& v) const { return host.repr(v); }
};

// The argument list of gather(*aws). (A braced list inside a co_await expression trips
// GCC 12's coroutine lowering, so tests build it through this call.)
template <class... Aws>
std::vector<Value> values(Aws&&... aws) {
  std::vector<Value> out;
  (out.push_back(Value(Ref<Coroutine>(std::forward<Aws>(aws)))), ...);
  return out;
}

// A worker job scripted as a list of steps: each runs `action` then yields its step.
class ScriptedJob final : public WorkerJob {
 public:
  struct Stage {
    std::function<void()> action;
    WorkerStep step;
  };
  explicit ScriptedJob(std::vector<Stage> stages) : stages_(std::move(stages)) {}
  WorkerStep resume() override {
    Stage& s = stages_[next_++];
    if (s.action) s.action();
    return s.step;
  }

 private:
  std::vector<Stage> stages_;
  size_t next_ = 0;
};

}  // namespace looplab::loop::testing
