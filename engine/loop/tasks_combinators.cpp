// tasks.py's combinators: gather, shield, wait, wait_for, as_completed.

#include <algorithm>

#include "engine/loop/native_task.hpp"
#include "engine/loop/queues.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/tasks.hpp"

namespace looplab::loop {

namespace {

EventLoop& running_loop(Runtime& rt) {
  if (EventLoop* loop = rt.running_loop()) return *loop;
  throw PyException(rt.host().new_exception(ExcKind::RuntimeError, "no running event loop"));
}

// tasks._release_waiter bound to its waiter (a functools.partial: identity equality).
Ref<Callback> release_waiter(Ref<Future> waiter) {
  return make_callback("_release_waiter", [waiter = std::move(waiter)](const Value&) {
    if (!waiter->done()) waiter->set_result(nullptr);
  });
}

Future& as_future(const Value& v) { return *static_cast<Future*>(v.get()); }

// Distinct futures in first-seen order (Python builds a set; order is not observable
// beyond which callback a future registers first, and each registers one).
std::vector<Ref<Future>> distinct(std::vector<Ref<Future>> fs) {
  std::vector<Ref<Future>> out;
  for (Ref<Future>& f : fs)
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
  return out;
}

}  // namespace

// [SECTION] gather -------------------------------------------------------------------

namespace {

class GatheringFuture final : public Future {
 public:
  explicit GatheringFuture(EventLoop& loop) : Future(loop, "gather", WaitKind::Gather) {}
  bool cancel(Value msg) override {
    if (done()) return false;
    bool ret = false;
    for (const Ref<Future>& child : std::vector<Ref<Future>>(children)) ret = child->cancel(msg) || ret;
    if (ret) cancel_requested = true;
    return ret;
  }
  std::vector<Ref<Future>> children;
  bool cancel_requested = false;
};

struct GatherState : Object {
  Ref<GatheringFuture> outer;  // null until every child is registered (bpo-46672)
  std::vector<Ref<Future>> children;
  size_t nfuts = 0;
  size_t nfinished = 0;
  bool return_exceptions = false;
};

Value gather_results(Host& host, const std::vector<Ref<Future>>& children) {
  std::vector<Value> results;
  for (const Ref<Future>& fut : children) {
    if (fut->cancelled()) {
      const Value& msg = fut->cancel_message();
      results.push_back(host.new_cancelled_error(msg ? msg : host.new_str("")));
    } else {
      Value res = fut->exception();
      results.push_back(res ? res : fut->result());
    }
  }
  return host.new_list(std::move(results));
}

void gather_done_callback(GatherState& st, Future& fut) {
  ++st.nfinished;
  if (!st.outer || st.outer->done()) {
    if (!fut.cancelled()) fut.exception();  // mark the exception retrieved
    return;
  }
  if (!st.return_exceptions) {
    if (fut.cancelled()) {
      st.outer->set_exception(fut.make_cancelled_error());
      return;
    }
    if (Value exc = fut.exception()) {
      st.outer->set_exception(exc);
      return;
    }
  }
  if (st.nfinished != st.nfuts) return;
  Host& host = fut.runtime().host();
  Value results = gather_results(host, st.children);
  if (st.outer->cancel_requested) {
    // 3.11 takes the error from the loop variable left over: the last child.
    st.outer->set_exception(st.children.back()->make_cancelled_error());
  } else {
    st.outer->set_result(results);
  }
}

}  // namespace

Ref<Future> gather(EventLoop& loop, const std::vector<Value>& aws, bool return_exceptions) {
  if (aws.empty()) {
    Ref<Future> outer = loop.create_future("gather", WaitKind::Gather);
    outer->set_result(loop.runtime().host().new_list({}));
    return outer;
  }
  Ref<GatherState> st(new GatherState());
  st->return_exceptions = return_exceptions;
  Ref<Callback> done_cb = make_callback("_done_callback", [st](const Value& fut) {
    gather_done_callback(*st, as_future(fut));
  });
  std::vector<std::pair<Object*, Ref<Future>>> arg_to_fut;
  for (const Value& arg : aws) {
    auto seen = std::find_if(arg_to_fut.begin(), arg_to_fut.end(), [&](const auto& p) { return p.first == arg.get(); });
    if (seen != arg_to_fut.end()) {
      st->children.push_back(seen->second);
      continue;
    }
    Ref<Future> fut = ensure_future(loop, arg);
    ++st->nfuts;
    arg_to_fut.emplace_back(arg.get(), fut);
    fut->add_done_callback(done_cb);
    st->children.push_back(fut);
  }
  Ref<GatheringFuture> outer(new GatheringFuture(loop));
  outer->children = st->children;
  st->outer = outer;
  return outer;
}

// [SECTION] shield -------------------------------------------------------------------

Ref<Future> shield(EventLoop& loop, const Value& aw) {
  Ref<Future> inner = ensure_future(loop, aw);
  if (inner->done()) return inner;
  Ref<Future> outer = inner->loop().create_future("shield", WaitKind::Future);
  Ref<Callback> inner_cb = make_callback("_inner_done_callback", [outer](const Value& v) {
    Future& in = as_future(v);
    if (outer->cancelled()) {
      if (!in.cancelled()) in.exception();
      return;
    }
    if (in.cancelled()) {
      outer->cancel();
    } else if (Value exc = in.exception()) {
      outer->set_exception(exc);
    } else {
      outer->set_result(in.result());
    }
  });
  inner->add_done_callback(inner_cb);
  outer->add_done_callback(make_callback("_outer_done_callback", [inner, inner_cb](const Value&) {
    if (!inner->done()) inner->remove_done_callback(*inner_cb);
  }));
  return outer;
}

// [SECTION] wait ---------------------------------------------------------------------

namespace {

Co wait_co(Runtime& rt, std::vector<Ref<Future>> fs, std::optional<double> timeout, ReturnWhen return_when) {
  Host& host = rt.host();
  if (fs.empty()) throw PyException(host.new_exception(ExcKind::ValueError, "Set of Tasks/Futures is empty."));
  fs = distinct(std::move(fs));
  EventLoop& loop = running_loop(rt);
  Ref<Future> waiter = loop.create_future("wait", WaitKind::Future);
  Ref<TimerHandle> timeout_handle;
  if (timeout) timeout_handle = loop.call_later(*timeout, release_waiter(waiter));
  auto counter = std::make_shared<size_t>(fs.size());
  Ref<Callback> on_completion =
      make_callback("_on_completion", [counter, return_when, waiter, timeout_handle](const Value& v) {
        Future& f = as_future(v);
        --*counter;
        if (*counter == 0 || return_when == ReturnWhen::FirstCompleted ||
            (return_when == ReturnWhen::FirstException && !f.cancelled() && f.exception())) {
          if (timeout_handle) timeout_handle->cancel();
          if (!waiter->done()) waiter->set_result(nullptr);
        }
      });
  for (const Ref<Future>& f : fs) f->add_done_callback(on_completion);
  auto cleanup = [&] {
    if (timeout_handle) timeout_handle->cancel();
    for (const Ref<Future>& f : fs) f->remove_done_callback(*on_completion);
  };
  try {
    co_await waiter;
  } catch (const PyException&) {
    cleanup();
    throw;
  }
  cleanup();
  std::vector<Value> done, pending;
  for (const Ref<Future>& f : fs) (f->done() ? done : pending).push_back(f);
  co_return host.new_tuple({host.new_set(std::move(done)), host.new_set(std::move(pending))});
}

}  // namespace

Ref<Coroutine> wait(Runtime& rt, std::vector<Ref<Future>> fs, std::optional<double> timeout, ReturnWhen return_when) {
  return wait_co(rt, std::move(fs), timeout, return_when).named("wait");
}

// [SECTION] wait_for -----------------------------------------------------------------

namespace {

// tasks._cancel_and_wait: cancel `fut` and wait until it is done, through a waiter so
// that this wait itself stays cancellable.
Co cancel_and_wait(Runtime& rt, Ref<Future> fut) {
  Ref<Future> waiter = running_loop(rt).create_future("_cancel_and_wait", WaitKind::Future);
  Ref<Callback> cb = release_waiter(waiter);
  fut->add_done_callback(cb);
  try {
    fut->cancel();
    co_await waiter;
  } catch (const PyException&) {
    fut->remove_done_callback(*cb);
    throw;
  }
  fut->remove_done_callback(*cb);
  co_return nullptr;
}

// `return fut.result()` after a timeout: CancelledError becomes TimeoutError from it.
Value result_or_timeout(Runtime& rt, Future& fut) {
  try {
    return fut.result();
  } catch (const PyException& e) {
    Host& host = rt.host();
    if (!host.is_cancelled_error(e.value)) throw;
    Value timeout = host.new_exception(ExcKind::TimeoutError, "");
    host.set_cause(timeout, e.value);
    host.set_context(timeout, e.value);
    throw PyException(timeout);
  }
}

Co await_value(Value aw) {
  if (auto* f = dynamic_cast<Future*>(aw.get())) co_return co_await Ref<Future>(f);
  co_return co_await Ref<Coroutine>(static_cast<Coroutine*>(aw.get()));
}

Co wait_for_co(Runtime& rt, Value aw, std::optional<double> timeout) {
  EventLoop& loop = running_loop(rt);
  if (!timeout) co_return co_await await_value(std::move(aw));
  if (*timeout <= 0) {
    Ref<Future> fut = ensure_future(loop, aw);
    if (fut->done()) co_return fut->result();
    co_await cancel_and_wait(rt, fut);
    co_return result_or_timeout(rt, *fut);
  }
  Ref<Future> waiter = loop.create_future("wait_for", WaitKind::Future);
  Ref<TimerHandle> timeout_handle = loop.call_later(*timeout, release_waiter(waiter));
  Ref<Callback> cb = release_waiter(waiter);
  Ref<Future> fut = ensure_future(loop, aw);
  fut->add_done_callback(cb);
  Value cancelled;  // the CancelledError that interrupted `await waiter`
  try {
    try {
      co_await waiter;
    } catch (const PyException& e) {
      if (!rt.host().is_cancelled_error(e.value)) throw;
      cancelled = e.value;
    }
    if (cancelled) {
      if (fut->done()) {
        timeout_handle->cancel();
        co_return fut->result();
      }
      fut->remove_done_callback(*cb);
      co_await cancel_and_wait(rt, fut);
      throw PyException(cancelled);
    }
    if (fut->done()) {
      timeout_handle->cancel();
      co_return fut->result();
    }
    fut->remove_done_callback(*cb);
    co_await cancel_and_wait(rt, fut);
    Value result = result_or_timeout(rt, *fut);
    timeout_handle->cancel();
    co_return result;
  } catch (const PyException&) {
    timeout_handle->cancel();
    throw;
  }
}

}  // namespace

Ref<Coroutine> wait_for(Runtime& rt, Value aw, std::optional<double> timeout) {
  return wait_for_co(rt, std::move(aw), timeout).named("wait_for");
}

// [SECTION] as_completed -------------------------------------------------------------

namespace {

struct AsCompletedState : Object {
  Ref<Queue> done;
  std::vector<Ref<Future>> todo;
  Ref<TimerHandle> timeout_handle;
};

Co wait_for_one(Runtime& rt, Ref<AsCompletedState> st) {
  Value f = co_await st->done->get();
  if (!f) throw PyException(rt.host().new_exception(ExcKind::TimeoutError, ""));
  co_return as_future(f).result();
}

}  // namespace

std::vector<Ref<Coroutine>> as_completed(Runtime& rt, const std::vector<Value>& fs, std::optional<double> timeout) {
  EventLoop& loop = running_loop(rt);
  Ref<AsCompletedState> st(new AsCompletedState());
  st->done = Ref<Queue>(new Queue(rt));
  std::vector<Ref<Future>> futs;
  for (const Value& f : fs) futs.push_back(ensure_future(loop, f));
  st->todo = distinct(std::move(futs));
  Ref<Callback> on_completion = make_callback("_on_completion", [st](const Value& v) {
    if (st->todo.empty()) return;  // _on_timeout was here first
    std::erase(st->todo, Ref<Future>(static_cast<Future*>(v.get())));
    st->done->put_nowait(v);
    if (st->todo.empty() && st->timeout_handle) std::exchange(st->timeout_handle, nullptr)->cancel();
  });
  for (const Ref<Future>& f : st->todo) f->add_done_callback(on_completion);
  if (!st->todo.empty() && timeout) {
    st->timeout_handle = loop.call_later(*timeout, make_callback("_on_timeout", [st, on_completion](const Value&) {
      for (const Ref<Future>& f : st->todo) {
        f->remove_done_callback(*on_completion);
        st->done->put_nowait(nullptr);
      }
      st->todo.clear();
      st->timeout_handle = nullptr;
    }));
  }
  std::vector<Ref<Coroutine>> out;
  for (size_t i = 0, n = st->todo.size(); i < n; ++i) out.push_back(wait_for_one(rt, st).named("_wait_for_one"));
  return out;
}

}  // namespace looplab::loop
