#pragma once
// The `asyncio` module's shared pieces: its types and the Python faces of engine/loop's
// objects (Future, Task, EventLoop, Handle). The module's functions are split by topic:
//   mod_asyncio.cpp          state, types, the module table, run/sleep/create_task/...
//   mod_asyncio_future.cpp   Future and Task methods
//   mod_asyncio_loop.cpp     event loop objects, Handle/TimerHandle, executors
//   mod_asyncio_sync.cpp     Lock, Event, Condition, Semaphore, queues
//   mod_asyncio_ctx.cpp      TaskGroup, timeout/timeout_at, combinators' argument parsing

#include "engine/lang/object.hpp"
#include "engine/loop/base_events.hpp"
#include "engine/loop/futures.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::lang {

struct AsyncioTypes {
  Type *future = nullptr, *task = nullptr, *gathering_future = nullptr, *loop = nullptr, *handle = nullptr,
       *timer_handle = nullptr, *native_coro = nullptr, *future_iter = nullptr;
  Type *coro_wrapper = nullptr, *anext_awaitable = nullptr, *async_generator = nullptr, *asend = nullptr,
       *athrow = nullptr, *wrapped = nullptr;
  Type *cancelled_error = nullptr, *invalid_state_error = nullptr, *queue_empty = nullptr,
       *queue_full = nullptr;
};
// The types, created with the VM's first use of asyncio.
AsyncioTypes& asyncio_types();
// The types if this VM has created them, else null (no object of theirs can exist yet).
const AsyncioTypes* asyncio_types_if_created();
// Drops the module's state (the run ends).
void forget_asyncio_state();
// Clears every live HoldsLoopRefs object of the VM.
class VM;
void drop_loop_refs(VM& machine);

// [SECTION] Python faces of loop objects
// Marks an object whose clear_refs() drops engine/loop references: run_program clears
// them while the Runtime still exists (a Task outliving it would report to nothing).
struct HoldsLoopRefs {
  virtual ~HoldsLoopRefs() = default;
};

struct PyFuture : Obj, HoldsLoopRefs {
  PyFuture(Type* t, loop::Ref<loop::Future> f);
  ~PyFuture() override;
  void clear_refs() override;
  loop::Ref<loop::Future> fut;
  bool blocking = false;  // _asyncio_future_blocking
};

struct PyLoop : Obj, HoldsLoopRefs {
  explicit PyLoop(loop::Ref<loop::EventLoop> l);
  ~PyLoop() override;
  void clear_refs() override { loop = nullptr; }
  loop::Ref<loop::EventLoop> loop;
};

struct PyHandle : Obj, HoldsLoopRefs {
  PyHandle(Type* t, loop::Ref<loop::Handle> h);
  void clear_refs() override { handle = nullptr; }
  loop::Ref<loop::Handle> handle;
};

// The one face of a loop future (a Task gets a Task object).
Value wrap_future(const loop::Ref<loop::Future>& f);
// The same, marked as yielded by an await (_asyncio_future_blocking = True).
Value wrap_future_blocking(const loop::Ref<loop::Future>& f);
Value wrap_loop(loop::EventLoop* l);
PyFuture* as_py_future(const Value& v);
PyLoop* as_py_loop(const Value& v);

// The running loop; RuntimeError('no running event loop') without one.
loop::EventLoop& running_loop();
// A coroutine or awaitable argument as the loop takes it: a Future as is, a coroutine as
// its loop::Coroutine. TypeError (CPython's ensure_future message) for anything else.
loop::Value awaitable_to_loop(const Value& v, loop::EventLoop& l);
// A Python callable and its arguments as a loop callback.
loop::Ref<loop::Callback> make_py_callback(Value fn, std::vector<Value> args);

// [SECTION] Async generators seen by the loop (asyncgen hooks, async_gen.cpp)
// firstiter: the generator is tracked by the running loop, weakly (a WeakSet in CPython).
void asyncgen_register(Generator* g, loop::EventLoop* l);
void asyncgen_forget(Generator* g);
// The loop that tracks `g`, or null.
loop::EventLoop* asyncgen_loop(Generator* g);
// The live generators `l` tracks, in first-iteration order; the loop forgets them.
std::vector<Value> asyncgen_take(loop::EventLoop* l);
void init_async_gen_types(AsyncioTypes& t);
// loop.shutdown_asyncgens() for asyncio.run's hooks.
loop::Ref<loop::Coroutine> shutdown_asyncgens(loop::EventLoop& l);

// loop.run_in_executor(None, fn, *args): a virtual worker starts now (mod_asyncio_loop.cpp).
loop::Ref<loop::Future> start_worker(loop::EventLoop& l, Value fn, std::vector<Value> args, Value kwnames,
                                     const char* method);

// Per-topic registration (each adds its functions and types to the module).
void init_future_types(const Value& module);
void init_loop_types(const Value& module);
void init_sync_types(const Value& module);
void init_ctx_types(const Value& module);

// Attribute helpers for the native types.
void def_property(Type* t, const char* name, NativeFn getter);
Type* new_native_type(const char* name, Type* base, const char* module);
// Keyword or positional argument `i` named `name`, or Null.
Value arg_or_kw(const Args& a, size_t i, const char* name);

}  // namespace looplab::lang
