// Exports a trace of at least 1,000,000 events (real native tasks sleeping on the real
// loop) in every format, timing each and measuring its peak memory.
//
//   bench_export [tasks [sleeps]]      default: 400 tasks x 320 sleeps (~1.03 M events)
//
// Memory: each export runs in a forked child (so no format inherits another's freed heap),
// which resets the kernel's peak-RSS mark (/proc/self/clear_refs) first: VmHWM -
// VmRSS(before) is what that export added on top of the trace. Targets per
// format: under 2 s and under 2x the trace's own memory (Trace::memory_bytes). Exit
// status 1 if a target is missed or an export fails.

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <streambuf>
#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "engine/loop/host.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/runners.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace {

using looplab::exporter::Format;
using namespace looplab::loop;

// A stream that counts bytes and keeps none (the cost measured is the export's own).
class CountingBuf : public std::streambuf {
 public:
  size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<size_t>(n);
    return n;
  }
  int_type overflow(int_type ch) override {
    ++bytes;
    return traits_type::not_eof(ch);
  }
};

// A value of /proc/self/status in kB ("VmHWM", "VmRSS").
long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
  return -1;
}

bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  return static_cast<bool>(out.flush());
}

Co sleeper(Runtime& rt, int sleeps) {
  for (int i = 0; i < sleeps; ++i) co_await sleep(rt, 0.001 * (1 + i % 7));
  co_return box(sleeps);
}

Co bench_main(Runtime& rt, int tasks, int sleeps) {
  std::vector<Value> children;
  for (int i = 0; i < tasks; ++i) {
    Ref<Coroutine> child = sleeper(rt, sleeps);
    children.push_back(Value(std::move(child)));
  }
  co_await gather(*rt.running_loop(), children);
  co_return box(0);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One export into a counting sink: prints its line, returns whether it met the targets.
bool measure(const Trace& trace, Format f, double trace_mb) {
  reset_peak_rss();
  const long rss_before = status_kb("VmRSS");
  CountingBuf sink;
  std::ostream out(&sink);
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  const bool ok = looplab::exporter::write(trace, f, out, {}, &error);
  const double secs = seconds_since(start);
  const double extra_mb = static_cast<double>(status_kb("VmHWM") - rss_before) * 1024.0 / 1e6;
  const bool met = ok && secs < 2.0 && extra_mb < 2.0 * trace_mb;
  std::printf("%-6s %6.2f s  peak +%7.1f MB (%.2fx trace)  output %8.1f MB  %s%s\n",
              looplab::exporter::format_name(f), secs, extra_mb, extra_mb / trace_mb,
              static_cast<double>(sink.bytes) / 1e6, met ? "ok" : "MISSED",
              ok ? "" : (" (" + error + ")").c_str());
  std::fflush(stdout);
  return met;
}

}  // namespace

int main(int argc, char** argv) {
  const int tasks = argc > 1 ? std::atoi(argv[1]) : 400;
  const int sleeps = argc > 2 ? std::atoi(argv[2]) : 320;
  NativeHost host;
  Budgets budgets;
  budgets.max_callbacks = 100'000'000;
  Runtime rt(host, budgets);
  const auto run_start = std::chrono::steady_clock::now();
  run(rt, bench_main(rt, tasks, sleeps));
  rt.finish(0, "");
  const Trace& trace = rt.trace();
  const double trace_mb = static_cast<double>(trace.memory_bytes()) / 1e6;
  std::printf("trace: %zu events, %zu tasks, %.1f MB (recorded in %.2f s)\n", trace.size(),
              trace.tasks.size(), trace_mb, seconds_since(run_start));
  if (!reset_peak_rss()) std::printf("note: cannot reset VmHWM; memory figures are upper bounds\n");
  std::fflush(stdout);

  bool all_ok = true;
  for (Format f : {Format::Chrome, Format::Csv, Format::Text, Format::Svg}) {
    const pid_t child = fork();
    if (child == 0) _exit(measure(trace, f, trace_mb) ? 0 : 1);
    int status = 0;
    all_ok &= child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) &&
              WEXITSTATUS(status) == 0;
  }
  return all_ok ? 0 : 1;
}
