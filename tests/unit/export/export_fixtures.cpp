#include "export_fixtures.hpp"

#include <sstream>

#include "engine/loop/base_events.hpp"
#include "engine/loop/executor.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/runners.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::exporter::testing {

using loop::box;
using loop::Co;
using loop::EventLoop;
using loop::PyException;
using loop::Ref;
using loop::Runtime;
using loop::Value;

NativeRun::NativeRun() : runtime_(std::make_unique<Runtime>(host_)) {}
NativeRun::~NativeRun() = default;

namespace {

// asyncio.run(main(rt)), recording the outcome: status 0, or 1 with the exception's
// last traceback line.
template <class Main>
std::unique_ptr<NativeRun> run_main(Main main) {
  auto run = std::make_unique<NativeRun>();
  Runtime& rt = run->runtime();
  try {
    loop::run(rt, main(rt));
    rt.finish(0, "");
  } catch (const PyException& e) {
    rt.finish(1, rt.host().exception_text(e.value));
  }
  return run;
}

EventLoop& running_loop(Runtime& rt) {
  return *rt.running_loop();
}

void print(Runtime& rt, const std::string& text) {
  rt.write_stdout(text + "\n");
}

Co cook(Runtime& rt, std::string dish, double seconds) {
  rt.record_line(14);
  print(rt, "start " + dish);
  rt.record_line(15);
  co_await loop::sleep(rt, seconds);
  rt.record_line(16);
  print(rt, dish + " ready");
  co_return box(dish);
}

Co gather_main(Runtime& rt) {
  EventLoop& loop = running_loop(rt);
  rt.record_line(20);
  Ref<loop::Future> all = loop::gather(loop, {Value(cook(rt, "soup", 2.0).named("cook").get()),
                                              Value(cook(rt, "salad", 1.0).named("cook").get()),
                                              Value(cook(rt, "cake", 3.0).named("cook").get())});
  rt.record_line(21);
  co_await all;
  print(rt, "all done");
  co_return box(0);
}

Co answer(Runtime& rt) {
  co_await loop::sleep(rt, 0.5);
  co_return box(42);
}

Co middle(Runtime& rt, EventLoop& loop) {
  Ref<loop::Task> inner = loop::create_task(loop, answer(rt).named("answer"));
  Value v = co_await inner;
  co_return v;
}

Co await_main(Runtime& rt) {
  EventLoop& loop = running_loop(rt);
  Ref<loop::Task> child = loop::create_task(loop, middle(rt, loop).named("middle"));
  Value v = co_await child;
  print(rt, "result " + rt.host().repr(v));
  co_return v;
}

Co long_sleep(Runtime& rt) {
  print(rt, "sleeping");
  co_await loop::sleep(rt, 10.0);
  print(rt, "never printed");
  co_return box(1);
}

Co cancel_main(Runtime& rt) {
  EventLoop& loop = running_loop(rt);
  Ref<loop::Task> sleeper = loop::create_task(loop, long_sleep(rt).named("long_sleep"));
  co_await loop::sleep(rt, 1.0);
  sleeper->cancel(box(std::string("enough")));
  try {
    co_await sleeper;
  } catch (const PyException&) {
    print(rt, "caught the cancellation");
  }
  co_return box(0);
}

// time.sleep(1.5) in a worker, then the result 7.
class SleepyJob final : public loop::WorkerJob {
 public:
  loop::WorkerStep resume() override {
    if (slept_) return loop::WorkerStep::done(box(7));
    slept_ = true;
    return loop::WorkerStep::sleep(1.5);
  }

 private:
  bool slept_ = false;
};

Co blocking_main(Runtime& rt) {
  EventLoop& loop = running_loop(rt);
  Ref<loop::Future> job = loop::run_in_executor(loop, Ref<loop::WorkerJob>(new SleepyJob), "fetch");
  print(rt, "blocking");
  rt.blocking_sleep(2.0);
  print(rt, "unblocked");
  Value v = co_await job;
  print(rt, "worker gave " + rt.host().repr(v));
  co_return v;
}

Co boom(Runtime& rt) {
  co_await loop::sleep(rt, 0.25);
  throw PyException(loop::NativeHost::exception("ValueError", "boom"));
}

Co failure_main(Runtime& rt) {
  EventLoop& loop = running_loop(rt);
  Ref<loop::Task> t = loop::create_task(loop, boom(rt).named("boom"));
  Value v = co_await t;
  co_return v;
}

Co sleeper(Runtime& rt, int sleeps) {
  for (int i = 0; i < sleeps; ++i) co_await loop::sleep(rt, 0.001);
  co_return box(sleeps);
}

Co many_main(Runtime& rt, int tasks, int sleeps) {
  EventLoop& loop = running_loop(rt);
  std::vector<Value> children;
  for (int i = 0; i < tasks; ++i) {
    const Co child = sleeper(rt, sleeps);
    children.emplace_back(child.get());
  }
  co_await loop::gather(loop, children);
  co_return box(0);
}

}  // namespace

std::unique_ptr<NativeRun> run_sleep_gather() {
  return run_main(gather_main);
}
std::unique_ptr<NativeRun> run_await_task() {
  return run_main(await_main);
}
std::unique_ptr<NativeRun> run_cancellation() {
  return run_main(cancel_main);
}
std::unique_ptr<NativeRun> run_worker_and_blocking_sleep() {
  return run_main(blocking_main);
}
std::unique_ptr<NativeRun> run_failure() {
  return run_main(failure_main);
}

std::unique_ptr<NativeRun> run_many_sleepers(int tasks, int sleeps) {
  return run_main([tasks, sleeps](Runtime& rt) { return many_main(rt, tasks, sleeps); });
}

std::vector<NamedTrace> native_scenarios() {
  return {{"sleep + gather", run_sleep_gather},
          {"await a task", run_await_task},
          {"cancellation", run_cancellation},
          {"worker + blocking sleep", run_worker_and_blocking_sleep},
          {"failure", run_failure}};
}

loop::Trace empty_trace() {
  return loop::Trace();
}

loop::Trace one_event_trace() {
  loop::Trace trace;
  trace.add(loop::EventKind::Stdout, 0.0, 0, loop::kNone,
            trace.strings.intern("quote \" comma , <tag> & \xff bad byte\nsecond line\n"));
  return trace;
}

std::string export_string(const loop::Trace& trace, Format format, const Options& options) {
  std::ostringstream out;
  std::string error;
  if (!write(trace, format, out, options, &error)) return "export failed: " + error;
  return out.str();
}

}  // namespace looplab::exporter::testing
