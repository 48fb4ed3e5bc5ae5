// asyncio.TaskGroup and asyncio.timeout / timeout_at: async context managers over
// engine/loop's taskgroups and timeouts.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/taskgroups.hpp"
#include "engine/loop/timeouts.hpp"

namespace looplab::lang {

namespace {

struct PyTaskGroup : Obj, HoldsLoopRefs {
  PyTaskGroup(Type* t, loop::Ref<loop::TaskGroup> g) : Obj(t), group(std::move(g)) {}
  void clear_refs() override { group = nullptr; }
  loop::Ref<loop::TaskGroup> group;
};

struct PyTimeout : Obj, HoldsLoopRefs {
  PyTimeout(Type* t, loop::Ref<loop::Timeout> o) : Obj(t), timeout(std::move(o)) {}
  void clear_refs() override { timeout = nullptr; }
  loop::Ref<loop::Timeout> timeout;
};

thread_local Type* t_taskgroup = nullptr;
thread_local Type* t_timeout = nullptr;

loop::TaskGroup& group(const Args& a) { return *a[0].as<PyTaskGroup>()->group; }
loop::Timeout& tmo(const Args& a) { return *a[0].as<PyTimeout>()->timeout; }

// The exception __aexit__ received (null for a normal exit).
loop::Value exit_exception(const Args& a) {
  Value exc = a.n > 2 ? a[2] : Value();
  return (exc.is_null() || exc.is_none()) ? nullptr : to_loop(exc);
}

loop::Co tg_enter_co(loop::Ref<loop::TaskGroup> g, loop::Value self) {
  g->enter();
  co_return self;
}

Value tg_new(Args& a) {
  check_args(a, "TaskGroup", 0, 0);
  return Value(new PyTaskGroup(t_taskgroup, loop::make_ref<loop::TaskGroup>(runtime())));
}

Value tg_aenter(Args& a) {
  return make_native_coro(tg_enter_co(a[0].as<PyTaskGroup>()->group, to_loop(a[0])).named("TaskGroup.__aenter__"));
}

Value tg_aexit(Args& a) {
  loop::TaskGroup& g = group(a);
  loop::Value exc = exit_exception(a);
  return make_native_coro(loop_call([&] { return g.exit(exc); }));
}

Value tg_create_task(Args& a) {
  Value coro = arg_or_kw(a, 1, "coro");
  if (!is_coroutine_object(coro)) type_error("a coroutine was expected, got " + repr(coro));
  Value name = a.kwarg("name");
  std::string n = (name.is_null() || name.is_none()) ? std::string() : to_str(name);
  loop::TaskGroup& g = group(a);
  auto c = as_loop_coroutine(coro);
  auto t = loop_call([&] { return g.create_task(c, (name.is_null() || name.is_none()) ? nullptr : &n); });
  return wrap_future(loop::Ref<loop::Future>(t));
}

Value tg_repr(Args& a) { return make_str(group(a).repr()); }

std::optional<double> optional_time(const Value& v) {
  if (v.is_null() || v.is_none()) return std::nullopt;
  return to_double(v);
}

Value make_timeout(loop::Ref<loop::Timeout> t) { return Value(new PyTimeout(t_timeout, std::move(t))); }

Value a_timeout(Args& a) {
  check_args(a, "timeout", 1, 1);
  return make_timeout(loop::timeout(runtime(), optional_time(a[0])));
}

Value a_timeout_at(Args& a) {
  check_args(a, "timeout_at", 1, 1);
  return make_timeout(loop::timeout_at(runtime(), optional_time(a[0])));
}

loop::Co timeout_enter_co(loop::Ref<loop::Timeout> t, loop::Value self) {
  t->enter();
  co_return self;
}

loop::Co timeout_exit_co(loop::Ref<loop::Timeout> t, loop::Value exc) {
  t->exit(exc);
  co_return nullptr;
}

Value to_aenter(Args& a) {
  return make_native_coro(timeout_enter_co(a[0].as<PyTimeout>()->timeout, to_loop(a[0])).named("Timeout.__aenter__"));
}

Value to_aexit(Args& a) {
  return make_native_coro(timeout_exit_co(a[0].as<PyTimeout>()->timeout, exit_exception(a)).named("Timeout.__aexit__"));
}

Value to_when(Args& a) {
  auto w = tmo(a).when();
  return w ? Value::floating(*w) : Value::none();
}

Value to_reschedule(Args& a) {
  check_args(a, "reschedule", 2, 2);
  loop::Timeout& t = tmo(a);
  auto when = optional_time(a[1]);
  loop_call([&] { t.reschedule(when); });
  return Value::none();
}

Value to_expired(Args& a) { return Value::boolean(tmo(a).expired()); }
Value to_repr(Args& a) { return make_str(tmo(a).repr()); }

}  // namespace

void init_ctx_types(const Value& m) {
  t_taskgroup = new_native_type("TaskGroup", nullptr, "asyncio.taskgroups");
  t_taskgroup->ctor = tg_new;
  def_method(t_taskgroup, "__aenter__", tg_aenter);
  def_method(t_taskgroup, "__aexit__", tg_aexit);
  def_method(t_taskgroup, "create_task", tg_create_task);
  def_method(t_taskgroup, "__repr__", tg_repr);
  module_set(m, "TaskGroup", Value(t_taskgroup));
  t_timeout = new_native_type("Timeout", nullptr, "asyncio.timeouts");
  def_method(t_timeout, "__aenter__", to_aenter);
  def_method(t_timeout, "__aexit__", to_aexit);
  def_method(t_timeout, "when", to_when);
  def_method(t_timeout, "reschedule", to_reschedule);
  def_method(t_timeout, "expired", to_expired);
  def_method(t_timeout, "__repr__", to_repr);
  module_set(m, "Timeout", Value(t_timeout));
  def_function(m.as<Module>()->d(), "timeout", a_timeout);
  def_function(m.as<Module>()->d(), "timeout_at", a_timeout_at);
}

}  // namespace looplab::lang
