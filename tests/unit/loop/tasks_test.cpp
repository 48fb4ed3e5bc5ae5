// Task scheduling, cancellation and the combinators, each checked against CPython
// running the equivalent program in programs/ (the reference runner is the oracle).

#include <catch2/catch.hpp>

#include "tests/unit/loop/loop_support.hpp"

namespace looplab::loop::testing {
namespace {

std::string py_bool(bool b) { return b ? "True" : "False"; }

void check_against_reference(const std::string& program, const Outcome& native) {
  const Outcome expected = reference(program);
  INFO("program " << program);
  REQUIRE_FALSE(expected.stamped_stdout.empty());
  CHECK(native.stamped_stdout == expected.stamped_stdout);
  CHECK(native.exit_status == expected.exit_status);
}

// [SECTION] equal-time timers ---------------------------------------------------------

Co sleeper(Fixture& f, int i) {
  co_await sleep(f.rt, 1);
  f.print("done " + std::to_string(i));
  co_return nullptr;
}

Co equal_time_main(Fixture& f) {
  std::vector<Value> aws;
  for (int i = 0; i < 12; ++i) aws.push_back(Ref<Coroutine>(sleeper(f, i)));
  co_await gather(f.loop(), aws);
  co_return nullptr;
}

TEST_CASE("equal-time timers fire in scheduling order", "[loop]") {
  Fixture f;
  check_against_reference("equal_time_timers", f.run(equal_time_main(f)));
}

// [SECTION] first step deferred and iteration counts ----------------------------------

Co child_runs(Fixture& f) {
  f.print("child runs");
  co_return nullptr;
}

Co ticker(Fixture& f, int n) {
  for (int i = 0; i < n; ++i) {
    f.print("tick " + std::to_string(i));
    co_await sleep(f.rt, 0);
  }
  co_return nullptr;
}

Co first_step_main(Fixture& f) {
  Ref<Task> tk = create_task(f.loop(), ticker(f, 10));
  Ref<Task> t = create_task(f.loop(), child_runs(f));
  f.print("created");
  co_await sleep(f.rt, 0);
  f.print("after one yield");
  co_await gather(f.loop(), values(child_runs(f), child_runs(f)));
  f.print("gather returned");
  co_await t;
  Ref<Task> t2 = create_task(f.loop(), child_runs(f));
  co_await t2;
  f.print("await task returned");
  co_await tk;
  co_return nullptr;
}

TEST_CASE("a task's first step is deferred", "[loop]") {
  Fixture f;
  check_against_reference("first_step_deferred", f.run(first_step_main(f)));
}

// [SECTION] cancellation ----------------------------------------------------------------

Co never_printed(Fixture& f) {
  f.print("never printed");
  co_return nullptr;
}

Co cancel_before_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), never_printed(f));
  t->cancel();
  f.print("cancel requested, done: " + py_bool(t->done()));
  try {
    co_await t;
  } catch (const PyException& e) {
    REQUIRE(f.host.is_cancelled_error(e.value));
    f.print("cancelled: " + py_bool(t->cancelled()));
  }
  co_return nullptr;
}

TEST_CASE("cancel before the first step", "[loop]") {
  Fixture f;
  check_against_reference("cancel_before_first_step", f.run(cancel_before_main(f)));
}

Co cancellable_sleeper(Fixture& f) {
  try {
    co_await sleep(f.rt, 10);
  } catch (const PyException&) {
    f.print("child cancelled");
    throw;
  }
  co_return nullptr;
}

Co cancel_sleeping_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), cancellable_sleeper(f));
  co_await sleep(f.rt, 1);
  t->cancel(box("stop"));
  try {
    co_await t;
  } catch (const PyException& e) {
    f.print("main sees " + f.host.str(e.value));
  }
  f.print("cancelled: " + py_bool(t->cancelled()));
  co_return nullptr;
}

TEST_CASE("cancel while waiting on a sleep", "[loop]") {
  Fixture f;
  check_against_reference("cancel_while_sleeping", f.run(cancel_sleeping_main(f)));
}

Co future_awaiter(Fixture& f, Ref<Future> fut) {
  try {
    co_await fut;
  } catch (const PyException&) {
    f.print("child cancelled; future cancelled: " + py_bool(fut->cancelled()));
    throw;
  }
  co_return nullptr;
}

Co cancel_future_main(Fixture& f) {
  Ref<Future> fut = f.loop().create_future();
  Ref<Task> t = create_task(f.loop(), future_awaiter(f, fut));
  co_await sleep(f.rt, 0);
  t->cancel();
  co_await sleep(f.rt, 0);
  f.print("task done: " + py_bool(t->done()));
  try {
    co_await t;
  } catch (const PyException&) {
    f.print("main: child cancelled");
  }
  co_return nullptr;
}

