// `_looplab_thread`: the virtual threads that `threading` and `concurrent.futures` are
// written on (both are Python, in mod_threading_py.cpp and mod_concurrent.cpp).
//
// A thread's code runs on a PyWorkerJob fiber. The Runtime sees one worker per *run* of
// a thread: a run ends when the thread's code ends or when the thread blocks (parks) on
// another thread; unparking starts a new run that is due at once, so the thread resumes
// in the Runtime's (wake, sleep order), as the reference runner's blocked workers do.
#include <deque>
#include <unordered_map>

#include "engine/lang/builtins.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/threads.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

// PyWorkerJob::sleep with a negative delay (time.sleep refuses those): park the fiber.
constexpr double kPark = -1.0;

struct VThread {
  std::string name;
  Value owner;  // the threading.Thread (or pool thread) object, or Null
  loop::Ref<PyWorkerJob> fiber;  // null once the thread's code ended
  bool parked = false;
  // Default-executor threads finish an asyncio future when their Runtime worker ends,
  // so they cannot end a run to park.
  bool can_park = true;
};

// asyncio's default executor of one loop: ThreadPoolExecutor(thread_name_prefix='asyncio')
// with no useful limit, so a job never queues: it takes the thread that went idle first,
// else a new one.
struct DefaultPool {
  uint32_t loop_id = 0;
  int64_t created = 0;
  std::deque<int64_t> idle;  // thread numbers, in the order they went idle
};

struct ThreadTable final : Obj {
  ThreadTable() : Obj(vm().t.object) {}
  void clear_refs() override {
    threads.clear();
    by_fiber.clear();
  }
  std::vector<VThread> threads;  // thread id - 1
  std::unordered_map<const PyWorkerJob*, int64_t> by_fiber;
  std::vector<DefaultPool> pools;
};

ThreadTable& table() {
  Value m = vm().import_module("_looplab_thread");
  return *m.as<Module>()->d()->table.find_str(vm().intern("_table"))->as<ThreadTable>();
}

VThread& thread_of(ThreadTable& t, int64_t id) {
  if (id < 1 || id > static_cast<int64_t>(t.threads.size())) value_error("no such virtual thread");
  return t.threads[static_cast<size_t>(id - 1)];
}

int64_t add_thread(ThreadTable& t, std::string name, Value owner, loop::Ref<PyWorkerJob> fiber) {
  t.threads.push_back({std::move(name), std::move(owner), fiber, false, true});
  const auto id = static_cast<int64_t>(t.threads.size());
  t.by_fiber[fiber.get()] = id;
  return id;
}

DefaultPool& default_pool(ThreadTable& t, uint32_t loop_id) {
  for (auto& p : t.pools) {
    if (p.loop_id == loop_id) return p;
  }
  t.pools.push_back({loop_id, 0, {}});
  return t.pools.back();
}

// One run of a thread, as the Runtime schedules it.
class ThreadRun final : public loop::WorkerJob {
 public:
  ThreadRun(int64_t id, bool deferred) : id_(id), deferred_(deferred) {}
  // A default-executor thread: its number goes back to the pool when its job ends.
  void return_to(uint32_t loop_id, int64_t number) {
    pool_loop_ = loop_id;
    pool_number_ = number;
  }

  loop::WorkerStep resume() override {
    // An unparked thread first sleeps 0 s: due now, after the workers already due.
    if (std::exchange(deferred_, false)) return loop::WorkerStep::sleep(0.0);
    ThreadTable& t = table();
    loop::Ref<PyWorkerJob> fiber = thread_of(t, id_).fiber;
    loop::WorkerStep step = fiber->resume();
    VThread& th = thread_of(t, id_);
    if (step.kind == loop::WorkerStep::Kind::Sleep && step.delay == kPark) {
      th.parked = true;
      return loop::WorkerStep::done(nullptr);
    }
    if (step.kind != loop::WorkerStep::Kind::Sleep) {
      t.by_fiber.erase(fiber.get());
      th.fiber = nullptr;
      th.owner = Value();
      if (pool_number_ >= 0) default_pool(t, pool_loop_).idle.push_back(pool_number_);
    }
    return step;
  }

 private:
  int64_t id_;
  bool deferred_;
  uint32_t pool_loop_ = 0;
  int64_t pool_number_ = -1;
};

