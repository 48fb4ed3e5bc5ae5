// bench_lang: LoopLab's compiler + VM against CPython 3.11 on the same CPU-bound programs.
//
// Each tests/bench/lang/programs/*.py runs in-process through the session API and as a
// `python3 PROGRAM` subprocess; both are timed with steady_clock (best of --repeat runs,
// since the machine is shared) and their stdouts must be identical. CPython's time has
// its start-up (`python3 -c pass`, timed the same way) subtracted, so both columns are
// compile + run of the program. CPU time (this process / the child's rusage) is printed
// beside wall time because it is far less sensitive to other load on the machine.
//
// Usage: bench_lang [--repeat N] [PROGRAM_STEM...]   (no arguments: every program, N=3)
// Exit status: 1 only when LoopLab and CPython print different output (or CPython itself
// fails); speed targets are reported, never asserted.

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/session/session.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using looplab::session::Program;

// [SECTION] Timing -----------------------------------------------------------------------

struct Timing {
  double wall = std::numeric_limits<double>::infinity();
  double cpu = std::numeric_limits<double>::infinity();

  void keep_best(double w, double c) {
    wall = std::min(wall, w);
    cpu = std::min(cpu, c);
  }
};

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double rusage_cpu_seconds(const rusage& ru) {
  auto tv = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return tv(ru.ru_utime) + tv(ru.ru_stime);
}

// [SECTION] Subprocess -------------------------------------------------------------------

struct ChildRun {
  int exit_status = -1;  // -1: could not start or did not exit normally
  std::string out;
  std::string err;
  double wall = 0;
  double cpu = 0;
};

// Drains both pipes together so a chatty stderr can never block the child.
void drain(int out_fd, int err_fd, std::string* out, std::string* err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {out, err};
  int open_count = 2;
  char buf[65536];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
        continue;
      }
      close(fds[i].fd);
      fds[i].fd = -1;
      --open_count;
    }
  }
}

