// bench_loop: the engine's event loop against a bare dispatcher on the same schedule.
//
// Workload: 100,000 tasks, each sleeping 10 times for varied lengths. Every sleep costs
// two loop callbacks (the timer's callback, then the task's wakeup), as in asyncio.
// The baseline is what a loop minimally needs: a binary heap of (when, seq) timers and
// a deque of std::function callbacks, one callback per timer plus one per wakeup.
//
// Each variant runs in a forked child so its peak RSS (VmHWM) and its peak live heap
// (counted by the replaced operator new/delete) are its own. Timing is the process's CPU
// time (user + system, so page faults count), the best of `--reps N` runs (default 3):
// the machine is shared, and neither the time spent descheduled nor a noisy run should
// decide the ratio.
//
//   bench_loop [--reps N] [baseline|engine|trace]   one variant in-process (for perf)

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <malloc.h>
#include <new>
#include <queue>
#include <string>
#include <vector>

#include "engine/loop/native_task.hpp"
#include "engine/loop/runners.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

using namespace looplab::loop;

// [SECTION] Counting allocator: live heap bytes (for bytes per sleeping task) ----------

namespace {
size_t g_live_bytes = 0;
size_t g_peak_bytes = 0;
}  // namespace

namespace {
void* counted(void* p, size_t bytes) {
  if (!p) throw std::bad_alloc();
  g_live_bytes += bytes;
  if (g_live_bytes > g_peak_bytes) g_peak_bytes = g_live_bytes;
  return p;
}
void uncounted_free(void* p, size_t bytes) {
  if (!p) return;
  g_live_bytes -= bytes;
  std::free(p);
}
size_t aligned_bytes(size_t n, std::align_val_t al) {
  const auto a = static_cast<size_t>(al);
  return (std::max<size_t>(n, 1) + a - 1) / a * a;
}
}  // namespace

void* operator new(size_t n) {
  void* p = std::malloc(n ? n : 1);
  return counted(p, p ? malloc_usable_size(p) : 0);
}
void operator delete(void* p) noexcept { uncounted_free(p, p ? malloc_usable_size(p) : 0); }
void operator delete(void* p, size_t) noexcept { operator delete(p); }
// The trace's large blocks are over-aligned (and freed with their size): counted as
// asked, since a 2 MiB-aligned block's usable size includes untouched alignment slack.
void* operator new(size_t n, std::align_val_t al) {
  return counted(std::aligned_alloc(static_cast<size_t>(al), aligned_bytes(n, al)), aligned_bytes(n, al));
}
void operator delete(void* p, size_t n, std::align_val_t al) noexcept { uncounted_free(p, aligned_bytes(n, al)); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }

namespace {

constexpr int kTasks = 100'000;
constexpr int kSleeps = 10;

double delay_of(int task, int k) { return 0.01 + ((task * 7 + k * 13) % 100) / 100.0; }

long peak_rss_kb() {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  long kb = 0;
  while (std::fgets(line, sizeof line, f))
    if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::strtol(line + 6, nullptr, 10);
  std::fclose(f);
  return kb;
}

struct Result {
  double seconds = 0;
  double callbacks = 0;
  double peak_kb = 0;
  double peak_heap = 0;
  double bytes_per_sleeping_task = 0;
  double frame_bytes = 0;
  double trace_events = 0;
  double trace_bytes = 0;
};

double now_s() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// [SECTION] Engine -------------------------------------------------------------------

struct Probe {
  size_t before = 0;
  size_t sleeping = 0;
  int started = 0;
};

Co sleeper(Runtime& rt, int id, Probe* probe) {
  for (int k = 0; k < kSleeps; ++k) {
    if (k == 0 && ++probe->started == kTasks) probe->sleeping = g_live_bytes;
    co_await sleep(rt, delay_of(id, k));
  }
  co_return nullptr;
}

Co spawner(Runtime& rt, Probe* probe) {
  EventLoop& loop = *rt.running_loop();
  probe->before = g_live_bytes;
  std::vector<Ref<Task>> tasks;
  tasks.reserve(kTasks);
  for (int i = 0; i < kTasks; ++i) tasks.push_back(loop.create_task(sleeper(rt, i, probe)));
  for (const Ref<Task>& t : tasks) co_await t;
  co_return nullptr;
}

Result run_engine(bool record_trace) {
  NativeHost host;
  Budgets budgets;
  budgets.record_trace = record_trace;
  budgets.max_callbacks = 100'000'000;
  Runtime rt(host, budgets);
  Probe probe;
  Result r;
  {  // a coroutine call allocates its frame and the NativeCoroutine that owns it; once
     // one call has filled the pool and the qualname table, the next allocates only the
     // frame (the NativeCoroutine reuses the first one's pool block)
    Co warm_up = sleeper(rt, 0, &probe);
  }
  {
    const size_t before = g_live_bytes;
    Co probe_frame = sleeper(rt, 0, &probe);
    r.frame_bytes = static_cast<double>(g_live_bytes - before);
  }
  const double t0 = now_s();
  looplab::loop::run(rt, spawner(rt, &probe));
  r.seconds = now_s() - t0;
  rt.finish(0, "");  // as the CLI does: trims the trace
  r.callbacks = static_cast<double>(rt.handles_run());
  r.bytes_per_sleeping_task = (static_cast<double>(probe.sleeping) - static_cast<double>(probe.before)) / kTasks -
                              r.frame_bytes;
  r.trace_events = static_cast<double>(rt.trace().size());
  r.trace_bytes = static_cast<double>(rt.trace().memory_bytes());
  r.peak_kb = static_cast<double>(peak_rss_kb());
  r.peak_heap = static_cast<double>(g_peak_bytes);
  return r;
}

// [SECTION] Baseline -----------------------------------------------------------------

struct Timer {
  double when;
  uint64_t seq;
  std::function<void()> fn;
  bool operator>(const Timer& o) const { return when != o.when ? when > o.when : seq > o.seq; }
};

struct Bare {
  double now = 0;
  uint64_t seq = 0;
  uint64_t callbacks = 0;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers;
  std::deque<std::function<void()>> ready;
  std::vector<int> progress;

