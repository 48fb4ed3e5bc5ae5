#pragma once
// Traces for the export tests: real runs of native coroutines on the real loop (the
// shapes the lessons teach) and a few hand-built edge cases.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "engine/loop/host.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::exporter::testing {

// A finished run; it owns the Runtime so that its trace stays valid.
class NativeRun {
 public:
  NativeRun();
  ~NativeRun();
  loop::Runtime& runtime() { return *runtime_; }
  const loop::Trace& trace() const { return runtime_->trace(); }

 private:
  loop::NativeHost host_;
  std::unique_ptr<loop::Runtime> runtime_;
};

// Three cooks sleep 2.0, 1.0 and 3.0 s under asyncio.gather; each prints before and after.
std::unique_ptr<NativeRun> run_sleep_gather();
// main awaits a child that waits on another task, then prints its result.
std::unique_ptr<NativeRun> run_await_task();
// main cancels a sleeping task after 1 s and catches the CancelledError.
std::unique_ptr<NativeRun> run_cancellation();
// A worker thread sleeps 1.5 s while the loop is blocked by time.sleep(2.0).
std::unique_ptr<NativeRun> run_worker_and_blocking_sleep();
// A task raises ValueError('boom'); main awaits it and the run ends with exit status 1.
std::unique_ptr<NativeRun> run_failure();
// `tasks` tasks each sleeping `sleeps` times (0.001 s apart): the benchmark's shape.
std::unique_ptr<NativeRun> run_many_sleepers(int tasks, int sleeps);

struct NamedTrace {
  std::string name;
  std::function<std::unique_ptr<NativeRun>()> make;
};
// Every native scenario above, for tests that check each format on each of them.
std::vector<NamedTrace> native_scenarios();

// Hand-built edge cases.
loop::Trace empty_trace();
loop::Trace one_event_trace();  // a single Stdout event with awkward characters

std::string export_string(const loop::Trace& trace, Format format, const Options& options = {});

}  // namespace looplab::exporter::testing
