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
#include <string_view>
#include <utility>

#include "engine/loop/coroutine.hpp"
#include "engine/loop/exceptions.hpp"
#include "engine/loop/futures.hpp"

namespace looplab::loop {

struct BareYield {};
inline constexpr BareYield bare_yield{};

class NativeCoroutine;

// A native coroutine's __qualname__, interned for the life of the process: every call of
// the same function shares one text and the coroutine keeps a pointer to it.
const std::string* intern_qualname(std::string_view qualname);
// The qualname of the coroutine function whose std::source_location function name is
// `signature` ("Co name(args)" -> "name"), memoised by the literal's address.
const std::string* qualname_of_signature(const char* signature);

// The return type of a native coroutine function. Converts to Ref<Coroutine>.
class Co {
 public:
  struct promise_type;
  using Handle = std::coroutine_handle<promise_type>;

  explicit Co(Ref<NativeCoroutine> c) : coro_(std::move(c)) {}
  operator Ref<Coroutine>() const;  // NOLINT(google-explicit-constructor)
  // Sets the coroutine's __qualname__ (what the trace shows for a task running it).
  Co&& named(std::string_view qualname) &&;
  Ref<Coroutine> get() const { return *this; }

 private:
  Ref<NativeCoroutine> coro_;
};

struct Co::promise_type {
  Value sent;
  Value thrown;
  StepResult out;
  Ref<Coroutine> delegate;  // what the body awaits by delegation (co_await <Coroutine>)
  std::exception_ptr foreign;  // a non-Python C++ exception (RunAborted) to rethrow
  const std::string* qualname;

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

class NativeCoroutine final : public Coroutine, public Pooled {
 public:
  explicit NativeCoroutine(Co::Handle h) : h_(h) {}
  ~NativeCoroutine() override { destroy(); }

  StepResult send(Value v) override { return drive(std::move(v), nullptr); }
  StepResult throw_(Value exc) override { return drive(nullptr, std::move(exc)); }
  void close() override {
    if (h_ && h_.promise().delegate) std::exchange(h_.promise().delegate, nullptr)->close();
    destroy();
  }
  std::string qualname() const override { return *qualname_; }
  void prefetch() const override {
    if (!h_) return;
    // The frame's first lines: resume pointer, promise, the awaited delegate.
    const auto* frame = static_cast<const char*>(h_.address());
    __builtin_prefetch(frame);
    __builtin_prefetch(frame + 64);
  }
  void set_qualname(std::string_view q) { qualname_ = intern_qualname(q); }

 private:
  StepResult drive(Value v, Value exc) {
    if (!h_ || h_.done()) {
      return StepResult::raised(exc ? exc : Value());
    }
    auto& p = h_.promise();
    while (true) {
      if (p.delegate) {
        StepResult r = exc ? p.delegate->throw_(std::move(exc)) : p.delegate->send(std::move(v));
        if (r.suspended()) return r;
        p.delegate = nullptr;
        v = r.kind == StepResult::Kind::Return ? std::move(r.value) : nullptr;
        exc = r.kind == StepResult::Kind::Raise ? std::move(r.value) : nullptr;
      }
      p.sent = std::move(v);
      p.thrown = std::move(exc);
      h_.resume();
      if (p.foreign) std::rethrow_exception(std::exchange(p.foreign, nullptr));
      if (p.delegate) {
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
  const std::string* qualname_ = nullptr;
  friend struct Co::promise_type;
};

inline Co::promise_type::promise_type(std::source_location loc)
    : qualname(qualname_of_signature(loc.function_name())) {}

inline Co Co::promise_type::get_return_object() {
  auto* c = new NativeCoroutine(Handle::from_promise(*this));
  c->qualname_ = qualname;
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

inline Co&& Co::named(std::string_view qualname) && {
  coro_->set_qualname(qualname);
  return std::move(*this);
}

}  // namespace looplab::loop
