// The boundary with engine/loop: value and exception conversion, the Host over VM
// objects, and running a program on a Runtime.
#include "engine/lang/loop_host.hpp"

#include <new>
#include <typeinfo>

#include "engine/lang/builtins.hpp"
#include "engine/lang/code.hpp"
#include "engine/lang/compiler.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/parser.hpp"
#include "engine/lang/syntax_error.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {
thread_local loop::Runtime* t_runtime = nullptr;
}  // namespace

// [SECTION] Values -------------------------------------------------------------------

Boxed::Boxed(Value v) : Obj(vm().t.object), value(std::move(v)) {}

loop::Value to_loop(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
    case Tag::None: return nullptr;
    case Tag::Obj: return loop::Value(v.obj());
    default: return loop::Value(new Boxed(v));
  }
}

Value to_lang(const loop::Value& v) {
  if (!v) return Value::none();
  // Most values coming back are boxed scalars (a queue's items, sleep's result): an
  // exact type check first, as a dynamic_cast costs string compares of type names.
  if (&typeid(*v) == &typeid(Boxed)) return static_cast<const Boxed*>(v.get())->value;
  if (auto* o = dynamic_cast<Obj*>(v.get())) {
    if (auto* b = dynamic_cast<Boxed*>(o)) return b->value;
    return Value(o);
  }
  return wrap_loop_object(v.get());
}

void rethrow_in_lang(const loop::PyException& e) { throw PyException{to_lang(e.value)}; }
void rethrow_in_loop(const PyException& e) { throw loop::PyException(to_loop(e.exc)); }

loop::Runtime* current_runtime() { return t_runtime; }

loop::Runtime& runtime() {
  if (!t_runtime) raise("RuntimeError", "no event loop runtime in this interpreter");
  return *t_runtime;
}

// [SECTION] LoopHost -----------------------------------------------------------------

Type* exc_type_of(loop::ExcKind kind) {
  VM& v = vm();
  switch (kind) {
    case loop::ExcKind::CancelledError: return asyncio_types().cancelled_error;
    case loop::ExcKind::InvalidStateError: return asyncio_types().invalid_state_error;
    case loop::ExcKind::QueueEmpty: return asyncio_types().queue_empty;
    case loop::ExcKind::QueueFull: return asyncio_types().queue_full;
    case loop::ExcKind::TimeoutError: return v.exc_type("TimeoutError");
    case loop::ExcKind::RuntimeError: return v.exc_type("RuntimeError");
    case loop::ExcKind::ValueError: return v.exc_type("ValueError");
    case loop::ExcKind::TypeError: return v.exc_type("TypeError");
  }
  return v.exc_type("RuntimeError");
}

namespace {

bool isinstance_of(const loop::Value& exc, Type* t) {
  Value v = to_lang(exc);
  return v.is_obj() && v.type()->is_subtype(t);
}

ExcObj* as_exc(const loop::Value& exc) { return to_lang(exc).as<ExcObj>(); }

std::vector<Value> to_lang_all(const std::vector<loop::Value>& items) {
  std::vector<Value> out;
  out.reserve(items.size());
  for (const auto& i : items) out.push_back(to_lang(i));
  return out;
}

}  // namespace

loop::Value LoopHost::new_exception(loop::ExcKind kind, std::string_view message) {
  return to_loop(lang::new_exception(exc_type_of(kind), message));
}

loop::Value LoopHost::new_cancelled_error(const loop::Value& msg) {
  std::vector<Value> args;
  if (msg) args.push_back(to_lang(msg));
  return to_loop(new_exception_args(asyncio_types().cancelled_error, std::move(args)));
}

loop::Value LoopHost::new_exception_group(std::string_view message, std::vector<loop::Value> excs) {
  Value args[2] = {make_str(std::string(message)), make_list(to_lang_all(excs))};
  Args a{args, 2, nullptr, nullptr};
  return to_loop(construct_builtin_exception(vm().exc_type("BaseExceptionGroup"), a));
}

