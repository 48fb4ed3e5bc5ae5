// asyncio.Future and asyncio.Task: thin faces over loop::Future and loop::Task.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_async.hpp"

namespace looplab::lang {

namespace {

loop::Future& fut(const Args& a) { return *a[0].as<PyFuture>()->fut; }

loop::Task& task(const Args& a) { return static_cast<loop::Task&>(fut(a)); }

// Future.set_exception: a class is instantiated; StopIteration cannot travel in a future.
Value exception_instance(const Value& e) {
  VM& v = vm();
  Value exc = e;
  if (auto* t = e.if_type<Type>(v.t.type); t && t->is_subtype(v.exc_type("BaseException"))) exc = v.call0(e);
  if (!exc.is_obj() || !exc.type()->is_subtype(v.exc_type("BaseException"))) {
    type_error("exception must be a BaseException instance or subclass, not " + std::string(type_name(e)));
  }
  if (exc.type()->is_subtype(v.exc_type("StopIteration"))) {
    type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
  }
  return exc;
}

Value f_result(Args& a) {
  return loop_call([&] { return to_lang(fut(a).result()); });
}

Value f_exception(Args& a) {
  return loop_call([&] {
    loop::Value e = fut(a).exception();
    return e ? to_lang(e) : Value::none();
  });
}

Value f_done(Args& a) { return Value::boolean(fut(a).done()); }
Value f_cancelled(Args& a) { return Value::boolean(fut(a).cancelled()); }

Value f_cancel(Args& a) {
  Value msg = arg_or_kw(a, 1, "msg");
  loop::Value m = (msg.is_null() || msg.is_none()) ? nullptr : to_loop(msg);
  return Value::boolean(loop_call([&] { return fut(a).cancel(m); }));
}

Value f_set_result(Args& a) {
  check_args(a, "set_result", 2, 2);
  loop_call([&] { fut(a).set_result(to_loop(a[1])); });
  return Value::none();
}

Value f_set_exception(Args& a) {
  check_args(a, "set_exception", 2, 2);
  // CPython's C Future checks its state before it looks at the exception.
  if (fut(a).done()) raise(asyncio_types().invalid_state_error, "invalid state");
  Value exc = exception_instance(a[1]);
  loop_call([&] { fut(a).set_exception(to_loop(exc)); });
  return Value::none();
}

Value f_add_done_callback(Args& a) {
  check_args(a, "add_done_callback", 2, 2);
  fut(a).add_done_callback(make_py_callback(a[1], {}));
  return Value::none();
}

Value f_remove_done_callback(Args& a) {
  check_args(a, "remove_done_callback", 2, 2);
  auto probe = make_py_callback(a[1], {});
  return Value::integer(static_cast<int64_t>(fut(a).remove_done_callback(*probe)));
}

Value f_get_loop(Args& a) { return wrap_loop(&fut(a).loop()); }
Value f_repr(Args& a) { return make_str(fut(a).repr()); }
Value f_await(Args& a) { return get_awaitable(a[0]); }
Value f_blocking(Args& a) { return Value::boolean(a[0].as<PyFuture>()->blocking); }

Value f_new(Args& a) {
  Value lv = a.kwarg("loop");
  loop::EventLoop* l = nullptr;
  if (PyLoop* pl = as_py_loop(lv)) l = pl->loop.get();
  if (!l) {
    loop::Runtime& rt = runtime();
    l = rt.running_loop();
    if (!l) l = as_py_loop(vm().call0(get_attr(vm().import_module("asyncio"), vm().intern("get_event_loop"))))->loop.get();
  }
  return wrap_future(l->create_future());
}

Value t_get_name(Args& a) { return make_str(task(a).name()); }

Value t_set_name(Args& a) {
  check_args(a, "set_name", 2, 2);
  task(a).set_name(to_str(a[1]));
  return Value::none();
}

Value t_get_coro(Args& a) {
  const auto& c = task(a).coro();
  return c ? wrap_loop_object(c.get()) : Value::none();
}

Value t_cancelling(Args& a) { return Value::integer(task(a).cancelling()); }
Value t_uncancel(Args& a) { return Value::integer(task(a).uncancel()); }

Value t_new(Args& a) {
  Value coro = arg_or_kw(a, 0, "coro");
  Value lv = a.kwarg("loop");
  loop::EventLoop* l = nullptr;
  if (PyLoop* pl = as_py_loop(lv)) l = pl->loop.get();
  if (!l) l = &running_loop();
  if (!is_coroutine_object(coro)) type_error("a coroutine was expected, got " + repr(coro));
  Value name = a.kwarg("name");
  std::string n = (name.is_null() || name.is_none()) ? std::string() : to_str(name);
  loop::Ref<loop::Task> t = l->create_task(as_loop_coroutine(coro), n.empty() ? nullptr : &n);
  return wrap_future(loop::Ref<loop::Future>(t));
}

}  // namespace

void init_future_types(const Value&) {
  const AsyncioTypes& t = asyncio_types();
  Type* f = t.future;
  f->ctor = f_new;
  def_method(f, "result", f_result);
  def_method(f, "exception", f_exception);
  def_method(f, "done", f_done);
  def_method(f, "cancelled", f_cancelled);
  def_method(f, "cancel", f_cancel);
  def_method(f, "set_result", f_set_result);
  def_method(f, "set_exception", f_set_exception);
  def_method(f, "add_done_callback", f_add_done_callback);
  def_method(f, "remove_done_callback", f_remove_done_callback);
  def_method(f, "get_loop", f_get_loop);
  def_method(f, "__repr__", f_repr);
  def_method(f, "__await__", f_await);
  def_property(f, "_asyncio_future_blocking", f_blocking);
  Type* k = t.task;
  k->ctor = t_new;
  def_method(k, "get_name", t_get_name);
  def_method(k, "set_name", t_set_name);
  def_method(k, "get_coro", t_get_coro);
  def_method(k, "cancelling", t_cancelling);
  def_method(k, "uncancel", t_uncancel);
}

}  // namespace looplab::lang
