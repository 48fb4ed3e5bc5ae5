#pragma once
// Python coroutines on engine/loop.
//
// - PyCoroutine: a Python coroutine object seen from a Task (loop::Coroutine). It turns
//   what the coroutine yields into a StepResult: a Future (the awaited one), None (the
//   bare yield of sleep(0)) or anything else ("Task got bad yield").
// - NativeCoro: a loop::Coroutine (asyncio.sleep's, wait_for's...) seen from Python: a
//   coroutine object that `await` and create_task accept.
// - FutureIter: Future.__await__: yields the future once unless it is done, then
//   returns its result.
// - throw_into: generator.throw with delegation, as CPython's _gen_throw: while the
//   coroutine is suspended in `await x`, the exception goes to x first.

#include <string>

#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/object.hpp"
#include "engine/loop/coroutine.hpp"
#include "engine/loop/pool.hpp"

namespace looplab::lang {

class PyCoroutine final : public loop::Coroutine, public loop::Pooled {
 public:
  explicit PyCoroutine(Value coro);
  loop::StepResult send(loop::Value v) override;
  loop::StepResult throw_(loop::Value exc) override;
  void close() override;
  std::string qualname() const override;
  int line() const override;
  std::string task_repr_info(bool done) const override;
  const Value& coro() const { return coro_; }

 private:
  loop::StepResult resume(Value sent, Value exc);
  Value coro_;  // a Generator of kind Coroutine
  Value code_;  // its Code, for the repr of a finished task ("defined at file.py:3")
};

// An awaitable written in C++ that `await` drives directly (SEND's fast path, and
// throw/close through delegation). `send` sets `out` to what to yield, or to the result
// with `returned` set; a Python exception leaves as PyException.
struct Awaitable : Obj {
  explicit Awaitable(Type* t) : Obj(t) {}
  virtual void send(Value sent, Value& out, bool& returned) = 0;
  virtual void throw_(Value exc, Value& out, bool& returned) = 0;
  virtual void close() {}
};

struct NativeCoro : Awaitable, HoldsLoopRefs {
  explicit NativeCoro(loop::Ref<loop::Coroutine> c);
  ~NativeCoro() override;
  void clear_refs() override {
    coro = nullptr;
    pending_name = nullptr;
  }
  void send(Value sent, Value& out, bool& returned) override;
  void throw_(Value exc, Value& out, bool& returned) override;
  void close() override;
  // The loop coroutine (made now if it was deferred); null once it finished or closed.
  const loop::Ref<loop::Coroutine>& loop_coroutine();
  loop::Ref<loop::Coroutine> coro;
  bool started = false;  // awaited, sent to, or handed to the loop: no "never awaited"
  bool stepped = false;  // resumed at least once

 protected:
  // A subclass may defer making its loop coroutine (a queue's put/get: made per call,
  // rarely waiting): it sets pending_name (the coroutine's __qualname__) instead of
  // `coro` and overrides these two.
  virtual loop::Ref<loop::Coroutine> make_coroutine() { return nullptr; }
  // The first step done on the spot when it would not suspend: true with the result.
  virtual bool step_now(Value&) { return false; }
  const char* pending_name = nullptr;
  // What a step of the loop coroutine means to the frame awaiting this object.
  void step(loop::StepResult&& r, Value& out, bool& returned);
};

struct FutureIter : Awaitable {
  explicit FutureIter(Value f);
  void clear_refs() override { future = Value(); }
  void send(Value sent, Value& out, bool& returned) override;
  void throw_(Value exc, Value& out, bool& returned) override;
  Value future;  // a PyFuture
  bool yielded = false;
};

// A loop::Coroutine over anything `await` can drive (an Awaitable, a generator, an
// __await__ iterator): what create_task/gather make of a non-coroutine awaitable.
class IterCoroutine final : public loop::Coroutine {
 public:
  IterCoroutine(Value it, std::string qualname);
  loop::StepResult send(loop::Value v) override;
  loop::StepResult throw_(loop::Value exc) override;
  void close() override;
  std::string qualname() const override { return qualname_; }

 private:
  Value it_;
  std::string qualname_;
};

// What a Task makes of a value a coroutine yielded.
loop::StepResult classify_yield(const Value& yielded);

// A Python-visible native coroutine.
Value make_native_coro(loop::Ref<loop::Coroutine> c);
// The loop::Coroutine behind a Python coroutine object or NativeCoro; null for anything else.
loop::Ref<loop::Coroutine> as_loop_coroutine(const Value& v);
bool is_coroutine_object(const Value& v);
// A generator of a @types.coroutine generator function (CO_ITERABLE_COROUTINE).
bool is_iterable_coroutine(const Value& v);

// generator.throw(exc) honouring `await`/`yield from` delegation.
Value throw_into(Generator* g, Value exc, bool& returned);
// generator.close() (RuntimeError "... ignored GeneratorExit").
void close_generator(Generator* g);
// Drives one step of any awaitable iterator (Awaitable, generator, iterator with send).
void send_any(const Value& it, Value sent, Value& out, bool& returned);
void throw_any(const Value& it, Value exc, Value& out, bool& returned);

// The exception generator.throw(typ[, val]) raises, with CPython's TypeError otherwise.
Value thrown_exception(const Args& a);

// Installs send/throw/close/__await__, cr_* and the "never awaited" finaliser on the
// coroutine type, and the builtins aiter/anext (at VM start: no asyncio needed).
void init_coroutine_types();
// The iterator methods (send, throw, close, __next__) of the awaitables written in C++.
void init_awaitable_types(AsyncioTypes& t);

}  // namespace looplab::lang
