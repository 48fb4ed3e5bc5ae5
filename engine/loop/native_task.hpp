#pragma once
// Native coroutines: C++20 coroutines that implement the Coroutine protocol, so tests,
// benchmarks and the library's own `async def` helpers read like the Python they
// mirror:
//
//   Co worker(Runtime& rt, int n) {
//     co_await sleep(rt, 1.0);        // delegation (yield from) to another Coroutine
//     Value r = co_await some_future; // Future.__await__: yields it unless done
//     co_await bare_yield;            // the bare yield of sleep(0)
//     co_return box(n);
//   }
//
// A Python exception arrives in the C++ body as `PyException` (thrown out of the
// co_await that was resumed with throw_) and leaves it the same way.

#include <coroutine>
#include <exception>
#include <source_location>
#include <string>
#include <utility>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/exceptions.hpp"
#include "engine/loop/futures.hpp"

namespace looplab::loop {

struct BareYield {};
inline constexpr BareYield bare_yield{};

class NativeCoroutine;

// The return type of a native coroutine function. Converts to Ref<Coroutine>.
class Co {
 public:
  struct promise_type;
  using Handle = std::coroutine_handle<promise_type>;

  explicit Co(Ref<NativeCoroutine> c) : coro_(std::move(c)) {}
  operator Ref<Coroutine>() const;  // NOLINT(google-explicit-constructor)
  // Sets the coroutine's __qualname__ (what the trace shows for a task running it).
  Co&& named(std::string qualname) &&;
  Ref<Coroutine> get() const { return *this; }

 private:
  Ref<NativeCoroutine> coro_;
};

struct Co::promise_type {
  Value sent;
  Value thrown;
  StepResult out;
  Ref<Coroutine> delegate;  // set by co_await <Coroutine> until the driver takes it
  std::exception_ptr foreign;  // a non-Python C++ exception (RunAborted) to rethrow
  std::string qualname;
  NativeCoroutine* owner = nullptr;

  explicit promise_type(std::source_location loc = std::source_location::current());
  Co get_return_object();
  // A coroutine thrown into before it started raises at once, its body never runs.
  struct InitialAwaiter {
    promise_type* p;
    bool await_ready() const noexcept { return false; }
    void await_suspend(Handle) const noexcept {}
    void await_resume() { p->rethrow_if_thrown(); }
  };
  InitialAwaiter initial_suspend() noexcept { return {this}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_value(Value v) { out = StepResult::returned(std::move(v)); }
  void unhandled_exception();

  // Resumption: a thrown-in exception surfaces at the co_await.
  void rethrow_if_thrown() {
    if (thrown) throw PyException(std::exchange(thrown, nullptr));
  }

  struct FutureAwaiter {
    promise_type* p;
    Ref<Future> fut;
    bool await_ready() const { return fut->done(); }
    void await_suspend(Handle) { p->out = StepResult::await(fut); }
    Value await_resume() {
      p->rethrow_if_thrown();
      return fut->result();
    }
  };
  struct DelegateAwaiter {
    promise_type* p;
    Ref<Coroutine> coro;
    bool await_ready() const { return false; }
    void await_suspend(Handle) { p->delegate = std::move(coro); }
    Value await_resume() {
      p->rethrow_if_thrown();
      return std::exchange(p->sent, nullptr);
    }
  };
  struct YieldAwaiter {
    promise_type* p;
    bool await_ready() const { return false; }
    void await_suspend(Handle) { p->out = StepResult::bare_yield(); }
    void await_resume() { p->rethrow_if_thrown(); }
  };

  template <class F>
    requires std::is_base_of_v<Future, F>
  FutureAwaiter await_transform(const Ref<F>& f) { return {this, Ref<Future>(f)}; }
  DelegateAwaiter await_transform(Ref<Coroutine> c) { return {this, std::move(c)}; }
  DelegateAwaiter await_transform(const Co& c) { return {this, c.get()}; }
  YieldAwaiter await_transform(BareYield) { return {this}; }
};

class NativeCoroutine final : public Coroutine {
 public:
  explicit NativeCoroutine(Co::Handle h) : h_(h) {}
  ~NativeCoroutine() override { destroy(); }

  StepResult send(Value v) override { return drive(std::move(v), nullptr); }
  StepResult throw_(Value exc) override { return drive(nullptr, std::move(exc)); }
  void close() override {
    if (delegate_) std::exchange(delegate_, nullptr)->close();
    destroy();
  }
  std::string qualname() const override { return qualname_; }
  void set_qualname(std::string q) { qualname_ = std::move(q); }

 private:
  StepResult drive(Value v, Value exc) {
    if (!h_ || h_.done()) {
      return StepResult::raised(exc ? exc : Value());
    }
    while (true) {
      if (delegate_) {
        StepResult r = exc ? delegate_->throw_(std::move(exc)) : delegate_->send(std::move(v));
        if (r.suspended()) return r;
        delegate_ = nullptr;
        v = r.kind == StepResult::Kind::Return ? std::move(r.value) : nullptr;
        exc = r.kind == StepResult::Kind::Raise ? std::move(r.value) : nullptr;
      }
      auto& p = h_.promise();
      p.sent = std::move(v);
      p.thrown = std::move(exc);
      h_.resume();
      if (p.foreign) std::rethrow_exception(std::exchange(p.foreign, nullptr));
      if (p.delegate) {
        delegate_ = std::move(p.delegate);
        v = nullptr;
        exc = nullptr;
        continue;
      }
      StepResult out = std::move(p.out);
      if (h_.done()) destroy();
      return out;
    }
  }

  void destroy() {
    if (h_) std::exchange(h_, nullptr).destroy();
  }

  Co::Handle h_;
  Ref<Coroutine> delegate_;
  std::string qualname_;
  friend struct Co::promise_type;
};

inline std::string qualname_from(const char* signature) {
  // "Co name(args)" or "looplab::loop::Co ns::name(args)" -> "name"
  std::string s(signature);
  const size_t paren = s.find('(');
  if (paren != std::string::npos) s.resize(paren);
  const size_t space = s.rfind(' ');
  if (space != std::string::npos) s.erase(0, space + 1);
  const size_t colon = s.rfind("::");
  if (colon != std::string::npos) s.erase(0, colon + 2);
  return s.empty() ? std::string("coroutine") : s;
}

inline Co::promise_type::promise_type(std::source_location loc) : qualname(qualname_from(loc.function_name())) {}

inline Co Co::promise_type::get_return_object() {
  auto* c = new NativeCoroutine(Handle::from_promise(*this));
  c->set_qualname(qualname);
  owner = c;
  return Co(Ref<NativeCoroutine>(c));
}

inline void Co::promise_type::unhandled_exception() {
  try {
    throw;
  } catch (const PyException& e) {
    out = StepResult::raised(e.value);
  } catch (...) {
    foreign = std::current_exception();
  }
}

inline Co::operator Ref<Coroutine>() const { return Ref<Coroutine>(coro_); }

inline Co&& Co::named(std::string qualname) && {
  coro_->set_qualname(std::move(qualname));
  return std::move(*this);
}

}  // namespace looplab::loop
