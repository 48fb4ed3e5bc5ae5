#pragma once
// The coroutine protocol a Task drives: CPython's generator protocol (send / throw /
// close) reduced to what tasks.py's __step looks at.

#include <string>

#include "engine/loop/futures.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

// What one resumption of a coroutine produced.
struct StepResult {
  enum class Kind : uint8_t {
    Await,      // yielded a Future with _asyncio_future_blocking set: `future`
    BareYield,  // a bare `yield` (asyncio.sleep(0)): the task reschedules itself
    BadYield,   // yielded something else: `text` is its repr ("Task got bad yield")
    Return,     // StopIteration: `value`
    Raise,      // an exception escaped: `value` is it
  };
  Kind kind = Kind::Return;
  Ref<Future> future;
  Value value;
  std::string text;

  static StepResult await(Ref<Future> f) { return {Kind::Await, std::move(f), nullptr, {}}; }
  static StepResult bare_yield() { return {Kind::BareYield, nullptr, nullptr, {}}; }
  static StepResult bad_yield(std::string repr) { return {Kind::BadYield, nullptr, nullptr, std::move(repr)}; }
  static StepResult returned(Value v) { return {Kind::Return, nullptr, std::move(v), {}}; }
  static StepResult raised(Value exc) { return {Kind::Raise, nullptr, std::move(exc), {}}; }
  bool suspended() const { return kind == Kind::Await || kind == Kind::BareYield || kind == Kind::BadYield; }
};

class Coroutine : public Object {
 public:
  virtual StepResult send(Value v) = 0;
  virtual StepResult throw_(Value exc) = 0;
  // Like generator.close(): drop the frame (and every reference it holds). Must be safe
  // to call on a finished coroutine and more than once.
  virtual void close() {}
  virtual std::string qualname() const { return "coroutine"; }
  // Cache warm-up before a resumption (only a hint: does nothing by default).
  virtual void prefetch() const {}
  // The line the coroutine is suspended at (0 if unknown).
  virtual int line() const { return 0; }
  // How a task's repr shows it: "<main() running at x.py:5>" (done: "... done, defined at ...").
  virtual std::string task_repr_info(bool done) const {
    std::string out(1, '<');
    out += qualname();
    out += done ? "() done>" : "() running>";
    return out;
  }
};

}  // namespace looplab::loop
