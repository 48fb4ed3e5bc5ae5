// Locks, queues and task groups against CPython's behaviour (programs/*.py).

#include <catch2/catch.hpp>

#include "engine/loop/locks.hpp"
#include "engine/loop/queues.hpp"
#include "engine/loop/taskgroups.hpp"
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

// [SECTION] Lock ------------------------------------------------------------------------

Co holder(Fixture& f, Ref<Lock> lock) {
  co_await lock->acquire();
  f.print("holder has lock");
  co_await sleep(f.rt, 2);
  lock->release_lock();
  f.print("holder released");
  co_return nullptr;
}

Co contender(Fixture& f, Ref<Lock> lock, std::string name) {
  try {
    co_await lock->acquire();
  } catch (const PyException&) {
    f.print(name + " cancelled while waiting");
    throw;
  }
  f.print(name + " has lock");
  lock->release_lock();
  co_return nullptr;
}

Co cancel_lock_main(Fixture& f) {
  Ref<Lock> lock(new Lock(f.rt));
  Ref<Task> h = create_task(f.loop(), holder(f, lock));
  Ref<Task> a = create_task(f.loop(), contender(f, lock, "a"));
  Ref<Task> b = create_task(f.loop(), contender(f, lock, "b"));
  co_await sleep(f.rt, 1);
  a->cancel();
  const std::vector<Value> all{h, a, b};
  co_await gather(f.loop(), all, true);
  f.print(std::string("locked at end: ") + (lock->locked() ? "True" : "False"));
  co_return nullptr;
}

TEST_CASE("cancel while waiting on a lock", "[loop]") {
  Fixture f;
  check_against_reference("cancel_while_waiting_lock", f.run(cancel_lock_main(f)));
}

Co lock_user(Fixture& f, Ref<Lock> lock, std::string name) {
  co_await lock->acquire();
  f.print(name + " acquired");
  co_await sleep(f.rt, 1);
  lock->release_lock();
  f.print(name + " released");
  co_return nullptr;
}

Co late_user(Fixture& f, Ref<Lock> lock) {
  co_await sleep(f.rt, 1);
  f.print("late tries");
  co_await lock->acquire();
  f.print("late acquired");
  lock->release_lock();
  co_return nullptr;
}

Co sem_user(Fixture& f, Ref<Semaphore> sem, std::string name) {
  co_await sem->acquire();
  f.print(name + " in");
  co_await sleep(f.rt, 1);
  sem->release_lock();
  f.print(name + " out");
  co_return nullptr;
}

constexpr const char* kSemUsers[] = {"v", "w", "x", "y", "z"};
constexpr const char* kConsumers[] = {"a", "b", "c"};

Co fifo_main(Fixture& f) {
  Ref<Lock> lock(new Lock(f.rt));
  co_await gather(f.loop(), values(lock_user(f, lock, "a"), lock_user(f, lock, "b"), lock_user(f, lock, "c"),
                                   late_user(f, lock)));
  Ref<Semaphore> sem(new Semaphore(f.rt, 2));
  std::vector<Value> users;
  for (const char* n : kSemUsers) users.push_back(Ref<Coroutine>(sem_user(f, sem, n)));
  co_await gather(f.loop(), users);
  co_return nullptr;
}

TEST_CASE("Lock and Semaphore hand over in FIFO order", "[loop]") {
  Fixture f;
  check_against_reference("lock_semaphore_fifo", f.run(fifo_main(f)));
}

// [SECTION] Condition -------------------------------------------------------------------

Co cond_consumer(Fixture& f, Ref<Condition> cond, std::string name, std::vector<int>* items) {
  co_await cond->acquire();
  while (items->empty()) {
    f.print(name + " waits");
    co_await cond->wait();
  }
  f.print(name + " takes " + std::to_string(items->front()));
  items->erase(items->begin());
  cond->release_lock();
  co_return nullptr;
}