bool LoopHost::is_cancelled_error(const loop::Value& exc) const {
  return isinstance_of(exc, asyncio_types().cancelled_error);
}

bool LoopHost::is_exception(const loop::Value& exc) const {
  return isinstance_of(exc, vm().exc_type("Exception"));
}

bool LoopHost::is_kind(const loop::Value& exc, loop::ExcKind kind) const {
  return isinstance_of(exc, exc_type_of(kind));
}

loop::Value LoopHost::get_context(const loop::Value& exc) const {
  const Value& c = as_exc(exc)->context;
  return c.is_null() ? nullptr : to_loop(c);
}

void LoopHost::set_context(const loop::Value& exc, loop::Value context) {
  as_exc(exc)->context = context ? to_lang(context) : Value();
}

void LoopHost::set_cause(const loop::Value& exc, loop::Value cause) {
  ExcObj* e = as_exc(exc);
  e->cause = cause ? to_lang(cause) : Value();
  e->suppress_context = true;
}

std::string LoopHost::exception_text(const loop::Value& exc) const {
  return exception_summary(to_lang(exc));
}

std::string LoopHost::format_exception(const loop::Value& exc) const {
  return lang::format_exception(to_lang(exc));
}

std::string LoopHost::repr(const loop::Value& v) const { return lang::repr(to_lang(v)); }
std::string LoopHost::str(const loop::Value& v) const { return to_str(to_lang(v)); }
loop::Value LoopHost::new_str(std::string_view text) { return to_loop(make_str(std::string(text))); }
loop::Value LoopHost::new_bool(bool value) { return to_loop(Value::boolean(value)); }
loop::Value LoopHost::new_list(std::vector<loop::Value> items) { return to_loop(make_list(to_lang_all(items))); }
loop::Value LoopHost::new_tuple(std::vector<loop::Value> items) { return to_loop(make_tuple(to_lang_all(items))); }

loop::Value LoopHost::new_set(std::vector<loop::Value> items) {
  Value s(new SetObj(false));
  for (const auto& i : items) s.as<SetObj>()->table.add(to_lang(i));
  return to_loop(s);
}

bool LoopHost::less(const loop::Value& a, const loop::Value& b) {
  try {
    return less_than(to_lang(a), to_lang(b));
  } catch (const PyException& e) {
    rethrow_in_loop(e);
  }
}

// [SECTION] Running a program --------------------------------------------------------

namespace {

RunOutcome failure(LangHost& host, int status, std::string text, std::string summary) {
  host.write_stderr(text);
  return RunOutcome{status, std::move(text), std::move(summary)};
}

// SystemExit's code decides the status; anything else prints a traceback.
RunOutcome uncaught(LangHost& host, const Value& exc) {
  if (exc_matches(exc, "SystemExit")) {
    auto& args = exc.as<ExcObj>()->args.as<Tuple>()->items;
    Value code = args.empty() ? Value::none() : args[0];
    if (code.is_none()) return RunOutcome{};
    if (code.is_intlike()) return RunOutcome{static_cast<int>(code.as_int()), {}, {}};
    std::string msg = to_str(code);
    return failure(host, 1, msg + "\n", msg);
  }
  return failure(host, 1, lang::format_exception(exc), exception_summary(exc));
}

class RuntimeScope {
 public:
  explicit RuntimeScope(loop::Runtime* rt) : prev_(t_runtime) { t_runtime = rt; }
  ~RuntimeScope() { t_runtime = prev_; }
  RuntimeScope(const RuntimeScope&) = delete;
  RuntimeScope& operator=(const RuntimeScope&) = delete;

