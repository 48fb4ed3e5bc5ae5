// The VM's state and the frame side of the VM: set-up and teardown, the instruction
// budget, exception unwinding, generator suspension and resumption, and the call paths
// the dispatch loop takes without recursing in C++ (the dispatch loop is vm.cpp).
#include <algorithm>

#include "engine/lang/builtins.hpp"
#include "engine/lang/call.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_ops.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::lang {

namespace {
thread_local VM* t_current = nullptr;
}  // namespace

VM& vm() { return *t_current; }
VM* current_vm() { return t_current; }
CurrentVM::CurrentVM(VM* v) : prev_(t_current) { t_current = v; }
CurrentVM::~CurrentVM() { t_current = prev_; }

// [SECTION] State and teardown -------------------------------------------------------------

namespace {

// Instructions between two budget checkpoints (VM::refuel).
constexpr int64_t kInstructionBatch = 4096;

}  // namespace

VM::VM(LangHost& h, Limits l)
    : host(h),
      limits(l),
      budget(std::min(kInstructionBatch, l.max_instructions)),
      budget_reserve(l.max_instructions - budget) {
  CurrentVM scope(this);
  init_types(*this);
  init_builtins(*this);
  names = HotNames{intern("__new__"), intern("__init__"), intern("__getattr__")};
  memory_error = new_exception(exc_type("MemoryError"), "");
}

VM::~VM() {
  CurrentVM scope(this);
  teardown();
  for (FramePool& pool : frame_pool) {
    while (Frame* f = pool.head) {
      pool.head = f->back;
      Frame::free_frame(f);
    }
  }
}

// Every batch but the last is kInstructionBatch long, so a batch spent is reported as
// that many. The dispatch loop charges whole loop iterations, calls and returns, so it can
// overrun `budget` by more than one instruction: the overrun comes out of the next batches.
void VM::refuel() {
  while (budget < 0) {
    if (budget_reserve <= 0) throw StopRun{4, "Budget exhausted: instructions"};
    if (loop::Runtime* rt = current_runtime()) rt->count_instructions(kInstructionBatch);
    int64_t grant = std::min(kInstructionBatch, budget_reserve);
    budget_reserve -= grant;
    budget += grant;
  }
}

// Frees every object of the run, cycles included: each object is pinned by an extra
// reference while all of them drop the references they hold; then, with no reference
// left between them, each is deleted directly (types last in effect: nobody decrefs them).
void VM::teardown() {
  tearing_down = true;
  while (frame) {
    Frame* back = frame->back;
    if (!frame->gen) Frame::destroy(frame);
    frame = back;
  }
  std::vector<Obj*> all;
  for (Obj* o = heap_head; o; o = o->heap_next) {
    o->incref();
    all.push_back(o);
  }
  modules.clear();
  interned_.clear();
  exc.clear();
  builtins = memory_error = ellipsis = not_implemented = build_class_fn = random_state = Value();
  pending_exception = Value();
  for (Obj* o : all) o->clear_refs();
  for (Obj* o : all) o->type = nullptr;
  for (Obj* o : all) delete o;
}

Str* VM::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second.as<Str>();
  Value v(new Str(std::string(s)));
  auto* str = v.as<Str>();
  str->interned = true;
  hash_value(v);
  interned_.emplace(std::string(s), std::move(v));
  return str;
}

Value VM::str(std::string_view s) { return Value(new Str(std::string(s))); }

// [SECTION] Frames -----------------------------------------------------------------------------

void VM::too_deep(Frame* f) {
  frame = f->back;
  f->back = nullptr;
  --depth;
  if (!f->gen) recycle_frame(f);
  recursion_error();
}

void VM::recursion_error() {
  raise(exc_type("RecursionError"), "maximum recursion depth exceeded");
}

Value VM::handled_exception() const {
  for (Frame* f = frame; f; f = f->back) {
    if (!f->handled.is_null() && !f->handled.is_none()) return f->handled;
  }
  return Value();
}

void VM::run_module(Code* code) {
  auto* module = new Module("__main__");
  Value hold(module);
  Value hold_code(code);  // the module frame borrows both (Frame::code)
  modules["__main__"] = hold;
  Frame* f = Frame::create(code, Value(), module->d());
  f->locals = module->dict;
  f->entry = true;
  push_frame(f);
  execute(f);
}

Value VM::call(const Value& callable, Value* args, size_t n, Tuple* kwnames) {
  // A __del__ can run while a native's failure is pending (releases on its way out): the
  // pending exception stays aside until this call is over.
  struct KeepPending {
    Value& slot;
    Value kept;
    ~KeepPending() {
      if (!kept.is_null()) slot = std::move(kept);
    }
  } keep{pending_exception, std::move(pending_exception)};
  Args a;
  a.pos = args;
  a.n = n;
  a.kwnames = kwnames;
  if (kwnames) a.n = n - kwnames->items.size();
  a.kw = args + a.n;
  return call_object(callable, a);
}

namespace {

// Frames kept per size class: enough for deep recursion to reuse its frames, bounded so
// that a burst of tasks does not pin its frames' memory for the rest of the run.
constexpr uint32_t kPoolDepth = 128;

}  // namespace