Co condition_main(Fixture& f) {
  Ref<Condition> cond(new Condition(f.rt));
  std::vector<int> items;
  std::vector<Value> tasks;
  for (const char* n : kConsumers) tasks.push_back(create_task(f.loop(), cond_consumer(f, cond, n, &items)));
  co_await sleep(f.rt, 1);
  co_await cond->acquire();
  items.push_back(1);
  items.push_back(2);
  cond->notify(2);
  f.print("notified 2");
  cond->release_lock();
  co_await sleep(f.rt, 1);
  co_await cond->acquire();
  items.push_back(3);
  cond->notify_all();
  f.print("notified all");
  cond->release_lock();
  co_await gather(f.loop(), tasks);
  co_return nullptr;
}

TEST_CASE("Condition notify wakes waiters in order and they re-acquire the lock", "[loop]") {
  Fixture f;
  check_against_reference("condition", f.run(condition_main(f)));
}

// [SECTION] Queue -----------------------------------------------------------------------

Co producer(Fixture& f, Ref<Queue> q, std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    co_await q->put(box(name + std::to_string(i)));
    f.print(name + " put " + std::to_string(i));
  }
  co_return nullptr;
}

Co consumer(Fixture& f, Ref<Queue> q, int n) {
  for (int i = 0; i < n; ++i) {
    Value item = co_await q->get();
    f.print("got " + f.host.str(item));
    co_await sleep(f.rt, 0.5);
  }
  co_return nullptr;
}

Co queue_main(Fixture& f) {
  Ref<Queue> q(new Queue(f.rt, 2));
  co_await gather(f.loop(), values(producer(f, q, "a", 3), producer(f, q, "b", 3), consumer(f, q, 6)));
  co_return nullptr;
}

TEST_CASE("Queue wake-up order with maxsize", "[loop]") {
  Fixture f;
  check_against_reference("queue_maxsize", f.run(queue_main(f)));
}

TEST_CASE("PriorityQueue pops as heapq does and LifoQueue pops the newest", "[loop]") {
  NativeHost host;
  Runtime rt(host);
  Ref<Queue> pq(new Queue(rt, 0, Queue::Kind::Priority));
  for (int v : {5, 1, 4, 1, 3, 9, 2}) pq->put_nowait(box(v));
  std::string order;
  while (!pq->empty()) order += host.repr(pq->get_nowait());
  CHECK(order == "1123459");
  Ref<Queue> lq(new Queue(rt, 0, Queue::Kind::Lifo));
  for (int v : {1, 2, 3}) lq->put_nowait(box(v));
  CHECK(host.repr(lq->get_nowait()) == "3");
  Ref<Queue> full(new Queue(rt, 1));
  full->put_nowait(box(1));
  CHECK_THROWS_AS(full->put_nowait(box(2)), PyException);
  full->get_nowait();
  CHECK_THROWS_AS(full->get_nowait(), PyException);
}

// [SECTION] TaskGroup -------------------------------------------------------------------

Co ok_child(Fixture& f, std::string name, double d) {
  try {
    co_await sleep(f.rt, d);
    f.print(name + " done");
  } catch (const PyException&) {
    f.print(name + " cancelled");
    throw;
  }
  co_return nullptr;
}

Co bad_child(Fixture& f) {
  co_await sleep(f.rt, 1);
  f.print("bad raises");
  throw PyException(NativeHost::exception("ValueError", "boom"));
}

Co taskgroup_main(Fixture& f) {
  try {
    Ref<TaskGroup> tg(new TaskGroup(f.rt));
    tg->enter();
    tg->create_task(ok_child(f, "a", 0.5));
    tg->create_task(bad_child(f));
    tg->create_task(ok_child(f, "b", 2));
    tg->create_task(ok_child(f, "c", 3));
    f.print("body done");
    co_await tg->exit(nullptr);
  } catch (const PyException& e) {
    auto* group = dynamic_cast<NativeException*>(e.value.get());
    REQUIRE(group);
    f.print(group->type + " " + f.host.str(e.value));
    f.print("member: " + f.repr(group->members.at(0)));
  }
  co_return nullptr;
}

TEST_CASE("TaskGroup cancels siblings and raises a group", "[loop]") {
  Fixture f;
  check_against_reference("taskgroup_abort", f.run(taskgroup_main(f)));
}

}  // namespace
}  // namespace looplab::loop::testing