 private:
  loop::Runtime* prev_;
};

// A run stopped for good (RunAborted, StopRun) unwound C++ frames only: unlink the
// Python frames it left on the chain (a coroutine keeps its own frame).
void drop_frame_chain(VM& machine) {
  while (Frame* f = machine.frame) {
    machine.frame = f->back;
    f->back = nullptr;
    if (f->gen) {
      f->gen->running = false;
    } else {
      Frame::destroy(f);
    }
  }
  machine.depth = 0;
}

// Polls a RunWatch from the Runtime's record hook. A stop cannot unwind from there (an
// event may be recorded halfway through a loop operation), so it empties the VM's
// instruction budget, batch and reserve: the next instruction ends the run at a clean
// point.
class WatchScope {
 public:
  WatchScope(loop::Runtime& rt, VM& machine, const RunWatch* watch) : rt_(rt) {
    if (!watch || !watch->keep_going || watch->every == 0) return;
    rt.after_record = [this, &machine, watch](size_t index) {
      const uint64_t events = index + 1;
      if (stopped_ || events % watch->every != 0) return;
      if (watch->keep_going(events)) return;
      stopped_ = true;
      machine.budget = 0;
      machine.budget_reserve = 0;
    };
  }
  ~WatchScope() { rt_.after_record = nullptr; }
  WatchScope(const WatchScope&) = delete;
  WatchScope& operator=(const WatchScope&) = delete;
  bool stopped() const { return stopped_; }

 private:
  loop::Runtime& rt_;
  bool stopped_ = false;
};

// Runs the module, then joins the virtual workers as interpreter exit does.
RunOutcome execute_module(VM& machine, LangHost& host, Code* code, loop::Runtime& rt,
                          const WatchScope& watch) {
  RunOutcome out;
  try {
    try {
      machine.run_module(code);
    } catch (PyException& e) {
      out = uncaught(host, e.exc);
    }
    rt.drain_workers();
  } catch (StopRun& s) {
    drop_frame_chain(machine);
    if (watch.stopped()) s.message = kStoppedByUser;
    out = failure(host, s.status, s.message + "\n", s.message);
  } catch (std::bad_alloc&) {
    drop_frame_chain(machine);
    out = failure(host, 1, "MemoryError\n", "MemoryError");
  } catch (const loop::RunAborted& aborted) {
    drop_frame_chain(machine);
    out = RunOutcome{aborted.exit_status, aborted.message + "\n", aborted.message};
  }
  return out;
}

ProgramResult finish(loop::Runtime& rt, RunOutcome outcome) {
  rt.finish(outcome.status, outcome.summary);
  // Copied, not moved: tasks still alive read the trace while the Runtime goes.
  return ProgramResult{std::move(outcome), rt.stdout_text(), rt.trace()};
}

}  // namespace

ProgramResult run_program(std::unique_ptr<loop::Runtime> rt, LangHost& host, std::string_view source,
                          std::string filename, const RunOptions& options, const RunWatch* watch) {
  RuntimeScope runtime_scope(rt.get());
  ParseResult parsed = parse_module(source, filename);
  if (!parsed.ok()) {
    return finish(*rt, failure(host, 1, render_syntax_error(*parsed.error), syntax_error_summary(*parsed.error)));
  }
  VM machine(host, options.limits);
  machine.random_seed = options.random_seed;
  CurrentVM scope(&machine);
  CompileResult compiled = compile_module(*parsed.module, source);
  if (compiled.error) {
    return finish(*rt, failure(host, 1, render_syntax_error(*compiled.error),
                               syntax_error_summary(*compiled.error)));
  }
  RunOutcome outcome;
  {
    WatchScope watch_scope(*rt, machine, watch);
    outcome = execute_module(machine, host, compiled.code.as<Code>(), *rt, watch_scope);
  }
  ProgramResult result = finish(*rt, std::move(outcome));
  // The loops and tasks still hold Python values: drop them while the VM is alive, with
  // finalisers off as at interpreter shutdown.
  machine.tearing_down = true;
  drop_loop_refs(machine);
  rt.reset();
  forget_asyncio_state();
  return result;
}

}  // namespace looplab::lang