ChildRun run_child(const std::vector<std::string>& argv) {
  ChildRun run;
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return run;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  const double start = steady_seconds();
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    run.err = "cannot start " + argv[0];
    return run;
  }
  drain(out_pipe[0], err_pipe[0], &run.out, &run.err);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.wall = steady_seconds() - start;
  run.cpu = rusage_cpu_seconds(usage);
  if (WIFEXITED(status)) run.exit_status = WEXITSTATUS(status);
  return run;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string last_line(const std::string& text) {
  const std::string t = trimmed(text);
  const size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

// `python3` on PATH may be a shim (pyenv's is a shell script that costs more than the
// interpreter's own start-up); ask it for the real executable once and time that.
std::string resolve_python() {
  const ChildRun r = run_child({"python3", "-c", "import sys; print(sys.executable)"});
  const std::string exe = trimmed(r.out);
  return r.exit_status == 0 && !exe.empty() ? exe : "python3";
}

// [SECTION] One program ------------------------------------------------------------------

struct Row {
  std::string name;
  Timing looplab;
  Timing cpython;       // start-up already subtracted
  std::string problem;  // empty: both ran and agreed
  bool mismatch = false;
};

constexpr uint64_t kInstructionBudget = uint64_t{1} << 50;

// Runs `repeat` times in-process; stops at the first failure, which it returns.
std::optional<looplab::session::RunResult> time_looplab(const Program& program, int repeat,
                                                        Timing* timing, std::string* out) {
  looplab::session::RunOptions options;
  options.budgets.max_instructions = kInstructionBudget;
  for (int i = 0; i < repeat; ++i) {
    const double wall0 = steady_seconds();
    const double cpu0 = process_cpu_seconds();
    looplab::session::RunResult result = looplab::session::run(program, options);
    timing->keep_best(steady_seconds() - wall0, process_cpu_seconds() - cpu0);
    if (result.exit_status != looplab::session::kExitOk) return result;
    if (i == 0) *out = std::move(result.stdout_text);
  }
  return std::nullopt;
}

std::string failure_line(const looplab::session::RunResult& failed) {
  std::string line = last_line(failed.stderr_text);
  if (line.empty() && failed.error) line = failed.error->message;
  if (line.empty()) line = "exit status " + std::to_string(failed.exit_status);
  return line;
}

Row bench_program(const fs::path& path, const std::string& python, const Timing& startup,
                  int repeat) {
  Row row;
  row.name = path.stem().string();
  std::string error;
  const std::optional<Program> program = looplab::session::load_program(path.string(), &error);
  std::string looplab_out;
  if (!program) {
    row.problem = "unsupported: " + error;
  } else if (auto failed = time_looplab(*program, repeat, &row.looplab, &looplab_out)) {
    row.problem = "unsupported: " + failure_line(*failed);
  }
  std::string cpython_out;
  for (int i = 0; i < repeat; ++i) {
    ChildRun r = run_child({python, path.string()});
    if (r.exit_status != 0) {
      row.problem = "CPython failed: " + last_line(r.err);
      row.mismatch = true;
      return row;
    }
    row.cpython.keep_best(std::max(r.wall - startup.wall, 1e-6),
                          std::max(r.cpu - startup.cpu, 1e-6));
    if (i == 0) cpython_out = std::move(r.out);
  }
  if (row.problem.empty() && looplab_out != cpython_out) {
    row.problem = "MISMATCH: stdout differs from CPython's";
    row.mismatch = true;
  }
  return row;
}

// [SECTION] Report -----------------------------------------------------------------------

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void print_row(const Row& row) {
  std::printf("%-12s", row.name.c_str());
  if (!row.problem.empty()) {
    std::printf("  %s\n", row.problem.c_str());
    return;
  }
  std::printf("  %9.3f  %9.3f  %7.2fx    %9.3f  %9.3f  %7.2fx\n", row.looplab.wall,
              row.cpython.wall, row.cpython.wall / row.looplab.wall, row.looplab.cpu,
              row.cpython.cpu, row.cpython.cpu / row.looplab.cpu);
}

void print_summary_line(const char* what, const std::vector<double>& speedups,
                        const std::vector<std::string>& names) {
  const auto worst = std::min_element(speedups.begin(), speedups.end());
  const double med = median(speedups);
  std::printf(
      "%-5s speed-up: median %.2fx, worst %.2fx (%s)   target median >= 2x: %s, "
      "none slower than CPython: %s\n",
      what, med, *worst, names[static_cast<size_t>(worst - speedups.begin())].c_str(),
      med >= 2.0 ? "met" : "NOT met", *worst >= 1.0 ? "met" : "NOT met");
}

void print_summary(const std::vector<Row>& rows) {
  std::vector<double> wall;
  std::vector<double> cpu;
  std::vector<std::string> names;
  for (const Row& r : rows) {
    if (!r.problem.empty()) continue;
    wall.push_back(r.cpython.wall / r.looplab.wall);
    cpu.push_back(r.cpython.cpu / r.looplab.cpu);
    names.push_back(r.name);
  }
  std::printf("\n%zu of %zu programs ran on LoopLab with CPython's output.\n", wall.size(),
              rows.size());
  if (wall.empty()) return;
  print_summary_line("wall", wall, names);
  print_summary_line("cpu", cpu, names);
}

void print_header(const std::string& python, const Timing& startup, int repeat) {
  const ChildRun version = run_child({python, "-c", "import sys; print(sys.version.split()[0])"});
  std::string load;
  std::ifstream("/proc/loadavg") >> load;
  std::printf("LoopLab VM vs CPython %s (%s); best of %d runs each; load average %s\n",
              trimmed(version.out).c_str(), python.c_str(), repeat, load.c_str());
  std::printf(
      "CPython times exclude interpreter start-up: `python3 -c pass` (%.3f s wall, "
      "%.3f s cpu) is subtracted.\n",
      startup.wall, startup.cpu);
  std::printf("speed-up = CPython s / LoopLab s (> 1: LoopLab is faster)\n\n");
  std::printf("%-12s  %9s  %9s  %8s    %9s  %9s  %8s\n", "program", "LoopLab s", "CPython s",
              "speed-up", "LL cpu s", "CPy cpu s", "speed-up");
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      only.push_back(arg);
    }
  }
  const fs::path dir = fs::path(LOOPLAB_SOURCE_DIR) / "tests/bench/lang/programs";
  std::vector<fs::path> programs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".py") continue;
    if (only.empty() || std::find(only.begin(), only.end(), p.stem().string()) != only.end())
      programs.push_back(p);
  }
  std::sort(programs.begin(), programs.end());
  if (programs.empty()) {
    std::fprintf(stderr, "bench_lang: no programs found in %s\n", dir.c_str());
    return 1;
  }

  const std::string python = resolve_python();
  Timing startup;
  for (int i = 0; i < repeat; ++i) {
    const ChildRun r = run_child({python, "-c", "pass"});
    startup.keep_best(r.wall, r.cpu);
  }
  print_header(python, startup, repeat);

  std::vector<Row> rows;
  bool mismatch = false;
  for (const fs::path& p : programs) {
    rows.push_back(bench_program(p, python, startup, repeat));
    print_row(rows.back());
    std::fflush(stdout);
    mismatch = mismatch || rows.back().mismatch;
  }
  print_summary(rows);
  return mismatch ? 1 : 0;
}
