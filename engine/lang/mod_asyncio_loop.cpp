// Event loop objects (BaseEventLoop's public methods over loop::EventLoop) and their
// Handle / TimerHandle results.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/threads.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/worker_fiber.hpp"

namespace looplab::lang {

namespace {

uint32_t code_flags_of(const Value& f) {
  Value fn = f;
  if (auto* m = fn.if_type<BoundMethod>(vm().t.method)) fn = m->func;
  auto* func = fn.if_type<Function>(vm().t.function);
  return func ? func->code.as<Code>()->flags : 0;
}

loop::EventLoop& self_loop(const Args& a) { return *a[0].as<PyLoop>()->loop; }

std::vector<Value> rest(const Args& a, size_t from) {
  return from < a.n ? std::vector<Value>(a.pos + from, a.pos + a.n) : std::vector<Value>();
}

}  // namespace

loop::Ref<loop::Future> start_worker(loop::EventLoop& l, Value fn, std::vector<Value> args, Value kwnames,
                                     const char* method) {
  if (is_coroutine_object(fn) || (code_flags_of(fn) & kCoroutine)) {
    type_error(std::string("coroutines cannot be used with ") + method + "()");
  }
  Value name = get_attr_opt(fn, vm().intern("__name__"));
  std::string n = is_str(name) ? to_str(name) : repr(fn);
  loop::Ref<loop::WorkerJob> job = default_executor_job(
      l, loop::Ref<PyWorkerJob>(new PyWorkerJob(std::move(fn), std::move(args), std::move(kwnames))));
  return loop_call([&] { return loop::run_in_executor(l, job, n); });
}

namespace {

Value wrap_handle(loop::Ref<loop::Handle> h, bool timer) {
  const AsyncioTypes& t = asyncio_types();
  return Value(new PyHandle(timer ? t.timer_handle : t.handle, std::move(h)));
}

Value l_time(Args& a) { return Value::floating(self_loop(a).time()); }

void no_extra_kwargs(const Args& a, const char* method) {
  for (size_t i = 0; i < a.nkw(); ++i) {
    const std::string& k = a.kwnames->items[i].as<Str>()->s;
    if (k != "context") type_error(std::string("BaseEventLoop.") + method + "() got an unexpected keyword argument '" + k + "'");
  }
}

Value l_call_soon(Args& a) {
  no_extra_kwargs(a, "call_soon");
  if (a.n < 2) type_error("call_soon() missing 1 required positional argument: 'callback'");
  loop::EventLoop& l = self_loop(a);
  auto cb = make_py_callback(a[1], rest(a, 2));
  return wrap_handle(loop_call([&] { return l.call_soon(cb); }), false);
}

Value l_call_soon_threadsafe(Args& a) {
  if (a.n < 2) type_error("call_soon_threadsafe() missing 1 required positional argument: 'callback'");
  loop::EventLoop& l = self_loop(a);
  auto cb = make_py_callback(a[1], rest(a, 2));
  return wrap_handle(loop_call([&] { return l.call_soon_threadsafe(cb); }), false);
}

Value l_call_later(Args& a) {
  no_extra_kwargs(a, "call_later");
  if (a.n < 3) type_error("call_later() missing required positional arguments");
  loop::EventLoop& l = self_loop(a);
  double delay = to_double(a[1]);
  auto cb = make_py_callback(a[2], rest(a, 3));
  return wrap_handle(loop::Ref<loop::Handle>(loop_call([&] { return l.call_later(delay, cb); })), true);
}

Value l_call_at(Args& a) {
  no_extra_kwargs(a, "call_at");
  if (a.n < 3) type_error("call_at() missing required positional arguments");
  loop::EventLoop& l = self_loop(a);
  double when = to_double(a[1]);
  auto cb = make_py_callback(a[2], rest(a, 3));
  return wrap_handle(loop::Ref<loop::Handle>(loop_call([&] { return l.call_at(when, cb); })), true);
}

Value l_create_task(Args& a) {
  Value coro = arg_or_kw(a, 1, "coro");
  loop::EventLoop& l = self_loop(a);
  if (!is_coroutine_object(coro)) type_error("a coroutine was expected, got " + repr(coro));
  Value name = a.kwarg("name");
  std::string n = (name.is_null() || name.is_none()) ? std::string() : to_str(name);
  auto c = as_loop_coroutine(coro);
  auto t = loop_call([&] { return l.create_task(c, (name.is_null() || name.is_none()) ? nullptr : &n); });
  return wrap_future(loop::Ref<loop::Future>(t));
}

Value l_create_future(Args& a) { return wrap_future(self_loop(a).create_future()); }

Value l_run_until_complete(Args& a) {
  check_args(a, "run_until_complete", 2, 2);
  loop::EventLoop& l = self_loop(a);
  if (PyFuture* f = as_py_future(a[1])) {
    auto fut = f->fut;
    return loop_call([&] { return to_lang(l.run_until_complete(fut)); });
  }
  if (!is_coroutine_object(a[1])) type_error("An asyncio.Future, a coroutine or an awaitable is required");
  auto c = as_loop_coroutine(a[1]);
  return loop_call([&] { return to_lang(l.run_until_complete(c)); });
}

Value l_run_forever(Args& a) {
  loop::EventLoop& l = self_loop(a);
  loop_call([&] { l.run_forever(); });
  return Value::none();
}

Value l_stop(Args& a) {
  self_loop(a).stop();
  return Value::none();
}

Value l_close(Args& a) {
  loop::EventLoop& l = self_loop(a);
  loop_call([&] { l.close(); });
  return Value::none();
}

Value l_is_running(Args& a) { return Value::boolean(self_loop(a).is_running()); }
Value l_is_closed(Args& a) { return Value::boolean(self_loop(a).is_closed()); }
Value l_get_debug(Args&) { return Value::boolean(false); }

Value l_run_in_executor(Args& a) {
  if (a.n < 3) type_error("run_in_executor() missing required positional arguments");
  loop::EventLoop& l = self_loop(a);
  if (!a[1].is_none()) {  // an explicit executor: concurrent.futures' side of the chain
    Value chain = get_attr(vm().import_module("concurrent.futures"), vm().intern("_run_in_executor"));
    return vm().call(chain, a.pos, a.n);
  }
  return wrap_future(start_worker(l, a[2], rest(a, 3), Value(), "run_in_executor"));
}

Value l_repr(Args& a) {
  loop::EventLoop& l = self_loop(a);
  return make_str(std::string("<_UnixSelectorEventLoop running=") + (l.is_running() ? "True" : "False") +
                  " closed=" + (l.is_closed() ? "True" : "False") + " debug=False>");
}

loop::Handle& handle(const Args& a) { return *a[0].as<PyHandle>()->handle; }

Value h_cancel(Args& a) {
  handle(a).cancel();
  return Value::none();
}

Value h_cancelled(Args& a) { return Value::boolean(handle(a).cancelled()); }

Value h_when(Args& a) { return Value::floating(static_cast<loop::TimerHandle&>(handle(a)).when()); }

Value h_repr(Args& a) {
  loop::Handle& h = handle(a);
  bool timer = a[0].obj()->type == asyncio_types().timer_handle;
  std::string out = timer ? "<TimerHandle" : "<Handle";
  if (h.cancelled()) out += " cancelled";
  if (timer) out += " when=" + repr(Value::floating(static_cast<loop::TimerHandle&>(h).when()));
  if (!h.cancelled()) out += " " + h.describe();
  return make_str(out + ">");
}

}  // namespace

void init_loop_types(const Value& m) {
  const AsyncioTypes& t = asyncio_types();
  Type* l = t.loop;
  def_method(l, "time", l_time);
  def_method(l, "call_soon", l_call_soon);
  def_method(l, "call_soon_threadsafe", l_call_soon_threadsafe);
  def_method(l, "call_later", l_call_later);
  def_method(l, "call_at", l_call_at);
  def_method(l, "create_task", l_create_task);
  def_method(l, "create_future", l_create_future);
  def_method(l, "run_until_complete", l_run_until_complete);
  def_method(l, "run_forever", l_run_forever);
  def_method(l, "stop", l_stop);
  def_method(l, "close", l_close);
  def_method(l, "is_running", l_is_running);
  def_method(l, "is_closed", l_is_closed);
  def_method(l, "get_debug", l_get_debug);
  def_method(l, "__repr__", l_repr);
  def_method(l, "run_in_executor", l_run_in_executor);
  def_method(t.handle, "cancel", h_cancel);
  def_method(t.handle, "cancelled", h_cancelled);
  def_method(t.handle, "__repr__", h_repr);
  def_method(t.timer_handle, "when", h_when);
  module_set(m, "AbstractEventLoop", Value(t.loop));
  module_set(m, "BaseEventLoop", Value(t.loop));
}

}  // namespace looplab::lang