void run_thread(int64_t id, const std::string& name, bool deferred) {
  loop::Runtime& rt = runtime();
  loop::Worker& w = rt.add_worker(loop::Ref<loop::WorkerJob>(new ThreadRun(id, deferred)), name);
  loop_call([&] { rt.resume_worker(w); });
}

int64_t current_id() {
  PyWorkerJob* w = current_worker();
  if (!w) return 0;
  ThreadTable& t = table();
  auto it = t.by_fiber.find(w);
  return it == t.by_fiber.end() ? -1 : it->second;
}

// start(target, name, owner): a new thread runs target() now, until it sleeps, parks
// or ends; returns the thread's id.
Value th_start(Args& a) {
  check_args(a, "start", 3, 3);
  std::string name = to_str(a[1]);
  loop::Ref<PyWorkerJob> fiber(new PyWorkerJob(a[0], {}, Value()));
  const int64_t id = add_thread(table(), name, a[2], fiber);
  run_thread(id, name, false);
  return Value::integer(id);
}

// current(): the running thread's id; 0 on the main thread, -1 on a worker that is not
// a virtual thread of this module.
Value th_current(Args& a) {
  check_args(a, "current", 0, 0);
  return Value::integer(current_id());
}

Value th_name(Args& a) {
  check_args(a, "name", 1, 1);
  return make_str(thread_of(table(), to_index(a[0])).name);
}

Value th_owner(Args& a) {
  check_args(a, "owner", 1, 1);
  const Value& owner = thread_of(table(), to_index(a[0])).owner;
  return owner.is_null() ? Value::none() : owner;
}

// park(): the running thread stops until unpark(its id).
Value th_park(Args& a) {
  check_args(a, "park", 0, 0);
  const int64_t id = current_id();
  if (id <= 0 || !thread_of(table(), id).can_park) {
    raise("NotImplementedError",
          "LoopLab does not support blocking on another thread inside run_in_executor() or to_thread()");
  }
  current_worker()->sleep(kPark);
  return Value::none();
}

// unpark(id): the parked thread is due now, after the workers already due now.
Value th_unpark(Args& a) {
  check_args(a, "unpark", 1, 1);
  const int64_t id = to_index(a[0]);
  VThread& th = thread_of(table(), id);
  if (!th.parked) return Value::none();
  th.parked = false;
  run_thread(id, th.name, true);
  return Value::none();
}

// run_until(pred, deadline): the main thread blocks until pred() holds, the clock moving
// to each sleeping worker's wake-up in turn; False if `deadline` (or None) passed first.
Value th_run_until(Args& a) {
  check_args(a, "run_until", 2, 2);
  loop::Runtime& rt = runtime();
  const bool has_deadline = !a[1].is_none();
  const double deadline = has_deadline ? to_double(a[1]) : 0.0;
  while (!truthy(vm().call0(a[0]))) {
    loop::Worker* w = rt.next_sleeping_worker();
    if (has_deadline && (!w || w->wake > deadline)) {
      loop_call([&] { rt.advance_clock(deadline); });
      return Value::boolean(truthy(vm().call0(a[0])));
    }
    if (!w) rt.deadlock(rt.running_loop());
    loop_call([&] {
      rt.advance_clock(w->wake);
      rt.resume_worker(*w);
    });
  }
  return Value::boolean(true);
}

}  // namespace

loop::Ref<loop::WorkerJob> default_executor_job(loop::EventLoop& loop, loop::Ref<PyWorkerJob> fiber) {
  ThreadTable& t = table();
  DefaultPool& pool = default_pool(t, loop.id());
  int64_t number = pool.created;
  if (pool.idle.empty()) {
    ++pool.created;
  } else {
    number = pool.idle.front();
    pool.idle.pop_front();
  }
  const int64_t id = add_thread(t, "asyncio_" + std::to_string(number), Value(), std::move(fiber));
  t.threads[static_cast<size_t>(id - 1)].can_park = false;
  auto* run = new ThreadRun(id, false);
  run->return_to(loop.id(), number);
  return loop::Ref<loop::WorkerJob>(run);
}

Value make_looplab_thread_module() {
  Value m = new_module("_looplab_thread", {{"start", th_start},
                                           {"current", th_current},
                                           {"name", th_name},
                                           {"owner", th_owner},
                                           {"park", th_park},
                                           {"unpark", th_unpark},
                                           {"run_until", th_run_until}});
  module_set(m, "_table", Value(new ThreadTable()));
  return m;
}

}  // namespace looplab::lang
