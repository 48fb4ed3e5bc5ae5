#pragma once
// asyncio.timeouts (3.11): Timeout, timeout(), timeout_at().
//
// __aenter__ and __aexit__ never suspend, so they are plain calls here: the language
// wraps them in its `async with`. On expiry the timer cancels the task; __aexit__
// turns the resulting CancelledError into TimeoutError when no other cancel request
// is outstanding (uncancel() reaches 0).

#include <optional>
#include <string>

#include "engine/loop/events.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

class Runtime;
class Task;

class Timeout final : public Object {
 public:
  enum class State : uint8_t { Created, Entered, Expiring, Expired, Exited };
  Timeout(Runtime& rt, std::optional<double> when) : rt_(&rt), when_(when) {}

  std::optional<double> when() const { return when_; }
  void reschedule(std::optional<double> when);
  bool expired() const { return state_ == State::Expiring || state_ == State::Expired; }
  State state() const { return state_; }
  std::string repr() const;

  // __aenter__: RuntimeError outside a task.
  void enter();
  // __aexit__(type(exc), exc, tb) with `exc` null when the body finished normally;
  // throws PyException(TimeoutError) when this timeout converts the cancellation.
  void exit(const Value& exc);

 private:
  void on_timeout();

  Runtime* rt_;
  std::optional<double> when_;
  State state_ = State::Created;
  Ref<Handle> timeout_handler_;
  Ref<Task> task_;
};

// asyncio.timeout(delay): a null delay never expires.
Ref<Timeout> timeout(Runtime& rt, std::optional<double> delay);
Ref<Timeout> timeout_at(Runtime& rt, std::optional<double> when);

}  // namespace looplab::loop
