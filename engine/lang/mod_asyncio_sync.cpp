// asyncio's synchronisation primitives and queues: Lock, Event, Condition, Semaphore,
// BoundedSemaphore, Queue, PriorityQueue, LifoQueue over engine/loop's locks and queues.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/loop/locks.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/queues.hpp"

namespace looplab::lang {

namespace {

struct PySync : Obj, HoldsLoopRefs {
  PySync(Type* t, loop::Ref<loop::Object> o) : Obj(t), obj(std::move(o)) {}
  void clear_refs() override { obj = nullptr; }
  loop::Ref<loop::Object> obj;
};

struct SyncTypes {
  Type *lock, *event, *condition, *semaphore, *bounded, *queue, *priority, *lifo;
};
thread_local SyncTypes t_types{};

template <class T>
T& self(const Args& a) {
  return static_cast<T&>(*a[0].as<PySync>()->obj);
}

Value coro(loop::Ref<loop::Coroutine> c) { return make_native_coro(std::move(c)); }

// `async def __aenter__(self): await self.acquire(); return None`
loop::Co aenter_co(loop::Ref<loop::Coroutine> acquire) {
  co_await acquire;
  co_return nullptr;
}

template <class T>
loop::Co aexit_co(loop::Ref<T> prim) {
  prim->release_lock();
  co_return nullptr;
}

void no_loop_kw(const Args& a, const char* name) {
  if (!a.kwarg("loop").is_null()) {
    type_error(std::string(name) + ".__init__() got an unexpected keyword argument 'loop'");
  }
}

// [SECTION] Lock, Semaphore, BoundedSemaphore

template <class T>
Value acquire(Args& a) { return coro(self<T>(a).acquire()); }

template <class T>
Value release(Args& a) {
  T& p = self<T>(a);
  loop_call([&] { p.release_lock(); });
  return Value::none();
}

template <class T>
Value locked(Args& a) { return Value::boolean(self<T>(a).locked()); }

template <class T>
Value aenter(Args& a) { return coro(aenter_co(self<T>(a).acquire()).named("__aenter__")); }

template <class T>
Value aexit(Args& a) { return coro(aexit_co(loop::Ref<T>(&self<T>(a))).named("__aexit__")); }

template <class T>
Value sync_repr(Args& a) { return make_str(self<T>(a).repr()); }

Value new_lock(Args& a) {
  no_loop_kw(a, "Lock");
  return Value(new PySync(t_types.lock, loop::make_ref<loop::Lock>(runtime())));
}

long semaphore_value(const Args& a) {
  Value v = arg_or_kw(a, 0, "value");
  if (v.is_null()) return 1;
  int64_t n = to_index(v);
  if (n < 0) value_error("Semaphore initial value must be >= 0");
  return static_cast<long>(n);
}

Value new_semaphore(Args& a) {
  no_loop_kw(a, "Semaphore");
  return Value(new PySync(t_types.semaphore, loop::make_ref<loop::Semaphore>(runtime(), semaphore_value(a))));
}

Value new_bounded(Args& a) {
  no_loop_kw(a, "BoundedSemaphore");
  return Value(new PySync(t_types.bounded, loop::make_ref<loop::BoundedSemaphore>(runtime(), semaphore_value(a))));
}

// [SECTION] Event

Value new_event(Args& a) {
  no_loop_kw(a, "Event");
  return Value(new PySync(t_types.event, loop::make_ref<loop::AsyncEvent>(runtime())));
}

Value ev_set(Args& a) {
  loop_call([&] { self<loop::AsyncEvent>(a).set(); });
  return Value::none();
}

Value ev_clear(Args& a) {
  self<loop::AsyncEvent>(a).clear();
  return Value::none();
}

Value ev_is_set(Args& a) { return Value::boolean(self<loop::AsyncEvent>(a).is_set()); }
Value ev_wait(Args& a) { return coro(self<loop::AsyncEvent>(a).wait()); }

// [SECTION] Condition

Value new_condition(Args& a) {
  no_loop_kw(a, "Condition");
  Value lock = arg_or_kw(a, 0, "lock");
  loop::Ref<loop::Lock> l;
  if (!lock.is_null() && !lock.is_none()) {
    if (!lock.is_obj() || lock.obj()->type != t_types.lock) type_error("lock must be an asyncio.Lock");
    l = loop::Ref<loop::Lock>(static_cast<loop::Lock*>(lock.as<PySync>()->obj.get()));
  }
  return Value(new PySync(t_types.condition, loop::make_ref<loop::Condition>(runtime(), l)));
}

Value cond_wait(Args& a) {
  loop::Condition& c = self<loop::Condition>(a);
  return coro(loop_call([&] { return c.wait(); }));
}

Value cond_notify(Args& a) {
  Value n = arg_or_kw(a, 1, "n");
  loop::Condition& c = self<loop::Condition>(a);
  loop_call([&] { c.notify(n.is_null() ? 1 : static_cast<size_t>(to_index(n))); });
  return Value::none();
}

Value cond_notify_all(Args& a) {
  loop::Condition& c = self<loop::Condition>(a);
  loop_call([&] { c.notify_all(); });
  return Value::none();
}

loop::Co wait_for_co(loop::Ref<loop::Condition> c, Value predicate) {
  for (;;) {
    Value r;
    try {
      r = vm().call0(predicate);
    } catch (const PyException& e) {
      rethrow_in_loop(e);
    }
    if (truthy(r)) co_return to_loop(r);
    co_await c->wait();
  }
}

Value cond_wait_for(Args& a) {
  check_args(a, "wait_for", 2, 2);
  return coro(wait_for_co(loop::Ref<loop::Condition>(&self<loop::Condition>(a)), a[1]).named("Condition.wait_for"));
}

// [SECTION] Queues

Value new_queue_of(Args& a, Type* t, loop::Queue::Kind kind) {
  no_loop_kw(a, "Queue");
  Value m = arg_or_kw(a, 0, "maxsize");
  long maxsize = m.is_null() ? 0 : static_cast<long>(to_index(m));
  return Value(new PySync(t, loop::make_ref<loop::Queue>(runtime(), maxsize, kind)));
}

Value new_queue(Args& a) { return new_queue_of(a, t_types.queue, loop::Queue::Kind::Fifo); }
Value new_priority(Args& a) { return new_queue_of(a, t_types.priority, loop::Queue::Kind::Priority); }
Value new_lifo(Args& a) { return new_queue_of(a, t_types.lifo, loop::Queue::Kind::Lifo); }

loop::Queue& q(const Args& a) { return self<loop::Queue>(a); }

// `await q.put(item)` / `await q.get()`: the loop's put/get coroutine is made only when
// the first step has to wait. Otherwise that step is the one put_co/get_co would take
// (put_nowait into a queue with room, get_nowait from one with items), done on the spot:
// a pipeline makes one of these per item and nearly none of them waits.
struct QueueOp final : NativeCoro {
  QueueOp(loop::Queue& q, loop::Value item, bool put)
      : NativeCoro(nullptr), queue(&q), item(std::move(item)), put(put) {
    pending_name = put ? "Queue.put" : "Queue.get";
  }
  void clear_refs() override {
    NativeCoro::clear_refs();
    queue = nullptr;
    item = nullptr;
  }
  loop::Ref<loop::Coroutine> make_coroutine() override { return put ? queue->put(std::move(item)) : queue->get(); }
  bool step_now(Value& out) override {
    if (put ? queue->full() : queue->empty()) return false;
    out = loop_call([&] {
      if (!put) return to_lang(queue->get_nowait());
      queue->put_nowait(std::move(item));
      return Value::none();
    });
    return true;
  }
  loop::Ref<loop::Queue> queue;
  loop::Value item;
  bool put;
};

Value q_put(Args& a) {
  check_args(a, "put", 2, 2);
  return Value(new QueueOp(q(a), to_loop(a[1]), true));
}

Value q_get(Args& a) { return Value(new QueueOp(q(a), nullptr, false)); }

Value q_put_nowait(Args& a) {
  check_args(a, "put_nowait", 2, 2);
  loop_call([&] { q(a).put_nowait(to_loop(a[1])); });
  return Value::none();
}

Value q_get_nowait(Args& a) {
  return loop_call([&] { return to_lang(q(a).get_nowait()); });
}

Value q_qsize(Args& a) { return Value::integer(static_cast<int64_t>(q(a).qsize())); }
Value q_empty(Args& a) { return Value::boolean(q(a).empty()); }
Value q_full(Args& a) { return Value::boolean(q(a).full()); }
Value q_maxsize(Args& a) { return Value::integer(q(a).maxsize()); }

Value q_task_done(Args& a) {
  loop_call([&] { q(a).task_done(); });
  return Value::none();
}

Value q_join(Args& a) { return coro(q(a).join()); }

Type* sync_type(const Value& m, const char* name, NativeFn ctor, Type* base = nullptr) {
  Type* t = new_native_type(name, base, "asyncio");
  t->ctor = ctor;
  module_set(m, name, Value(t));
  return t;
}

template <class T>
void lock_methods(Type* t) {
  def_method(t, "acquire", acquire<T>);
  def_method(t, "release", release<T>);
  def_method(t, "locked", locked<T>);
  def_method(t, "__aenter__", aenter<T>);
  def_method(t, "__aexit__", aexit<T>);
  def_method(t, "__repr__", sync_repr<T>);
}

void queue_methods(Type* t) {
  def_method(t, "put", q_put);
  def_method(t, "get", q_get);
  def_method(t, "put_nowait", q_put_nowait);
  def_method(t, "get_nowait", q_get_nowait);
  def_method(t, "qsize", q_qsize);
  def_method(t, "empty", q_empty);
  def_method(t, "full", q_full);
  def_method(t, "task_done", q_task_done);
  def_method(t, "join", q_join);
  def_method(t, "__repr__", sync_repr<loop::Queue>);
  def_property(t, "maxsize", q_maxsize);
}

}  // namespace

void init_sync_types(const Value& m) {
  SyncTypes& s = t_types;
  s.lock = sync_type(m, "Lock", new_lock);
  lock_methods<loop::Lock>(s.lock);
  s.semaphore = sync_type(m, "Semaphore", new_semaphore);
  lock_methods<loop::Semaphore>(s.semaphore);
  s.bounded = sync_type(m, "BoundedSemaphore", new_bounded, s.semaphore);
  lock_methods<loop::BoundedSemaphore>(s.bounded);
  s.condition = sync_type(m, "Condition", new_condition);
  lock_methods<loop::Condition>(s.condition);
  def_method(s.condition, "wait", cond_wait);
  def_method(s.condition, "notify", cond_notify);
  def_method(s.condition, "notify_all", cond_notify_all);
  def_method(s.condition, "wait_for", cond_wait_for);
  s.event = sync_type(m, "Event", new_event);
  def_method(s.event, "set", ev_set);
  def_method(s.event, "clear", ev_clear);
  def_method(s.event, "is_set", ev_is_set);
  def_method(s.event, "wait", ev_wait);
  def_method(s.event, "__repr__", sync_repr<loop::AsyncEvent>);
  s.queue = sync_type(m, "Queue", new_queue);
  queue_methods(s.queue);
  s.priority = sync_type(m, "PriorityQueue", new_priority, s.queue);
  queue_methods(s.priority);
  s.lifo = sync_type(m, "LifoQueue", new_lifo, s.queue);
  queue_methods(s.lifo);
}

}  // namespace looplab::lang