void VM::recycle_frame(Frame* f) {
  int n = f->nslots;
  if (tearing_down || n >= kPooledSlots) {
    Frame::free_frame(f);
    return;
  }
  // Dropping the references may run arbitrary releases (other frames included), so the
  // pool is touched only afterwards. Popped blocks were moved from (`saved` is Null).
  for (int i = 0; i < n; ++i) f->slots[i] = Value();
  for (int i = 0; i < f->nblocks; ++i) f->blocks[i].saved = Value();
  f->func = Value();
  if (!f->locals.is_null()) f->locals = Value();
  if (!f->handled.is_null()) f->handled = Value();
  if (!f->init_self.is_null()) f->init_self = Value();
  FramePool& pool = frame_pool[static_cast<size_t>(n)];
  if (pool.count >= kPoolDepth) {
    Frame::free_frame(f);
    return;
  }
  f->pc = 0;
  f->gen = nullptr;
  f->entry = false;
  f->resumed_by = ResumeKind::None;
  f->nblocks = 0;
  f->back = pool.head;
  pool.head = f;
  ++pool.count;
}

// [SECTION] Unwinding ---------------------------------------------------------------------------

namespace {

void clear_stack_from(Frame* f, Value* from) {
  Value* end = f->slots + f->nslots;
  for (Value* p = from; p < end; ++p) *p = Value();
}

// A StopIteration escaping a generator becomes RuntimeError (PEP 479).
Value convert_stop_iteration(Generator* g, Value exc) {
  bool async_stop = g->kind == GenKind::AsyncGenerator && exc_matches(exc, "StopAsyncIteration");
  if (!async_stop && !exc_matches(exc, "StopIteration")) return exc;
  const char* what = g->kind == GenKind::Coroutine ? "coroutine raised StopIteration"
                                                   : "generator raised StopIteration";
  if (g->kind == GenKind::AsyncGenerator) {
    what = async_stop ? "async generator raised StopAsyncIteration" : "async generator raised StopIteration";
  }
  Value err = new_exception(vm().exc_type("RuntimeError"), what);
  err.as<ExcObj>()->cause = exc;
  err.as<ExcObj>()->suppress_context = true;
  err.as<ExcObj>()->context = exc;
  return err;
}

// The word CPython's generator errors use for `g`.
std::string gen_kind_name(const Generator* g) {
  return g->kind == GenKind::Coroutine ? "coroutine" : g->kind == GenKind::AsyncGenerator ? "async generator" : "generator";
}

}  // namespace

void VM::set_context(const Value& exc) {
  Value handled = handled_exception();
  auto* e = exc.as<ExcObj>();
  if (handled.is_null() || handled.same(exc) || !e->context.is_null()) return;
  e->context = handled;
}

// Finds a handler for `exc`, starting in `f` and popping frames on the way. Returns false
// (with the entry frame popped) when the exception leaves the entry frame.
bool VM::unwind(Frame*& f, Frame* entry, Value& exc, bool add_tb) {
  for (;;) {
    if (add_tb) {
      auto& tb = exc.as<ExcObj>()->traceback;
      if (tb.empty()) tb.reserve(4);  // one allocation while it crosses a few frames
      tb.push_back({Value(f->code), f->line()});
    }
    while (f->nblocks > 0) {
      Block& b = f->blocks[--f->nblocks];
      clear_stack_from(f, f->stack_base() + b.level);
      if (b.kind == BlockKind::ExceptHandler) {
        f->handled = std::move(b.saved);
        continue;
      }
      Block& h = f->blocks[f->nblocks++];
      h.kind = BlockKind::ExceptHandler;
      h.saved = f->handled;
      f->handled = exc;
      f->sp = f->stack_base() + h.level;
      *f->sp++ = exc;
      f->pc = h.handler;
      return true;
    }
    clear_stack_from(f, f->stack_base());
    Generator* g = f->gen;
    bool was_entry = f == entry;
    finish_frame(f);
    if (g) exc = convert_stop_iteration(g, std::move(exc));
    if (was_entry) return false;
    f = frame;
    add_tb = true;
  }
}

// [SECTION] Frame transitions -------------------------------------------------------------------

void VM::finish_frame(Frame* f) {
  frame = f->back;
  f->back = nullptr;
  --depth;
  if (Generator* g = f->gen) {
    g->running = false;
    g->frame = nullptr;
  }
  recycle_frame(f);
}

void VM::suspend_frame(Frame* f) {
  frame = f->back;
  f->back = nullptr;
  --depth;
  f->gen->running = false;
}

// Links a generator's frame on top of the running one. False if it already finished.
bool VM::resume_inline(Generator* g, Value sent, ResumeKind how) {
  if (g->running) value_error(gen_kind_name(g) + " already executing");
  Frame* gf = g->frame;
  if (!gf) return false;
  if (g->started) {
    *gf->sp++ = std::move(sent);
  } else if (!sent.is_none()) {
    type_error("can't send non-None value to a just-started " + gen_kind_name(g));
  }
  g->started = true;
  g->running = true;
  gf->entry = false;
  gf->resumed_by = how;
  try {
    push_frame(gf);
  } catch (...) {
    g->running = false;
    throw;
  }
  return true;
}