TEST_CASE("cancel while waiting on a future", "[loop]") {
  Fixture f;
  check_against_reference("cancel_while_awaiting_future", f.run(cancel_future_main(f)));
}

Co named_worker(Fixture& f, std::string name, double d) {
  try {
    co_await sleep(f.rt, d);
    f.print(name + " finished");
  } catch (const PyException&) {
    f.print(name + " cancelled");
    throw;
  }
  co_return nullptr;
}

Co gather_waiter(Fixture& f) {
  try {
    co_await gather(f.loop(), values(named_worker(f, "a", 1), named_worker(f, "b", 5)));
  } catch (const PyException&) {
    f.print("waiter cancelled");
    throw;
  }
  co_return nullptr;
}

Co cancel_gather_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), gather_waiter(f));
  co_await sleep(f.rt, 2);
  t->cancel();
  try {
    co_await t;
  } catch (const PyException&) {
    f.print("main saw cancel");
  }
  co_return nullptr;
}

TEST_CASE("cancel while waiting on a gather", "[loop]") {
  Fixture f;
  check_against_reference("cancel_while_in_gather", f.run(cancel_gather_main(f)));
}

Co selfish(Fixture& f) {
  current_task(f.rt)->cancel();
  f.print("selfish returns 42");
  co_return box(42);
}

Co late_cancel_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), selfish(f));
  try {
    Value v = co_await t;
    f.print(f.repr(v));
  } catch (const PyException&) {
    f.print("result discarded, cancelled: " + py_bool(t->cancelled()));
  }
  co_return nullptr;
}

TEST_CASE("a result discarded by a late cancel", "[loop]") {
  Fixture f;
  check_against_reference("late_cancel_discards_result", f.run(late_cancel_main(f)));
}

// [SECTION] wait_for and shield ---------------------------------------------------------

Co slow(Fixture& f) {
  bool cancelled = false;
  try {
    co_await sleep(f.rt, 10);
  } catch (const PyException&) {
    cancelled = true;
  }
  if (cancelled) {
    f.print("slow cancelled at timeout");
    co_await sleep(f.rt, 0.5);
    f.print("slow cleanup done");
    throw PyException(f.host.new_cancelled_error(nullptr));
  }
  co_return nullptr;
}

Co wait_for_main(Fixture& f) {
  try {
    co_await wait_for(f.rt, Ref<Coroutine>(slow(f)), 1.0);
  } catch (const PyException& e) {
    REQUIRE(f.host.is_kind(e.value, ExcKind::TimeoutError));
    f.print("timed out");
  }
  co_return nullptr;
}

TEST_CASE("wait_for timing out cancels the inner task and waits for it", "[loop]") {
  Fixture f;
  check_against_reference("wait_for_timeout", f.run(wait_for_main(f)));
}

Co shield_inner(Fixture& f) {
  co_await sleep(f.rt, 2);
  f.print("inner finished");
  co_return box("inner result");
}

Co shield_outer(Fixture& f, Ref<Task> t) {
  try {
    Value v = co_await shield(f.loop(), t);
    co_return v;
  } catch (const PyException&) {
    f.print("outer cancelled, inner done: " + py_bool(t->done()));
    throw;
  }
}

Co shield_main(Fixture& f) {
  Ref<Task> t = create_task(f.loop(), shield_inner(f));
  Ref<Task> o = create_task(f.loop(), shield_outer(f, t));
  co_await sleep(f.rt, 1);
  o->cancel();
  co_await sleep(f.rt, 0);
  f.print("outer cancelled: " + py_bool(o->cancelled()));
  Value v = co_await t;
  f.print("inner: " + f.host.str(v));
  co_return nullptr;
}

TEST_CASE("shield keeps the inner task running when the outer is cancelled", "[loop]") {
  Fixture f;
  check_against_reference("shield", f.run(shield_main(f)));
}

// [SECTION] deadlock ----------------------------------------------------------------------

Co stuck(Ref<Future> fut) {
  co_await fut;
  co_return nullptr;
}

Co deadlock_main(Fixture& f) {
  Ref<Future> fut = f.loop().create_future();
  const std::string name = "worker";
  Ref<Task> t = create_task(f.loop(), stuck(fut), &name);
  f.print("waiting");
  co_await t;
  co_return nullptr;
}

TEST_CASE("deadlock report names the waiting tasks in creation order", "[loop]") {
  Fixture f;
  const Outcome native = f.run(deadlock_main(f));
  const Outcome expected = reference("deadlock");
  CHECK(native.stamped_stdout == expected.stamped_stdout);
  CHECK(native.exit_status == 3);
  CHECK(expected.exit_status == 3);
  CHECK(native.last_stderr_line == expected.last_stderr_line);
  CHECK(f.rt.outcome().exit_status == 3);
  CHECK(f.rt.outcome().message == expected.last_stderr_line);
}

}  // namespace
}  // namespace looplab::loop::testing
