// Virtual worker threads and blocking sleeps on the loop thread (COMMON.md's time
// model), against the reference runner.

#include <catch2/catch.hpp>

#include "tests/unit/loop/loop_support.hpp"

namespace looplab::loop::testing {
namespace {

void check_against_reference(const std::string& program, const Outcome& native) {
  const Outcome expected = reference(program);
  INFO("program " << program);
  REQUIRE_FALSE(expected.stamped_stdout.empty());
  CHECK(native.stamped_stdout == expected.stamped_stdout);
  CHECK(native.exit_status == expected.exit_status);
}

// def job(name, naps): print starts; for d in naps: time.sleep(d); print woke; return NAME
Ref<WorkerJob> napping_job(Fixture& f, std::string name, std::vector<double> naps, std::string result) {
  std::vector<ScriptedJob::Stage> stages;
  stages.push_back({[&f, name] { f.print(name + " starts"); }, WorkerStep::sleep(naps.at(0))});
  for (size_t i = 1; i < naps.size(); ++i) stages.push_back({[&f, name] { f.print(name + " woke"); }, WorkerStep::sleep(naps[i])});
  stages.push_back({[&f, name] { f.print(name + " woke"); }, WorkerStep::done(box(result))});
  return Ref<WorkerJob>(new ScriptedJob(std::move(stages)));
}

// [SECTION] worker due at t before timers due at t ---------------------------------------

Co timer_task(Fixture& f) {
  co_await sleep(f.rt, 1);
  f.print("timer task wakes");
  co_return nullptr;
}

Co worker_first_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), timer_task(f));
  std::vector<ScriptedJob::Stage> stages;
  stages.push_back({[&f] { f.print("worker starts"); }, WorkerStep::sleep(1)});
  stages.push_back({[&f] { f.print("worker wakes"); }, WorkerStep::done(box("w"))});
  Value r = co_await run_in_executor(f.loop(), Ref<WorkerJob>(new ScriptedJob(std::move(stages))), "job");
  f.print("executor result " + f.host.str(r));
  co_await t;
  co_return nullptr;
}

TEST_CASE("a worker due at t runs before timers due at t", "[loop]") {
  Fixture f;
  check_against_reference("worker_before_timer", f.run(worker_first_main(f)));
}

Co sleeper(Fixture& f, double d) {
  co_await sleep(f.rt, d);
  f.print("sleeper 1.5");
  co_return nullptr;
}

Co workers_main(Fixture& f) {
  Ref<Task> s = create_task(f.loop(), sleeper(f, 1.5));
  Ref<Future> a = run_in_executor(f.loop(), napping_job(f, "a", {1, 1}, "A"), "job");
  Ref<Future> b = run_in_executor(f.loop(), napping_job(f, "b", {2}, "B"), "job");
  Value ra = co_await a;
  Value rb = co_await b;
  f.print(f.host.str(ra) + " " + f.host.str(rb));
  f.rt.blocking_sleep(0.25);
  f.print("blocked");
  co_await s;
  co_return nullptr;
}

TEST_CASE("workers due at the same time run in the order they went to sleep", "[loop]") {
  Fixture f;
  check_against_reference("worker_and_timers", f.run(workers_main(f)));
  const Trace& tr = f.rt.trace();
  CHECK(tr.workers.size() == 2);
  CHECK(tr.str(tr.workers[0].function) == "job");
}

// [SECTION] blocking sleep ---------------------------------------------------------------

Co tick(Fixture& f) {
  for (int i = 0; i < 3; ++i) {
    co_await sleep(f.rt, 1);
    f.print("tick " + std::to_string(i));
  }
  co_return nullptr;
}

Co blocker(Fixture& f) {
  co_await sleep(f.rt, 0.5);
  f.print("blocking");
  f.rt.blocking_sleep(2);
  f.print("unblocked");
  co_return nullptr;
}

Co blocking_main(Fixture& f) {
  co_await gather(f.loop(), values(tick(f), blocker(f)));
  co_return nullptr;
}

TEST_CASE("blocking sleep stalls the timers", "[loop]") {
  Fixture f;
  check_against_reference("blocking_sleep", f.run(blocking_main(f)));
  size_t from = 0, to = 0;
  for (const Event& e : f.rt.trace().events) {
    from += e.kind == EventKind::LoopBlockedFrom;
    to += e.kind == EventKind::LoopBlockedTo;
  }
  CHECK(from == 1);
  CHECK(to == 1);
}

// [SECTION] budgets ----------------------------------------------------------------------

Co forever(Runtime& rt) {
  while (true) co_await sleep(rt, 1);
}

TEST_CASE("exceeding the virtual time budget stops the run with status 4", "[loop]") {
  NativeHost host;
  Budgets b;
  b.max_time = 10;
  Runtime rt(host, b);
  Outcome out;
  try {
    loop::run(rt, forever(rt));
  } catch (const RunAborted& a) {
    out.exit_status = a.exit_status;
  }
  CHECK(out.exit_status == 4);
  CHECK(last_line(host.stderr_text) == "Budget exhausted: virtual time limit of 10 s");
  CHECK(rt.now() == 10.0);
  CHECK(rt.outcome().exit_status == 4);
}

}  // namespace
}  // namespace looplab::loop::testing
