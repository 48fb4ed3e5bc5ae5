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

#include "engine/lang/object.hpp"
#include "engine/loop/coroutine.hpp"

namespace looplab::lang {

class PyCoroutine final : public loop::Coroutine {
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
};

struct NativeCoro : Obj {
  explicit NativeCoro(loop::Ref<loop::Coroutine> c);
  ~NativeCoro() override;
  void clear_refs() override { coro = nullptr; }
  loop::Ref<loop::Coroutine> coro;
  bool started = false;
};

struct FutureIter : Obj {
  explicit FutureIter(Value f);
  void clear_refs() override { future = Value(); }
  Value future;  // a PyFuture
  bool yielded = false;
};

// A Python-visible native coroutine.
Value make_native_coro(loop::Ref<loop::Coroutine> c);
// The loop::Coroutine behind a Python coroutine object or NativeCoro; null for anything else.
loop::Ref<loop::Coroutine> as_loop_coroutine(const Value& v);
bool is_coroutine_object(const Value& v);

// generator.throw(exc) honouring `await`/`yield from` delegation.
Value throw_into(Generator* g, Value exc, bool& returned);

// Installs send/throw/close/__await__ and the "never awaited" finaliser on the coroutine
// type, and the types of NativeCoro and FutureIter.
void init_coroutine_types();

}  // namespace looplab::lang
