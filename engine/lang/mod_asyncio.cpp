// The `asyncio` module: its state and types, and the module-level functions that start
// or combine coroutines (run, sleep, create_task, gather, wait, wait_for, shield...).
#include "engine/lang/mod_asyncio.hpp"

#include <memory>
#include <unordered_map>

#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_async.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/runners.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::lang {

// [SECTION] State ---------------------------------------------------------------------

namespace {

struct AsyncioState {
  VM* owner = nullptr;
  AsyncioTypes types;
  std::vector<Value> keep;  // the types
  std::unordered_map<const loop::EventLoop*, PyLoop*> loops;
  std::vector<std::pair<Generator*, loop::EventLoop*>> asyncgens;  // weak, first-iteration order
  loop::Ref<loop::EventLoop> current_loop;  // get_event_loop / set_event_loop
};

thread_local AsyncioState* t_state = nullptr;

Type* exception_type(AsyncioState& s, const char* name, Type* base, const char* module) {
  auto* t = new Type(name, base, Layout::Exception);
  t->module = module;
  s.keep.push_back(Value(t));
  return t;
}

void create_types(AsyncioState& s) {
  VM& v = vm();
  AsyncioTypes& t = s.types;
  t.future = new_native_type("Future", nullptr, "_asyncio");
  t.task = new_native_type("Task", t.future, "_asyncio");
  t.gathering_future = new_native_type("_GatheringFuture", t.future, "asyncio.tasks");
  t.loop = new_native_type("_UnixSelectorEventLoop", nullptr, "asyncio.unix_events");
  t.handle = new_native_type("Handle", nullptr, "asyncio.events");
  t.timer_handle = new_native_type("TimerHandle", t.handle, "asyncio.events");
  t.native_coro = new_native_type("coroutine", nullptr, "builtins");
  t.future_iter = new_native_type("FutureIter", nullptr, "_asyncio");
  t.coro_wrapper = new_native_type("coroutine_wrapper", nullptr, "builtins");
  t.anext_awaitable = new_native_type("anext_awaitable", nullptr, "builtins");
  t.async_generator = new_native_type("async_generator", nullptr, "builtins");
  t.asend = new_native_type("async_generator_asend", nullptr, "builtins");
  t.athrow = new_native_type("async_generator_athrow", nullptr, "builtins");
  t.wrapped = new_native_type("async_generator_wrapped_value", nullptr, "builtins");
  for (Type* ty : {t.future, t.task, t.gathering_future, t.loop, t.handle, t.timer_handle, t.native_coro, t.future_iter,
                   t.coro_wrapper, t.anext_awaitable, t.async_generator, t.asend, t.athrow, t.wrapped}) {
    s.keep.push_back(Value(ty));
  }
  t.cancelled_error = exception_type(s, "CancelledError", v.exc_type("BaseException"), "asyncio.exceptions");
  t.invalid_state_error = exception_type(s, "InvalidStateError", v.exc_type("Exception"), "asyncio.exceptions");
  t.queue_empty = exception_type(s, "QueueEmpty", v.exc_type("Exception"), "asyncio.queues");
  t.queue_full = exception_type(s, "QueueFull", v.exc_type("Exception"), "asyncio.queues");
}

AsyncioState& state() {
  VM* v = current_vm();
  if (t_state && t_state->owner != v) {
    // A previous VM on this thread ended without a Runtime: its objects are gone.
    for (Value& k : t_state->keep) k.release_obj();
    t_state->current_loop = nullptr;
    delete t_state;
    t_state = nullptr;
  }
  if (!t_state) {
    t_state = new AsyncioState();
    t_state->owner = v;
    create_types(*t_state);
    init_awaitable_types(t_state->types);
    init_async_gen_types(t_state->types);
  }
  return *t_state;
}

}  // namespace

AsyncioTypes& asyncio_types() { return state().types; }

const AsyncioTypes* asyncio_types_if_created() {
  return t_state && t_state->owner == current_vm() ? &t_state->types : nullptr;
}

void forget_asyncio_state() {
  delete t_state;
  t_state = nullptr;
}

void drop_loop_refs(VM& machine) {
  std::vector<Value> holders;
  for (Obj* o = machine.heap_head; o; o = o->heap_next) {
    if (dynamic_cast<HoldsLoopRefs*>(o)) holders.emplace_back(o);
  }
  for (Value& h : holders) h.obj()->clear_refs();
  if (t_state) t_state->current_loop = nullptr;
}