  void sleep_then_wake(int id) {
    const int k = progress[id];
    if (k == kSleeps) return;
    timers.push({now + delay_of(id, k), seq++, [this, id] {
                   ready.push_back([this, id] {  // the task's wakeup
                     ++progress[id];
                     sleep_then_wake(id);
                   });
                 }});
  }

  void run() {
    for (int i = 0; i < kTasks; ++i) ready.push_back([this, i] { sleep_then_wake(i); });
    while (!ready.empty() || !timers.empty()) {
      if (ready.empty()) now = timers.top().when;
      while (!timers.empty() && timers.top().when < now + 1e-9) {
        ready.push_back(std::move(const_cast<Timer&>(timers.top()).fn));
        timers.pop();
      }
      for (size_t n = ready.size(); n > 0; --n) {
        std::function<void()> fn = std::move(ready.front());
        ready.pop_front();
        ++callbacks;
        fn();
      }
    }
  }
};

Result run_baseline() {
  Bare bare;
  bare.progress.assign(kTasks, 0);
  const double t0 = now_s();
  bare.run();
  Result r;
  r.seconds = now_s() - t0;
  r.callbacks = static_cast<double>(bare.callbacks);
  r.peak_kb = static_cast<double>(peak_rss_kb());
  r.peak_heap = static_cast<double>(g_peak_bytes);
  return r;
}

// [SECTION] Driver -------------------------------------------------------------------

Result run_variant(const std::string& name) {
  if (name == "baseline") return run_baseline();
  return run_engine(name == "trace");
}

// Runs the variant `reps` times, each in a fresh child; keeps the fastest run.
Result best_of(const std::string& name, int reps) {
  Result best;
  for (int i = 0; i < reps; ++i) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
      Result r = run_variant(name);
      if (write(fds[1], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) _exit(1);
      _exit(0);
    }
    Result r;
    if (read(fds[0], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) r = {};
    waitpid(pid, nullptr, 0);
    close(fds[0]);
    close(fds[1]);
    if (i == 0 || r.seconds < best.seconds) best = r;
  }
  return best;
}

const char* verdict(bool met) { return met ? "MET" : "NOT MET"; }

void report(const Result& base, const Result& bare_engine, const Result& engine) {
  auto ns_per_cb = [](const Result& r) { return r.seconds * 1e9 / r.callbacks; };
  std::printf("%d tasks x %d sleeps\n", kTasks, kSleeps);
  std::printf("%-22s %12s %14s %12s %13s %13s\n", "variant", "callbacks", "callbacks/s", "ns/callback",
              "peak heap MB", "peak RSS MB");
  const std::pair<const char*, const Result*> rows[] = {
      {"baseline heap+deque", &base}, {"engine, no trace", &bare_engine}, {"engine + trace", &engine}};
  for (const auto& [name, r] : rows)
    std::printf("%-22s %12.0f %14.0f %12.1f %13.1f %13.1f\n", name, r->callbacks, r->callbacks / r->seconds,
                ns_per_cb(*r), r->peak_heap / 1048576.0, r->peak_kb / 1024.0);
  const double ratio = ns_per_cb(bare_engine) / ns_per_cb(base);
  const double ratio_trace = ns_per_cb(engine) / ns_per_cb(base);
  std::printf("cost per callback vs baseline: %.2fx without trace [%s], %.2fx with trace [%s] (target <= 3x)\n",
              ratio, verdict(ratio <= 3.0), ratio_trace, verdict(ratio_trace <= 3.0));
  std::printf("bytes per sleeping task beyond its %.0f-byte coroutine frame: %.0f [%s] (target < 400)\n",
              bare_engine.frame_bytes, bare_engine.bytes_per_sleeping_task,
              verdict(bare_engine.bytes_per_sleeping_task < 400));
  const double per_event = engine.trace_bytes / engine.trace_events;
  std::printf("trace: %.0f events, %.1f bytes/event [%s] (target < 40)\n", engine.trace_events, per_event,
              verdict(per_event < 40));
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 3;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--reps" && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "baseline" || arg == "engine" || arg == "trace") {
      only = arg;
    } else {
      std::fprintf(stderr, "usage: bench_loop [--reps N] [baseline|engine|trace]\n");
      return 2;
    }
  }
  if (!only.empty()) {
    const Result r = run_variant(only);
    std::printf("%s: %.0f callbacks in %.3f s, %.1f ns/callback\n", only.c_str(), r.callbacks, r.seconds,
                r.seconds * 1e9 / r.callbacks);
    return 0;
  }
  const Result base = best_of("baseline", reps);
  const Result bare_engine = best_of("engine", reps);
  const Result engine = best_of("trace", reps);
  report(base, bare_engine, engine);
  return 0;
}
