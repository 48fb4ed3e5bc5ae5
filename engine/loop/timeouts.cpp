#include "engine/loop/timeouts.hpp"

#include <cmath>
#include <charconv>

#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

namespace {

EventLoop& running_loop(Runtime& rt) {
  if (EventLoop* loop = rt.running_loop()) return *loop;
  throw PyException(rt.host().new_exception(ExcKind::RuntimeError, "no running event loop"));
}

const char* state_value(Timeout::State s) {
  switch (s) {
    case Timeout::State::Created: return "created";
    case Timeout::State::Entered: return "active";
    case Timeout::State::Expiring: return "expiring";
    case Timeout::State::Expired: return "expired";
    case Timeout::State::Exited: return "finished";
  }
  return "";
}

}  // namespace

void Timeout::reschedule(std::optional<double> when) {
  if (state_ != State::Entered)
    throw PyException(rt_->host().new_exception(
        ExcKind::RuntimeError, std::string("Cannot change state of ") + state_value(state_) + " Timeout"));
  when_ = when;
  if (timeout_handler_) timeout_handler_->cancel();
  if (!when) {
    timeout_handler_ = nullptr;
    return;
  }
  EventLoop& loop = running_loop(*rt_);
  Ref<Callback> cb = make_callback("Timeout._on_timeout", [self = Ref<Timeout>(this)](const Value&) { self->on_timeout(); });
  if (*when <= loop.time()) {
    timeout_handler_ = loop.call_soon(std::move(cb));
  } else {
    timeout_handler_ = Ref<Handle>(loop.call_at(*when, std::move(cb)));
  }
}

void Timeout::enter() {
  state_ = State::Entered;
  Task* task = current_task(*rt_);
  if (!task) throw PyException(rt_->host().new_exception(ExcKind::RuntimeError, "Timeout should be used inside a task"));
  task_ = Ref<Task>(task);
  reschedule(when_);
}

void Timeout::exit(const Value& exc) {
  if (timeout_handler_) std::exchange(timeout_handler_, nullptr)->cancel();
  if (state_ == State::Expiring) {
    state_ = State::Expired;
    Host& host = rt_->host();
    if (task_->uncancel() == 0 && exc && host.is_cancelled_error(exc)) {
      Value timeout_error = host.new_exception(ExcKind::TimeoutError, "");
      host.set_context(timeout_error, exc);
      task_ = nullptr;
      throw PyException(timeout_error);
    }
  } else if (state_ == State::Entered) {
    state_ = State::Exited;
  }
  task_ = nullptr;
}

void Timeout::on_timeout() {
  task_->cancel();
  state_ = State::Expiring;
  timeout_handler_ = nullptr;
}

std::string Timeout::repr() const {
  std::string info;
  if (state_ == State::Entered) {
    if (when_) {
      // round(when, 3) printed as Python's repr(float): shortest round trip.
      char buf[64];
      const double rounded = std::round(*when_ * 1000.0) / 1000.0;
      const auto end = std::to_chars(buf, buf + sizeof buf, rounded).ptr;
      info = " when=" + std::string(buf, end);
      if (info.find_first_of(".en", 6) == std::string::npos) info += ".0";
    } else {
      info = " when=None";
    }
  }
  return std::string("<Timeout [") + state_value(state_) + "]" + info + ">";
}

Ref<Timeout> timeout(Runtime& rt, std::optional<double> delay) {
  EventLoop& loop = running_loop(rt);
  return Ref<Timeout>(new Timeout(rt, delay ? std::optional<double>(loop.time() + *delay) : std::nullopt));
}

Ref<Timeout> timeout_at(Runtime& rt, std::optional<double> when) { return Ref<Timeout>(new Timeout(rt, when)); }

}  // namespace looplab::loop
