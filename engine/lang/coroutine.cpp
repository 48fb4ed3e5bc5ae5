// Python coroutines on engine/loop: the Task-facing adapter, native coroutines seen from
// Python, Future.__await__, and `await` in the VM (GET_AWAITABLE, SEND's fast path).
#include "engine/lang/coroutine.hpp"

#include "engine/lang/builtins.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_async.hpp"
#include "engine/lang/vm_ops.hpp"

namespace looplab::lang {

namespace {

Generator* as_py_coroutine(const Value& v) {
  Generator* g = v.if_type<Generator>(vm().t.coroutine);
  return g && g->kind == GenKind::Coroutine ? g : nullptr;
}

Generator* as_generator_like(const Value& v) {
  const CoreTypes& t = vm().t;
  if (!v.is_obj() || (v.obj()->type != t.generator && v.obj()->type != t.coroutine)) return nullptr;
  return v.as<Generator>();
}

// The sub-iterator of a frame suspended inside an `await` / `yield from` loop (its
// YIELD_VALUE follows SEND, with the sub-iterator on top of the stack), or null.
Value* delegate_slot(Frame* f, uint32_t& target) {
  if (f->pc < 2) return nullptr;
  const auto& ops = f->code->ops;
  if (op_of(ops[f->pc - 1]) != Op::YIELD_VALUE || op_of(ops[f->pc - 2]) != Op::SEND) return nullptr;
  target = arg_of(ops[f->pc - 2]);
  return f->sp - 1;
}

// What a native coroutine's step means to the Python frame delegating to it.
void native_step(const loop::StepResult& r, Value& out, bool& returned) {
  returned = false;
  switch (r.kind) {
    case loop::StepResult::Kind::Await: out = wrap_future_blocking(r.future); return;
    case loop::StepResult::Kind::BareYield:
    case loop::StepResult::Kind::BadYield: out = Value::none(); return;
    case loop::StepResult::Kind::Return:
      returned = true;
      out = to_lang(r.value);
      return;
    case loop::StepResult::Kind::Raise: throw PyException{to_lang(r.value)};
  }
}

// The awaitables written in C++ are exactly these types (none can be subclassed), so a
// type compare replaces a dynamic_cast on every `await`.
Awaitable* as_awaitable(const Value& v) {
  if (!v.is_obj()) return nullptr;
  const AsyncioTypes* ts = asyncio_types_if_created();
  if (!ts) return nullptr;
  const Type* t = v.obj()->type;
  const bool awaitable = t == ts->native_coro || t == ts->future_iter || t == ts->coro_wrapper || t == ts->asend ||
                         t == ts->athrow || t == ts->anext_awaitable;
  return awaitable ? static_cast<Awaitable*>(v.obj()) : nullptr;
}

NativeCoro* as_native_coro(const Value& v) {
  if (!v.is_obj()) return nullptr;
  const AsyncioTypes* ts = asyncio_types_if_created();
  return ts && v.obj()->type == ts->native_coro ? static_cast<NativeCoro*>(v.obj()) : nullptr;
}

void close_delegate(const Value& sub) {
  if (Generator* g = as_generator_like(sub)) {
    close_generator(g);
  } else if (Awaitable* a = as_awaitable(sub)) {
    a->close();
  } else if (sub.is_obj()) {
    Value closer = get_attr_opt(sub, vm().intern("close"));
    if (!closer.is_null()) vm().call0(closer);
  }
}

// Throws into the object an `await` delegates to. False when it takes no throws (the
// exception is then raised at the `await` itself).
bool throw_to_delegate(const Value& sub, const Value& exc, Value& out, bool& returned) {
  if (exc_matches(exc, "GeneratorExit")) {
    close_delegate(sub);
    return false;
  }
  if (Generator* g = as_generator_like(sub)) {
    out = throw_into(g, exc, returned);
    return true;
  }
  if (Awaitable* a = as_awaitable(sub)) {
    a->throw_(exc, out, returned);
    return true;
  }
  if (!sub.is_obj()) return false;
  Value thrower = get_attr_opt(sub, vm().intern("throw"));
  if (thrower.is_null()) return false;
  returned = false;
  try {
    out = vm().call1(thrower, exc);
  } catch (PyException& e) {
    if (!exc_matches(e.exc, "StopIteration")) throw;
    auto& args = e.exc.as<ExcObj>()->args.as<Tuple>()->items;
    out = args.empty() ? Value::none() : args[0];
    returned = true;
  }
  return true;
}

}  // namespace

void close_generator(Generator* g) {
  if (!g->frame) return;
  VM& v = vm();
  if (!g->started) {
    Frame::destroy(g->frame);
    g->frame = nullptr;
    return;
  }
  try {
    bool returned = false;
    throw_into(g, new_exception(v.exc_type("GeneratorExit"), ""), returned);
    if (!returned) {
      raise("RuntimeError", g->kind == GenKind::Coroutine ? "coroutine ignored GeneratorExit"
                                                         : "generator ignored GeneratorExit");
    }
  } catch (PyException& e) {
    if (!exc_matches(e.exc, "GeneratorExit") && !exc_matches(e.exc, "StopIteration")) throw;
  }
}

void send_any(const Value& it, Value sent, Value& out, bool& returned) {
  if (Generator* g = as_generator_like(it)) {
    out = vm().gen_resume(g, std::move(sent), Value(), returned);
  } else if (Awaitable* a = as_awaitable(it)) {
    a->send(std::move(sent), out, returned);
  } else {
    out = send_to_iterator(it, std::move(sent), returned);
  }
}

void throw_any(const Value& it, Value exc, Value& out, bool& returned) {
  if (!throw_to_delegate(it, exc, out, returned)) throw PyException{exc};
}

namespace {

// The innermost Python frame of a delegation chain (where the coroutine really waits).
Frame* innermost_frame(Generator* g) {
  Frame* f = g->frame;
  while (f) {
    uint32_t target = 0;
    Value* slot = delegate_slot(f, target);
    Generator* sub = slot ? as_generator_like(*slot) : nullptr;
    if (!sub || !sub->frame) break;
    f = sub->frame;
  }
  return f;
}

void warn_never_awaited(const std::string& qualname) {
  VM& v = vm();
  std::string where;
  if (v.frame) {
    int line = v.frame->line();
    where = v.frame->code->filename + ":" + std::to_string(line) + ": ";
    std::string src = v.frame->code->source_line(line);
    src.erase(0, src.find_first_not_of(" \t"));  // warnings.formatwarning strips the line
    v.write_stderr(where + "RuntimeWarning: coroutine '" + qualname + "' was never awaited\n");
    if (!src.empty()) v.write_stderr("  " + src + "\n");
  } else {
    v.write_stderr("RuntimeWarning: coroutine '" + qualname + "' was never awaited\n");
  }
  v.write_stderr("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

}  // namespace

// [SECTION] throw with delegation ----------------------------------------------------

Value throw_into(Generator* g, Value exc, bool& returned) {
  VM& v = vm();
  Frame* f = g->frame;
  uint32_t target = 0;
  Value* slot = (f && g->started && !g->running) ? delegate_slot(f, target) : nullptr;
  if (slot) {
    Value sub = *slot;
    Value out;
    bool sub_returned = false;
    bool delegated = false;
    try {
      delegated = throw_to_delegate(sub, exc, out, sub_returned);
    } catch (PyException& e) {
      return v.gen_resume(g, Value::none(), e.exc, returned);
    }
    if (delegated) {
      if (!sub_returned) {
        returned = false;
        return out;
      }
      // The delegate finished: leave the SEND loop with its result, as SEND would.
      *slot = Value();
      f->sp = slot;
      f->pc = target;
      return v.gen_resume(g, std::move(out), Value(), returned);
    }
  }
  return v.gen_resume(g, Value::none(), std::move(exc), returned);
}

// [SECTION] PyCoroutine --------------------------------------------------------------

PyCoroutine::PyCoroutine(Value coro) : coro_(std::move(coro)) {
  if (Frame* f = coro_.as<Generator>()->frame) code_ = Value(f->code);
}

loop::StepResult PyCoroutine::resume(Value sent, Value exc) {
  Generator* g = coro_.as<Generator>();
  bool returned = false;
  Value r;
  try {
    r = exc.is_null() ? vm().gen_resume(g, std::move(sent), Value(), returned)
                      : throw_into(g, std::move(exc), returned);
  } catch (PyException& e) {
    return loop::StepResult::raised(to_loop(e.exc));
  }
  if (returned) return loop::StepResult::returned(to_loop(r));
  if (loop::Runtime* rt = current_runtime()) {
    if (Frame* f = innermost_frame(g)) rt->record_line(f->line());
  }
  return classify_yield(r);
}

loop::StepResult PyCoroutine::send(loop::Value v) { return resume(to_lang(v), Value()); }
loop::StepResult PyCoroutine::throw_(loop::Value exc) { return resume(Value::none(), to_lang(exc)); }

void PyCoroutine::close() {
  Generator* g = coro_.as<Generator>();
  if (vm().tearing_down) {
    // The run is over and the loops are gone: drop the frame without running its code.
    if (g->frame && !g->running) {
      Frame::destroy(g->frame);
      g->frame = nullptr;
    }
    return;
  }
  try {
    close_generator(coro_.as<Generator>());
  } catch (PyException& e) {
    rethrow_in_loop(e);
  }
}

std::string PyCoroutine::qualname() const { return to_str(coro_.as<Generator>()->qualname); }

int PyCoroutine::line() const {
  Generator* g = coro_.as<Generator>();
  Frame* f = g->frame ? innermost_frame(g) : nullptr;
  return f ? f->line() : 0;
}

std::string PyCoroutine::task_repr_info(bool done) const {
  Generator* g = coro_.as<Generator>();
  std::string name = qualname() + "()";
  if (done || !g->frame) {
    std::string defined_at;
    if (const Code* c = code_.as<Code>()) defined_at = c->filename + ":" + std::to_string(c->firstline);
    return "<" + name + " done, defined at " + defined_at + ">";
  }
  Frame* f = g->frame;
  return "<" + name + " running at " + f->code->filename + ":" + std::to_string(f->line()) + ">";
}

// [SECTION] NativeCoro, FutureIter, IterCoroutine -----------------------------------

NativeCoro::NativeCoro(loop::Ref<loop::Coroutine> c) : Awaitable(asyncio_types().native_coro), coro(std::move(c)) {}

NativeCoro::~NativeCoro() {
  VM* v = current_vm();
  if (started || !v || v->tearing_down) return;
  if (coro) {
    warn_never_awaited(coro->qualname());
  } else if (pending_name) {
    warn_never_awaited(pending_name);
  }
}

const loop::Ref<loop::Coroutine>& NativeCoro::loop_coroutine() {
  if (pending_name) {
    pending_name = nullptr;
    coro = make_coroutine();
  }
  return coro;
}

// A finished loop coroutine is dropped: awaiting it again is CPython's RuntimeError.
void NativeCoro::step(loop::StepResult&& r, Value& out, bool& returned) {
  if (!r.suspended()) coro = nullptr;
  native_step(r, out, returned);
}

void NativeCoro::send(Value sent, Value& out, bool& returned) {
  if (!stepped && !sent.is_none()) type_error("can't send non-None value to a just-started coroutine");
  started = stepped = true;
  if (pending_name && sent.is_none() && step_now(out)) {
    pending_name = nullptr;
    returned = true;
    return;
  }
  if (!loop_coroutine()) raise("RuntimeError", "cannot reuse already awaited coroutine");
  step(coro->send(to_loop(sent)), out, returned);
}

void NativeCoro::throw_(Value exc, Value& out, bool& returned) {
  started = stepped = true;
  if (!loop_coroutine()) throw PyException{std::move(exc)};
  step(coro->throw_(to_loop(exc)), out, returned);
}

void NativeCoro::close() {
  started = true;
  pending_name = nullptr;
  if (!coro) return;  // finished, never made, or the run is ending (its loop objects are gone)
  loop::Ref<loop::Coroutine> c = std::move(coro);
  try {
    c->close();
  } catch (const loop::PyException& e) {
    rethrow_in_lang(e);
  }
}

FutureIter::FutureIter(Value f) : Awaitable(asyncio_types().future_iter), future(std::move(f)) {}

void FutureIter::send(Value, Value& out, bool& returned) {
  PyFuture* pf = as_py_future(future);
  if (!yielded && !pf->fut->done()) {
    yielded = true;
    pf->blocking = true;
    out = future;
    returned = false;
    return;
  }
  if (!pf->fut->done()) raise("RuntimeError", "await wasn't used with future");
  returned = true;
  out = loop_call([&] { return to_lang(pf->fut->result()); });
}

void FutureIter::throw_(Value exc, Value&, bool&) { throw PyException{std::move(exc)}; }

loop::StepResult classify_yield(const Value& r) {
  if (auto* pf = as_py_future(r)) {
    if (pf->blocking) {
      pf->blocking = false;
      return loop::StepResult::await(pf->fut);
    }
  }
  if (r.is_none()) return loop::StepResult::bare_yield();
  return loop::StepResult::bad_yield(repr(r));
}

IterCoroutine::IterCoroutine(Value it, std::string qualname) : it_(std::move(it)), qualname_(std::move(qualname)) {}

loop::StepResult IterCoroutine::send(loop::Value v) {
  Value out;
  bool returned = false;
  try {
    send_any(it_, to_lang(v), out, returned);
  } catch (PyException& e) {
    return loop::StepResult::raised(to_loop(e.exc));
  }
  return returned ? loop::StepResult::returned(to_loop(out)) : classify_yield(out);
}

loop::StepResult IterCoroutine::throw_(loop::Value exc) {
  Value out;
  bool returned = false;
  try {
    throw_any(it_, to_lang(exc), out, returned);
  } catch (PyException& e) {
    return loop::StepResult::raised(to_loop(e.exc));
  }
  return returned ? loop::StepResult::returned(to_loop(out)) : classify_yield(out);
}

void IterCoroutine::close() {
  try {
    close_delegate(it_);
  } catch (const PyException& e) {
    rethrow_in_loop(e);
  }
}

Value make_native_coro(loop::Ref<loop::Coroutine> c) { return Value(new NativeCoro(std::move(c))); }

loop::Ref<loop::Coroutine> as_loop_coroutine(const Value& v) {
  if (as_py_coroutine(v)) return loop::Ref<loop::Coroutine>(new PyCoroutine(v));
  if (NativeCoro* nc = as_native_coro(v)) {
    nc->started = true;
    if (!nc->loop_coroutine()) raise("RuntimeError", "cannot reuse already awaited coroutine");
    return nc->coro;
  }
  return nullptr;
}

bool is_iterable_coroutine(const Value& v) {
  Generator* g = v.if_type<Generator>(vm().t.generator);
  return g && g->frame && (g->frame->code->flags & kIterableCoroutine);
}

bool is_coroutine_object(const Value& v) {
  return as_py_coroutine(v) || as_native_coro(v);
}

// [SECTION] await in the VM -----------------------------------------------------------

Value get_awaitable(const Value& v) {
  if (Generator* g = as_py_coroutine(v)) {
    if (!g->frame) raise("RuntimeError", "cannot reuse already awaited coroutine");
    uint32_t target = 0;
    if (g->started && !g->running && delegate_slot(g->frame, target)) {
      raise("RuntimeError", "coroutine is being awaited already");
    }
    return v;
  }
  if (v.is_obj()) {
    if (as_py_future(v)) return Value(new FutureIter(v));
    if (as_awaitable(v)) return v;
    if (is_iterable_coroutine(v)) return v;
  }
  Value await = lookup_special(v, "__await__");
  if (await.is_null()) {
    type_error(std::string("object ") + type_name(v) + " can't be used in 'await' expression");
  }
  Value it = vm().call0(await);
  if (as_py_coroutine(it)) type_error("__await__() returned a coroutine");
  if (lookup_special(it, "__next__").is_null() && !as_generator_like(it)) {
    type_error(std::string("__await__() returned non-iterator of type '") + type_name(it) + "'");
  }
  return it;
}

Value before_async_with(Value& mgr) {
  Value enter = lookup_special(mgr, "__aenter__");
  Value exit = lookup_special(mgr, "__aexit__");
  if (enter.is_null() || exit.is_null()) {
    type_error(std::string("'") + type_name(mgr) + "' object does not support the asynchronous context manager protocol");
  }
  mgr = std::move(exit);
  return vm().call0(enter);
}

Value get_aiter(const Value& obj) {
  Value f = lookup_special(obj, "__aiter__");
  if (f.is_null()) type_error(std::string("'async for' requires an object with __aiter__ method, got ") + type_name(obj));
  Value it = vm().call0(f);
  if (lookup_special(it, "__anext__").is_null()) {
    type_error(std::string("'async for' received an object from __aiter__ that does not implement __anext__: ") +
               type_name(it));
  }
  return it;
}

Value get_anext(const Value& aiter) {
  Value f = lookup_special(aiter, "__anext__");
  if (f.is_null()) type_error(std::string("'async for' requires an iterator with __anext__ method, got ") + type_name(aiter));
  Value aw = vm().call0(f);
  if (!as_awaitable(aw) && !as_py_coroutine(aw) && !as_py_future(aw) && lookup_special(aw, "__await__").is_null()) {
    type_error(std::string("'async for' received an invalid object from __anext__: ") + type_name(aw));
  }
  return aw;
}

bool send_to_awaitable(const Value& it, Value& sent, Value& out, bool& returned) {
  Awaitable* a = as_awaitable(it);
  if (!a) return false;
  a->send(std::move(sent), out, returned);
  return true;
}

// [SECTION] The coroutine type's methods ---------------------------------------------

Value thrown_exception(const Args& a) {
  VM& v = vm();
  Value typ = a[1];
  Value val = a.n > 2 ? a[2] : Value();
  Type* base = v.exc_type("BaseException");
  if (auto* t = typ.if_type<Type>(v.t.type); t && t->is_subtype(base)) {
    if (val.is_null() || val.is_none()) return v.call0(typ);
    if (val.is_obj() && val.type()->is_subtype(t)) return val;
    return v.call1(typ, val);
  }
  if (typ.is_obj() && typ.type()->is_subtype(base)) return typ;
  type_error("exceptions must be classes or instances deriving from BaseException, not " +
             std::string(type_name(typ)));
}

namespace {

// gen_send_ex's refusal to resume a finished coroutine.
Generator* live_coroutine(const Value& v) {
  auto* g = v.as<Generator>();
  if (!g->frame) raise("RuntimeError", "cannot reuse already awaited coroutine");
  return g;
}

Value coro_resume(const Value& c, Value sent, bool& returned) {
  return vm().gen_resume(live_coroutine(c), std::move(sent), Value(), returned);
}

Value finish_step(Value r, bool returned) {
  if (returned) stop_iteration(r.is_none() ? Value() : r);
  return r;
}

Value coro_send(Args& a) {
  check_args(a, "send", 2, 2);
  bool returned = false;
  Value r = coro_resume(a[0], a[1], returned);
  return finish_step(std::move(r), returned);
}

Value coro_throw(Args& a) {
  check_args(a, "throw", 2, 4);
  Value exc = thrown_exception(a);
  bool returned = false;
  Value r = throw_into(live_coroutine(a[0]), exc, returned);
  return finish_step(std::move(r), returned);
}

Value coro_close(Args& a) {
  close_generator(a[0].as<Generator>());
  return Value::none();
}

Value coro_del(Args& a) {
  auto* g = a[0].as<Generator>();
  if (g->kind == GenKind::Coroutine && !g->started && g->frame) warn_never_awaited(to_str(g->qualname));
  return Value::none();
}

// coroutine.__await__(): CPython's coroutine_wrapper, an iterator over the coroutine.
struct CoroWrapper : Awaitable {
  explicit CoroWrapper(Value c) : Awaitable(asyncio_types().coro_wrapper), coro(std::move(c)) {}
  void clear_refs() override { coro = Value(); }
  void send(Value sent, Value& out, bool& returned) override {
    if (as_py_coroutine(coro)) {
      out = coro_resume(coro, std::move(sent), returned);
    } else {
      send_any(coro, std::move(sent), out, returned);
    }
  }
  void throw_(Value exc, Value& out, bool& returned) override {
    if (as_py_coroutine(coro)) {
      out = throw_into(live_coroutine(coro), std::move(exc), returned);
    } else {
      throw_any(coro, std::move(exc), out, returned);
    }
  }
  void close() override { close_delegate(coro); }
  Value coro;  // a Python coroutine or a NativeCoro
};

Value coro_await(Args& a) {
  check_args(a, "__await__", 1, 1);
  return Value(new CoroWrapper(a[0]));
}

Value coro_running(Args& a) { return Value::boolean(a[0].as<Generator>()->running); }

Value coro_frame(Args& a) {
  if (!a[0].as<Generator>()->frame) return Value::none();
  raise("AttributeError", "LoopLab does not expose frame objects: cr_frame is only None once the coroutine finished");
}

// What the coroutine's `await` waits on, as CPython's cr_await.
Value coro_awaiting(Args& a) {
  Generator* g = a[0].as<Generator>();
  uint32_t target = 0;
  Value* slot = (g->frame && g->started && !g->running) ? delegate_slot(g->frame, target) : nullptr;
  return slot ? *slot : Value::none();
}

// The iterator face of the awaitables written in C++ (send, throw, close, __next__).
Awaitable* self_awaitable(const Args& a) {
  auto* aw = as_awaitable(a[0]);
  if (!aw) type_error(std::string("descriptor requires an awaitable, not '") + type_name(a[0]) + "'");
  return aw;
}

Value aw_send(Args& a) {
  check_args(a, "send", 2, 2);
  Value out;
  bool returned = false;
  self_awaitable(a)->send(a[1], out, returned);
  return finish_step(std::move(out), returned);
}

Value aw_next(Args& a) {
  Value out;
  bool returned = false;
  self_awaitable(a)->send(Value::none(), out, returned);
  return finish_step(std::move(out), returned);
}

Value aw_throw(Args& a) {
  check_args(a, "throw", 2, 4);
  Value out;
  bool returned = false;
  self_awaitable(a)->throw_(thrown_exception(a), out, returned);
  return finish_step(std::move(out), returned);
}

Value aw_close(Args& a) {
  self_awaitable(a)->close();
  return Value::none();
}

Value aw_self(Args& a) { return a[0]; }

// anext(it, default): awaits it.__anext__() and turns StopAsyncIteration into `dflt`.
struct AnextAwaitable : Awaitable {
  AnextAwaitable(Value aw, Value d) : Awaitable(asyncio_types().anext_awaitable), awaitable(std::move(aw)), dflt(std::move(d)) {}
  void clear_refs() override { awaitable = it = dflt = Value(); }
  void send(Value sent, Value& out, bool& returned) override {
    step([&] { send_any(iter(), std::move(sent), out, returned); }, out, returned);
  }
  void throw_(Value exc, Value& out, bool& returned) override {
    step([&] { throw_any(iter(), std::move(exc), out, returned); }, out, returned);
  }
  void close() override {
    if (!it.is_null()) close_delegate(it);
  }
  const Value& iter() {
    if (it.is_null()) it = get_awaitable(awaitable);
    return it;
  }
  template <class F>
  void step(F resume, Value& out, bool& returned) {
    try {
      resume();
    } catch (PyException& e) {
      if (!exc_matches(e.exc, "StopAsyncIteration")) throw;
      out = dflt;
      returned = true;
    }
  }
  Value awaitable, it, dflt;
};

Value bi_aiter(Args& a) {
  check_args(a, "aiter", 1, 1);
  Value f = lookup_special(a[0], "__aiter__");
  if (f.is_null()) type_error(std::string("'") + type_name(a[0]) + "' object is not an async iterable");
  Value it = vm().call0(f);
  if (lookup_special(it, "__anext__").is_null()) {
    type_error(std::string("aiter() returned not an async iterator of type '") + type_name(it) + "'");
  }
  return it;
}

Value bi_anext(Args& a) {
  check_args(a, "anext", 1, 2);
  Value f = lookup_special(a[0], "__anext__");
  if (f.is_null()) type_error(std::string("'") + type_name(a[0]) + "' object is not an async iterator");
  Value aw = vm().call0(f);
  if (a.n < 2) return aw;
  return Value(new AnextAwaitable(std::move(aw), a[1]));
}

}  // namespace

void init_coroutine_types() {
  Type* c = vm().t.coroutine;
  def_method(c, "send", coro_send);
  def_method(c, "throw", coro_throw);
  def_method(c, "close", coro_close);
  def_method(c, "__await__", coro_await);
  def_method(c, "__del__", coro_del);
  def_property(c, "cr_running", coro_running);
  def_property(c, "cr_frame", coro_frame);
  def_property(c, "cr_await", coro_awaiting);
  c->has_del = true;
  DictObj* builtins = vm().builtins_dict();
  def_function(builtins, "aiter", bi_aiter);
  def_function(builtins, "anext", bi_anext);
}

void init_awaitable_types(AsyncioTypes& t) {
  for (Type* ty : {t.native_coro, t.future_iter, t.coro_wrapper, t.asend, t.athrow, t.anext_awaitable}) {
    def_method(ty, "send", aw_send);
    def_method(ty, "throw", aw_throw);
    def_method(ty, "close", aw_close);
  }
  for (Type* ty : {t.future_iter, t.coro_wrapper, t.asend, t.athrow, t.anext_awaitable}) {
    def_method(ty, "__next__", aw_next);
    def_method(ty, "__iter__", aw_self);
  }
  for (Type* ty : {t.asend, t.athrow, t.anext_awaitable}) def_method(ty, "__await__", aw_self);
  def_method(t.native_coro, "__await__", coro_await);
}

}  // namespace looplab::lang
