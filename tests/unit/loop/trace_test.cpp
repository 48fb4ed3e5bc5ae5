// The trace: state reconstruction from events alone must equal the live state, and
// the trace stays compact.

#include <catch2/catch.hpp>

#include <random>

#include "engine/loop/locks.hpp"
#include "engine/loop/queues.hpp"
#include "engine/loop/replay.hpp"
#include "tests/unit/loop/loop_support.hpp"

namespace looplab::loop::testing {
namespace {

// A readable form of a LoopState, so a failing comparison shows what differs.
std::string dump(const Trace& tr, const LoopState& s) {
  std::string out = "t=" + std::to_string(s.time) + " it=" + std::to_string(s.iteration) +
                    " cur=" + std::to_string(static_cast<int>(s.current_task)) + "\n";
  for (size_t i = 0; i < s.tasks.size(); ++i) {
    const TaskState& t = s.tasks[i];
    out += "  task " + std::to_string(i) + " " + std::string(tr.str(t.name)) + " phase=" +
           std::to_string(static_cast<int>(t.phase)) + " wait=" + to_string(t.wait) + ":" +
           std::to_string(static_cast<int>(t.target)) + " wake=" + std::to_string(t.wake_time) +
           " line=" + std::to_string(t.line) + " out=" + std::string(tr.str(t.outcome)) + "\n";
  }
  for (const ReadyEntry& r : s.ready)
    out += "  ready " + std::to_string(r.handle) + " " + describe(tr, r) + " task=" +
           std::to_string(static_cast<int>(r.task)) + (r.cancelled ? " cancelled" : "") + "\n";
  for (const TimerEntry& t : s.timers)
    out += "  timer " + std::to_string(t.timer) + " when=" + std::to_string(t.when) + " " +
           std::string(tr.str(t.description)) + "\n";
  for (size_t i = 0; i < s.workers.size(); ++i)
    out += "  worker " + std::to_string(i) + " phase=" + std::to_string(static_cast<int>(s.workers[i].phase)) +
           " wake=" + std::to_string(s.workers[i].wake) + "\n";
  out += s.loop_blocked ? "  blocked\n" : "";
  return out + "  stdout=" + std::to_string(s.stdout_bytes) + "\n";
}

Co napper(Fixture& f, Ref<Lock> lock, Ref<Queue> q, int i) {
  co_await sleep(f.rt, 0.25 * i);
  co_await lock->acquire();
  f.print("napper " + std::to_string(i) + " has the lock");
  co_await sleep(f.rt, 0.5);
  lock->release_lock();
  co_await q->put(box(i));
  co_return box(i);
}

Co drain(Fixture& f, Ref<Queue> q, int n) {
  for (int i = 0; i < n; ++i) {
    Value v = co_await q->get();
    f.print("drained " + f.repr(v));
  }
  co_return nullptr;
}

Co doomed(Fixture& f) {
  co_await sleep(f.rt, 100);
  co_return nullptr;
}

Co mixed_main(Fixture& f) {
  EventLoop& loop = f.loop();
  Ref<Lock> lock(new Lock(f.rt));
  Ref<Queue> q(new Queue(f.rt, 1));
  Ref<Task> d = create_task(loop, drain(f, q, 4));
  Ref<Task> victim = create_task(loop, doomed(f));
  std::vector<ScriptedJob::Stage> stages;
  stages.push_back({[&f] { f.print("worker starts"); }, WorkerStep::sleep(0.75)});
  stages.push_back({nullptr, WorkerStep::done(box(7))});
  Ref<Future> w = run_in_executor(loop, Ref<WorkerJob>(new ScriptedJob(std::move(stages))), "job");
  loop.call_soon(make_callback("print('hi')", [&f](const Value&) { f.print("hi"); }));
  Ref<TimerHandle> never = loop.call_later(5, make_callback("never", [](const Value&) {}));
  co_await gather(loop, values(napper(f, lock, q, 1), napper(f, lock, q, 2), napper(f, lock, q, 3), napper(f, lock, q, 4)));
  never->cancel();
  f.rt.blocking_sleep(0.3);
  victim->cancel();
  co_await wait_for(f.rt, Ref<Future>(w), 10.0);
  co_await d;
  co_return nullptr;
}

TEST_CASE("trace reconstruction at random steps equals the live state", "[loop][trace]") {
  Fixture f;
  // The live state after every event; the replayer is then asked for them in a random
  // order, so it jumps backward and forward across its checkpoints.
  std::vector<LoopState> live;
  f.rt.after_record = [&](size_t) { live.push_back(f.rt.snapshot()); };
  const Outcome out = f.run(mixed_main(f));
  f.rt.after_record = nullptr;
  REQUIRE(out.exit_status == 0);
  REQUIRE(live.size() > 50);

  const Trace& tr = f.rt.trace();
  Replayer replayer(tr, 64);  // small interval: many checkpoints are crossed
  std::vector<size_t> order(live.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(12345);
  std::shuffle(order.begin(), order.end(), rng);
  for (size_t i : order) {
    const LoopState& expected = live[i];
    INFO("step " << expected.step << " of " << tr.size() << " (" << to_string(tr.events[expected.step - 1].kind) << ")");
    const LoopState& got = replayer.state_at(expected.step);
    REQUIRE(dump(tr, got) == dump(tr, expected));
    CHECK(got == expected);
  }
  CHECK(replayer.state_at(tr.size()).tasks.size() == tr.tasks.size());
}

TEST_CASE("the ready queue replays in FIFO order with task handles described", "[loop][trace]") {
  Fixture f;
  LoopState seen;
  f.rt.after_record = [&](size_t i) {
    if (f.rt.trace().events[i].kind == EventKind::Stdout && seen.step == 0) seen = f.rt.snapshot();
  };
  f.run(mixed_main(f));
  f.rt.after_record = nullptr;
  const Trace& tr = f.rt.trace();
  const LoopState& at = state_at(tr, seen.step);
  REQUIRE(at.ready == seen.ready);
  std::vector<std::string> names;
  for (const ReadyEntry& r : at.ready) names.push_back(describe(tr, r));
  REQUIRE_FALSE(names.empty());
  CHECK(names.front().find("Task-") == 0);
}

TEST_CASE("a million trace events stay under 40 bytes each", "[loop][trace]") {
  Trace tr;
  for (uint32_t i = 0; i < 1'000'000; ++i) {
    tr.add(EventKind::StepBegin, i * 0.001, i / 4, i % 1000, i, 0);
    if (i % 100 == 0) tr.strings.intern("line " + std::to_string(i % 5000));
  }
  tr.shrink_to_fit();  // as Runtime::finish does
  CHECK(tr.memory_bytes() < 40u * 1'000'000u);
}

TEST_CASE("chunked events keep their order and values past the 2 MiB blocks, copied or moved", "[loop][trace]") {
  constexpr uint32_t kCount = 300'000;  // 9.6 MB: single chunks first, then 2 MiB blocks
  Chunked<Event> events;
  for (uint32_t i = 0; i < kCount; ++i) events.push_back(Event{i * 0.5, i, i, i ^ 0x5a5a5a5au, 0, EventKind::Line, 0, 0});
  const auto intact = [](const Chunked<Event>& c) {
    if (c.size() != kCount) return false;
    for (uint32_t i = 0; i < kCount; ++i)
      if (c[i].subject != i || c[i].a != (i ^ 0x5a5a5a5au) || c[i].time != i * 0.5) return false;
    return true;
  };
  CHECK(intact(events));
  // Spare room is at most one block beyond what is used.
  CHECK(events.memory_bytes() < kCount * sizeof(Event) + kChunkBlockBytes + 64 * 1024);
  Chunked<Event> copy = events;
  CHECK(intact(copy));
  Chunked<Event> moved = std::move(events);
  CHECK(intact(moved));
  CHECK(events.empty());  // NOLINT(bugprone-use-after-move): a moved-from sequence is empty
  events.push_back(moved[7]);
  CHECK(events.size() == 1);
  CHECK(events[0].subject == 7);
}

}  // namespace
}  // namespace looplab::loop::testing