// A generator resumed by FOR_ITER or SEND returned: finish that instruction in `f`.
void VM::deliver_return(Frame* f, ResumeKind how, Value result) {
  f->pc = arg_of(f->code->ops[f->pc - 1]);
  if (how == ResumeKind::ForIter) {
    *--f->sp = Value();
  } else {
    f->sp[-1] = std::move(result);
  }
}

Value VM::gen_resume(Generator* g, Value sent, Value exc, bool& returned) {
  returned = false;
  if (g->running) value_error(gen_kind_name(g) + " already executing");
  Frame* gf = g->frame;
  if (!gf) {
    if (!exc.is_null()) raise_value(exc);
    returned = true;
    return Value::none();
  }
  if (!g->started && exc.is_null() && !sent.is_none()) {
    type_error("can't send non-None value to a just-started " + gen_kind_name(g));
  }
  if (g->started && exc.is_null()) *gf->sp++ = std::move(sent);
  g->started = true;
  g->running = true;
  gf->entry = true;
  gf->resumed_by = ResumeKind::None;
  try {
    push_frame(gf);
  } catch (...) {
    g->running = false;
    throw;
  }
  last_yielded = false;
  Value r = execute(gf, std::move(exc));
  returned = !last_yielded;
  last_yielded = false;
  return r;
}

// [SECTION] Calls from the dispatch loop ---------------------------------------------------

// Calls that are not a plain Python function. Returns Null when it pushed a Python frame
// (a bound method or a class with a Python __init__), else the result.
Value VM::call_slow(Value* callable, Value* args, size_t npos, Tuple* kwnames, Value* sp) {
  try {
    return call_slow_impl(callable, args, npos, kwnames, sp);
  } catch (PyException& e) {
    if (passing_through) throw;
    for (Value* p = callable; p < sp; ++p) *p = Value();
    frame->sp = callable;
    pending_exception = std::move(e.exc);
    return Value();
  }
}

Value VM::call_slow_impl(Value* callable, Value* args, size_t npos, Tuple* kwnames, Value* sp) {
  Frame* f = frame;
  auto clear = [&] {
    for (Value* p = callable; p < sp; ++p) *p = Value();
    sp = callable;
    f->sp = sp;
  };
  bool self_slot_free = callable[1].is_null() && args == callable + 2;
  auto* bm = self_slot_free ? callable->if_type<BoundMethod>(t.method) : nullptr;
  if (bm && !bm->func.if_type<Function>(t.function)) {  // e.g. super().__init__(...)
    callable[1] = bm->self;
    Value func = bm->func;
    Args a{callable + 1, npos + 1, kwnames, args + npos};
    Value r = call_object_pending(func, a);
    clear();
    return r;
  }
  if (bm) {
    auto* fn = bm->func.as<Function>();
    callable[1] = bm->self;
    Value hold(fn);
    Frame* nf = bind_call(fn, callable + 1, npos + 1, kwnames, args + npos);
    clear();
    if (fn->code.as<Code>()->flags & (kGenerator | kCoroutine | kAsyncGenerator)) {
      return make_generator(fn, nf);
    }
    push_frame(nf);
    return Value();
  }
  if (auto* type = callable->if_type<Type>(t.type); type && type->is_heap && self_slot_free) {
    Args a{args, npos, kwnames, args + npos};
    Value init;
    Value inst = new_instance(type, a, init);
    if (!init.is_null()) {
      auto* fn = init.as<Function>();
      callable[1] = inst;
      Frame* nf = bind_call(fn, callable + 1, npos + 1, kwnames, args + npos);
      clear();
      nf->init_self = inst;
      push_frame(nf);
      return Value();
    }
    clear();
    return inst;
  }
  Args a{args, npos, kwnames, args + npos};
  Value r = call_object_pending(*callable, a);
  clear();
  return r;
}

Value VM::init_result(Frame* f, Value result) {
  if (!result.is_none()) {
    type_error(std::string("__init__() should return None, not '") + type_name(result) + "'");
  }
  return std::move(f->init_self);
}

// Stack [manager] becomes [__exit__, __enter__()] with a try block over the body.
void VM::setup_with(Frame* f, uint32_t handler) {
  Value* sp = f->sp;
  Value mgr = std::move(sp[-1]);
  Value enter = lookup_special(mgr, "__enter__");
  Value exit = lookup_special(mgr, "__exit__");
  if (enter.is_null() || exit.is_null()) {
    std::string tn = type_name(mgr);
    type_error("'" + tn + "' object does not support the context manager protocol");
  }
  sp[-1] = std::move(exit);
  Value r = call0(enter);
  push_block(f, BlockKind::Try, handler, static_cast<uint32_t>(sp - f->stack_base()));
  *sp++ = std::move(r);
  f->sp = sp;
}

}  // namespace looplab::lang