Type* new_native_type(const char* name, Type* base, const char* module) {
  auto* t = new Type(name, base ? base : vm().t.object, Layout::Other);
  t->module = module;
  t->subclassable = false;
  return t;
}

void def_property(Type* t, const char* name, NativeFn getter) {
  Value p(new Property());
  p.as<Property>()->fget = Value(new Builtin(name, getter));
  t->d()->table.set(Value(vm().intern(name)), std::move(p));
}

Value arg_or_kw(const Args& a, size_t i, const char* name) {
  size_t npos = a.n;
  if (i < npos) return a[i];
  return a.kwarg(name);
}

void asyncgen_register(Generator* g, loop::EventLoop* l) {
  for (auto& [gen, loop] : state().asyncgens) {
    if (gen == g) return;
  }
  state().asyncgens.emplace_back(g, l);
}

void asyncgen_forget(Generator* g) {
  if (!t_state) return;
  auto& v = t_state->asyncgens;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it->first == g) {
      v.erase(it);
      return;
    }
  }
}

loop::EventLoop* asyncgen_loop(Generator* g) {
  if (!t_state) return nullptr;
  for (auto& [gen, loop] : t_state->asyncgens) {
    if (gen == g) return loop;
  }
  return nullptr;
}

std::vector<Value> asyncgen_take(loop::EventLoop* l) {
  std::vector<Value> out;
  auto& v = state().asyncgens;
  for (auto it = v.begin(); it != v.end();) {
    if (it->second == l) {
      out.emplace_back(it->first);
      it = v.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

// [SECTION] Faces of loop objects -----------------------------------------------------

PyFuture::PyFuture(Type* t, loop::Ref<loop::Future> f) : Obj(t), fut(std::move(f)) { fut->face = this; }

PyFuture::~PyFuture() { clear_refs(); }

void PyFuture::clear_refs() {
  if (!fut) return;
  if (fut->face == this) fut->face = nullptr;
  fut = nullptr;
}

PyLoop::PyLoop(loop::Ref<loop::EventLoop> l) : Obj(asyncio_types().loop), loop(std::move(l)) {
  t_state->loops[loop.get()] = this;
}

PyLoop::~PyLoop() {
  if (t_state && loop) t_state->loops.erase(loop.get());
}

PyHandle::PyHandle(Type* t, loop::Ref<loop::Handle> h) : Obj(t), handle(std::move(h)) {}

Value wrap_future(const loop::Ref<loop::Future>& f) {
  if (!f) return Value::none();
  if (f->face) return Value(static_cast<PyFuture*>(static_cast<Obj*>(f->face)));
  const AsyncioTypes& t = state().types;
  return Value(new PyFuture(f->is_task() ? t.task : t.future, f));
}

Value wrap_future_blocking(const loop::Ref<loop::Future>& f) {
  Value v = wrap_future(f);
  v.as<PyFuture>()->blocking = true;
  return v;
}

Value wrap_loop(loop::EventLoop* l) {
  if (!l) return Value::none();
  AsyncioState& s = state();
  auto it = s.loops.find(l);
  if (it != s.loops.end()) return Value(it->second);
  return Value(new PyLoop(loop::Ref<loop::EventLoop>(l)));
}

Value wrap_loop_object(loop::Object* o) {
  if (auto* f = dynamic_cast<loop::Future*>(o)) return wrap_future(loop::Ref<loop::Future>(f));
  if (auto* c = dynamic_cast<loop::Coroutine*>(o)) {
    if (auto* pc = dynamic_cast<PyCoroutine*>(c)) return pc->coro();
    return make_native_coro(loop::Ref<loop::Coroutine>(c));
  }
  if (auto* l = dynamic_cast<loop::EventLoop*>(o)) return wrap_loop(l);
  return Value::none();
}

PyFuture* as_py_future(const Value& v) {
  if (!v.is_obj() || !t_state) return nullptr;
  Type* t = v.obj()->type;
  const AsyncioTypes& ts = t_state->types;
  return (t == ts.future || t == ts.task || t == ts.gathering_future) ? v.as<PyFuture>() : nullptr;
}

PyLoop* as_py_loop(const Value& v) {
  if (!v.is_obj() || !t_state || v.obj()->type != t_state->types.loop) return nullptr;
  return v.as<PyLoop>();
}

loop::EventLoop& running_loop() {
  loop::EventLoop* l = runtime().running_loop();
  if (!l) raise("RuntimeError", "no running event loop");
  return *l;
}

loop::Value awaitable_to_loop(const Value& v, loop::EventLoop&) {
  if (PyFuture* f = as_py_future(v)) return loop::Value(f->fut);
  if (loop::Ref<loop::Coroutine> c = as_loop_coroutine(v)) return loop::Value(c);
  // ensure_future's _wrap_awaitable: a task drives the __await__ iterator.
  if (!lookup_special(v, "__await__").is_null()) {
    return loop::Value(loop::Ref<loop::Coroutine>(new IterCoroutine(get_awaitable(v), "_wrap_awaitable")));
  }
  type_error("An asyncio.Future, a coroutine or an awaitable is required");
}

// [SECTION] Callbacks -----------------------------------------------------------------

namespace {

class PyCallback final : public loop::Callback {
 public:
  PyCallback(Value fn, std::vector<Value> args) : fn_(std::move(fn)), args_(std::move(args)) {}
  void call(const loop::Value& arg) override {
    std::vector<Value> args = args_;
    if (arg) args.push_back(to_lang(arg));
    try {
      vm().call(fn_, args.data(), args.size());
    } catch (const PyException& e) {
      rethrow_in_loop(e);
    }
  }
  std::string describe() const override {
    std::string out = callable_name(fn_) + "(";
    for (size_t i = 0; i < args_.size(); ++i) out += (i ? ", " : "") + repr(args_[i]);
    return out + ")";
  }
  bool same(const loop::Callback& other) const override {
    auto* o = dynamic_cast<const PyCallback*>(&other);
    return o && equals(o->fn_, fn_);
  }
  bool is_user_code() const override { return true; }

 private:
  static std::string callable_name(const Value& fn) {
    Value q = get_attr_opt(fn, vm().intern("__qualname__"));
    return is_str(q) ? to_str(q) : repr(fn);
  }
  Value fn_;
  std::vector<Value> args_;
};

}  // namespace

loop::Ref<loop::Callback> make_py_callback(Value fn, std::vector<Value> args) {
  return loop::Ref<loop::Callback>(new PyCallback(std::move(fn), std::move(args)));
}

// [SECTION] Module functions ----------------------------------------------------------

namespace {

loop::EventLoop& event_loop_for_new_objects() {
  loop::Runtime& rt = runtime();
  if (loop::EventLoop* l = rt.running_loop()) return *l;
  AsyncioState& s = state();
  if (!s.current_loop || s.current_loop->is_closed()) {
    if (!s.current_loop) s.current_loop = loop::Ref<loop::EventLoop>(new loop::EventLoop(rt));
  }
  return *s.current_loop;
}

Value a_run(Args& a) {
  Value main = arg_or_kw(a, 0, "main");
  loop::Runtime& rt = runtime();
  if (rt.running_loop()) raise("RuntimeError", "asyncio.run() cannot be called from a running event loop");
  if (!is_coroutine_object(main)) value_error("a coroutine was expected, got " + repr(main));
  loop::Ref<loop::Coroutine> coro = as_loop_coroutine(main);
  loop::RunHooks hooks;
  hooks.shutdown_asyncgens = [](loop::EventLoop& l) { return shutdown_asyncgens(l); };
  return loop_call([&] { return to_lang(loop::run(rt, coro, hooks)); });
}

// `await asyncio.sleep(...)`: the sleep's steps are taken here, without a loop coroutine
// in between. One is made only if the task machinery takes this object over
// (create_task, gather), carrying on from where the sleep is.
struct SleepOp final : NativeCoro {
  SleepOp(double delay, loop::Value result) : NativeCoro(nullptr), call(delay, std::move(result)) {
    pending_name = "sleep";
  }
  void clear_refs() override {
    NativeCoro::clear_refs();
    call.forget(state);
  }
  loop::Ref<loop::Coroutine> make_coroutine() override { return loop::sleep(runtime(), std::move(call), state); }
  void send(Value sent, Value& out, bool& returned) override {
    if (!pending_name) return NativeCoro::send(std::move(sent), out, returned);
    if (!stepped && !sent.is_none()) type_error("can't send non-None value to a just-started coroutine");
    started = stepped = true;
    take(call.send(runtime(), state), out, returned);
  }
  void throw_(Value exc, Value& out, bool& returned) override {
    if (!pending_name) return NativeCoro::throw_(std::move(exc), out, returned);
    started = stepped = true;
    take(call.throw_(runtime(), state, to_loop(exc)), out, returned);
  }
  void close() override {
    if (pending_name) call.close(state);
    NativeCoro::close();
  }
  void take(loop::StepResult&& r, Value& out, bool& returned) {
    if (!r.suspended()) pending_name = nullptr;
    step(std::move(r), out, returned);
  }
  loop::SleepCall call;
  loop::SleepCall::State state = loop::SleepCall::State::Created;
};

Value a_sleep(Args& a) {
  Value delay = arg_or_kw(a, 0, "delay");
  Value result = arg_or_kw(a, 1, "result");
  if (delay.is_null()) type_error("sleep() missing 1 required positional argument: 'delay'");
  double d = to_double(delay);
  runtime();  // RuntimeError now, not at the first step, in a program run without one
  return Value(new SleepOp(d, result.is_null() ? nullptr : to_loop(result)));
}

Value a_create_task(Args& a) {
  Value coro = arg_or_kw(a, 0, "coro");
  loop::EventLoop& l = running_loop();
  if (!is_coroutine_object(coro)) type_error("a coroutine was expected, got " + repr(coro));
  Value name = a.kwarg("name");
  std::string n;
  if (!name.is_null() && !name.is_none()) n = to_str(name);
  loop::Ref<loop::Task> t = loop::create_task(l, as_loop_coroutine(coro), n.empty() && (name.is_null() || name.is_none()) ? nullptr : &n);
  return wrap_future(loop::Ref<loop::Future>(t));
}

Value a_gather(Args& a) {
  Value re = a.kwarg("return_exceptions");
  bool return_exceptions = !re.is_null() && truthy(re);
  loop::EventLoop* l = nullptr;
  for (size_t i = 0; i < a.n && !l; ++i) {
    if (PyFuture* f = as_py_future(a[i])) l = &f->fut->loop();
  }
  if (!l) l = &event_loop_for_new_objects();
  std::vector<loop::Value> aws;
  for (size_t i = 0; i < a.n; ++i) {
    if (!as_py_future(a[i]) && !is_coroutine_object(a[i]) && lookup_special(a[i], "__await__").is_null()) {
      type_error("An asyncio.Future, a coroutine or an awaitable is required");
    }
  }
  // gather's arg_to_fut: the same coroutine passed twice is one task (every argument is
  // an object here; a map keeps gather(*thousands) linear).
  std::unordered_map<const Obj*, size_t> first_at;
  first_at.reserve(a.n);
  aws.reserve(a.n);
  for (size_t i = 0; i < a.n; ++i) {
    auto [it, fresh] = first_at.try_emplace(a[i].obj(), i);
    aws.push_back(fresh ? awaitable_to_loop(a[i], *l) : aws[it->second]);
  }
  loop::Ref<loop::Future> outer = loop_call([&] { return loop::gather(*l, aws, return_exceptions); });
  // With children, CPython's outer future is a _GatheringFuture (a Future subclass).
  if (aws.empty()) return wrap_future(outer);
  return Value(new PyFuture(asyncio_types().gathering_future, outer));
}

Value a_get_running_loop(Args&) { return wrap_loop(&running_loop()); }

Value a_get_event_loop(Args&) { return wrap_loop(&event_loop_for_new_objects()); }

Value a_new_event_loop(Args&) { return wrap_loop(new loop::EventLoop(runtime())); }

Value a_set_event_loop(Args& a) {
  check_args(a, "set_event_loop", 1, 1);
  PyLoop* l = as_py_loop(a[0]);
  if (!l && !a[0].is_none()) type_error("loop must be an instance of AbstractEventLoop or None, not '" + std::string(type_name(a[0])) + "'");
  state().current_loop = l ? l->loop : nullptr;
  return Value::none();
}

Value a_current_task(Args& a) {
  Value lv = arg_or_kw(a, 0, "loop");
  if (lv.is_null() || lv.is_none()) running_loop();
  loop::Task* t = runtime().current_task();
  return t ? wrap_future(loop::Ref<loop::Future>(t)) : Value::none();
}

Value a_all_tasks(Args& a) {
  Value lv = arg_or_kw(a, 0, "loop");
  loop::EventLoop& l = (lv.is_null() || lv.is_none()) ? running_loop() : *as_py_loop(lv)->loop;
  Value s(new SetObj(false));
  for (const auto& t : loop::all_tasks(l)) s.as<SetObj>()->table.add(wrap_future(loop::Ref<loop::Future>(t)));
  return s;
}

Value a_ensure_future(Args& a) {
  Value obj = arg_or_kw(a, 0, "coro_or_future");
  if (as_py_future(obj)) return obj;
  Value lv = a.kwarg("loop");
  loop::EventLoop& l = (lv.is_null() || lv.is_none()) ? event_loop_for_new_objects() : *as_py_loop(lv)->loop;
  loop::Value aw = awaitable_to_loop(obj, l);
  return wrap_future(loop_call([&] { return loop::ensure_future(l, aw); }));
}

Value a_iscoroutine(Args& a) {
  check_args(a, "iscoroutine", 1, 1);
  // 3.11's _COROUTINE_TYPES still lists types.GeneratorType.
  return Value::boolean(is_coroutine_object(a[0]) || a[0].if_type<Generator>(vm().t.generator));
}

// asyncio.isfuture duck-types on the class attribute, as futures.py does.
Value a_isfuture(Args& a) {
  check_args(a, "isfuture", 1, 1);
  if (a[0].type()->lookup("_asyncio_future_blocking").is_null()) return Value::boolean(false);
  Value blocking = get_attr_opt(a[0], vm().intern("_asyncio_future_blocking"));
  return Value::boolean(!blocking.is_null() && !blocking.is_none());
}

Value a_iscoroutinefunction(Args& a) {
  check_args(a, "iscoroutinefunction", 1, 1);
  Value f = a[0];
  if (auto* m = f.if_type<BoundMethod>(vm().t.method)) f = m->func;
  auto* fn = f.if_type<Function>(vm().t.function);
  return Value::boolean(fn && (fn->code.as<Code>()->flags & kCoroutine));
}

std::optional<double> timeout_arg(const Value& v) {
  if (v.is_null() || v.is_none()) return std::nullopt;
  return to_double(v);
}

Value a_wait_for(Args& a) {
  Value fut = arg_or_kw(a, 0, "fut");
  Value timeout = arg_or_kw(a, 1, "timeout");
  loop::Runtime& rt = runtime();
  loop::Value aw;
  if (PyFuture* f = as_py_future(fut)) {
    aw = loop::Value(f->fut);
  } else {
    aw = loop::Value(as_loop_coroutine(fut));
    if (!aw) type_error("An asyncio.Future, a coroutine or an awaitable is required");
  }
  return make_native_coro(loop::wait_for(rt, aw, timeout_arg(timeout)));
}

Value a_shield(Args& a) {
  Value arg = arg_or_kw(a, 0, "arg");
  loop::EventLoop* l = nullptr;
  if (PyFuture* f = as_py_future(arg)) l = &f->fut->loop();
  if (!l) l = &event_loop_for_new_objects();
  loop::Value aw = awaitable_to_loop(arg, *l);
  return wrap_future(loop_call([&] { return loop::shield(*l, aw); }));
}

Value a_wait(Args& a) {
  Value fs = arg_or_kw(a, 0, "fs");
  Value timeout = arg_or_kw(a, 1, "timeout");
  Value rw = arg_or_kw(a, 2, "return_when");
  if (as_py_future(fs) || is_coroutine_object(fs)) {
    type_error("expect a list of futures, not " + std::string(type_name(fs)));
  }
  std::vector<Value> items = to_vector(fs);
  if (items.empty()) value_error("Set of Tasks/Futures is empty.");
  loop::ReturnWhen when = loop::ReturnWhen::AllCompleted;
  if (!rw.is_null()) {
    std::string w = to_str(rw);
    if (w == "FIRST_COMPLETED") when = loop::ReturnWhen::FirstCompleted;
    else if (w == "FIRST_EXCEPTION") when = loop::ReturnWhen::FirstException;
    else if (w != "ALL_COMPLETED") value_error("Invalid return_when value: " + w);
  }
  std::vector<loop::Ref<loop::Future>> futs;
  for (const Value& v : items) {
    if (is_coroutine_object(v)) type_error("Passing coroutines is forbidden, use tasks explicitly.");
    PyFuture* f = as_py_future(v);
    if (!f) type_error("An asyncio.Future, a coroutine or an awaitable is required");
    futs.push_back(f->fut);
  }
  return make_native_coro(loop::wait(runtime(), std::move(futs), timeout_arg(timeout), when));
}

Value a_as_completed(Args& a) {
  Value fs = arg_or_kw(a, 0, "fs");
  Value timeout = arg_or_kw(a, 1, "timeout");
  if (as_py_future(fs) || is_coroutine_object(fs)) {
    type_error("expect an iterable of futures, not " + std::string(type_name(fs)));
  }
  loop::EventLoop& l = event_loop_for_new_objects();
  std::vector<loop::Value> aws;
  for (const Value& v : to_vector(fs)) aws.push_back(awaitable_to_loop(v, l));
  std::vector<Value> coros;
  for (auto& c : loop_call([&] { return loop::as_completed(runtime(), aws, timeout_arg(timeout)); })) {
    coros.push_back(make_native_coro(c));
    coros.back().as<NativeCoro>()->started = true;  // never-awaited ones stay silent, as CPython's
  }
  return get_iter(make_list(std::move(coros)));
}

// asyncio.to_thread is an `async def`: the worker starts at the first step.
loop::Co to_thread_guarded(Value fn, std::vector<Value> args, Value kwnames) {
  loop::Ref<loop::Future> fut;
  try {
    fut = start_worker(running_loop(), std::move(fn), std::move(args), std::move(kwnames), "run_in_executor");
  } catch (const PyException& e) {
    rethrow_in_loop(e);
  }
  loop::Value r = co_await fut;
  co_return r;
}

Value a_to_thread(Args& a) {
  if (a.n < 1) type_error("to_thread() missing 1 required positional argument: 'func'");
  std::vector<Value> args(a.pos + 1, a.pos + a.n);
  Value kwnames;
  if (a.nkw() > 0) {
    for (size_t i = 0; i < a.nkw(); ++i) args.push_back(a.kw[i]);
    kwnames = Value(a.kwnames);
  }
  return make_native_coro(to_thread_guarded(a[0], std::move(args), std::move(kwnames)).named("to_thread"));
}

}  // namespace

Value make_asyncio_module() {
  AsyncioState& s = state();
  Value m = new_module("asyncio", {{"run", a_run},
                                   {"sleep", a_sleep},
                                   {"create_task", a_create_task},
                                   {"gather", a_gather},
                                   {"get_running_loop", a_get_running_loop},
                                   {"get_event_loop", a_get_event_loop},
                                   {"new_event_loop", a_new_event_loop},
                                   {"set_event_loop", a_set_event_loop},
                                   {"current_task", a_current_task},
                                   {"all_tasks", a_all_tasks},
                                   {"ensure_future", a_ensure_future},
                                   {"iscoroutine", a_iscoroutine},
                                   {"isfuture", a_isfuture},
                                   {"iscoroutinefunction", a_iscoroutinefunction},
                                   {"wait_for", a_wait_for},
                                   {"wait", a_wait},
                                   {"shield", a_shield},
                                   {"as_completed", a_as_completed},
                                   {"to_thread", a_to_thread}});
  const AsyncioTypes& t = s.types;
  module_set(m, "Future", Value(t.future));
  module_set(m, "Task", Value(t.task));
  module_set(m, "CancelledError", Value(t.cancelled_error));
  module_set(m, "InvalidStateError", Value(t.invalid_state_error));
  module_set(m, "QueueEmpty", Value(t.queue_empty));
  module_set(m, "QueueFull", Value(t.queue_full));
  module_set(m, "TimeoutError", Value(vm().exc_type("TimeoutError")));
  module_set(m, "Handle", Value(t.handle));
  module_set(m, "TimerHandle", Value(t.timer_handle));
  for (const char* c : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}) module_set(m, c, make_str(c));
  init_future_types(m);
  init_loop_types(m);
  init_sync_types(m);
  init_ctx_types(m);
  return m;
}

}  // namespace looplab::lang
