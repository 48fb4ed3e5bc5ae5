#pragma once
// The virtual machine: interpreter state (built-in types, builtins, modules, the frame
// chain, budgets) and the dispatch loop.
//
// Every root is named here: the frame chain from `frame`, `builtins`, `modules`,
// `interned` and the type table. One VM is current per thread (`vm()`), so helpers and
// native functions reach it without threading a parameter through every call.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/lang/errors.hpp"
#include "engine/lang/frame.hpp"
#include "engine/lang/host.hpp"

namespace looplab::lang {

// The built-in types (exception types live in VM::exc).
struct CoreTypes {
  Type *object, *type, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *set,
      *frozenset, *range, *slice, *function, *builtin, *method, *code, *cell, *module,
      *generator, *coroutine, *property, *staticmethod, *classmethod, *super, *dict_keys,
      *dict_values, *dict_items, *ellipsis, *not_implemented, *traceback;
  // Iterators over built-in containers (Layout::SeqIter), one type per kind as in CPython;
  // `reversed` is both the builtin and the type of reversed(tuple), reversed(str)...
  Type *list_iter, *list_reviter, *tuple_iter, *str_ascii_iter, *str_iter, *range_iter,
      *dict_keyiter, *dict_valueiter, *dict_itemiter, *dict_revkeyiter, *dict_revvalueiter,
      *dict_revitemiter, *set_iter, *reversed;
  // Iterator adaptors (Layout::NativeIter); getitem_iter is CPython's "iterator", the old
  // sequence protocol over __getitem__.
  Type *enumerate, *zip, *map, *filter, *callable_iter, *getitem_iter;
  std::vector<Type*> iterators;  // every type of the two groups above
};

// Names the hot paths look up, interned once so they never build a std::string.
struct HotNames {
  Str *new_, *init, *getattr;
};

// Exception types the hot paths raise, so raising never looks a type up by name.
struct HotExcTypes {
  Type *base_exception, *base_exception_group, *os_error, *type_error, *value_error,
      *index_error, *key_error, *attribute_error, *stop_iteration;
};

// One memoised MRO lookup of an interned name (Type::lookup). `versions` is the class
// epoch when the entry was filled: a key inserted into or removed from any watched class
// dict moves the epoch, while overwriting a value keeps `slot` (a pointer into the dict)
// valid.
struct LookupCacheEntry {
  uint64_t type_serial = 0;
  const Str* name = nullptr;
  uint64_t versions = 0;
  const Value* slot = nullptr;  // null: the name is not defined along the MRO
};

// Heterogeneous lookup: find a std::string key by string_view without allocating.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Limits of one run (DESIGN.md's budgets).
struct Limits {
  int64_t max_instructions = 500'000'000;
  int64_t max_heap_bytes = int64_t{1} << 30;
  int recursion_limit = 1000;
};

class VM {
 public:
  VM(LangHost& host, Limits limits);
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  // [SECTION] Running code
  // Runs a module's code in a fresh namespace named "__main__".
  void run_module(Code* code);
  // Calls any callable from C++ (builtins calling back into Python re-enter the loop).
  Value call(const Value& callable, Value* args, size_t n, Tuple* kwnames = nullptr);
  Value call0(const Value& f) { return call(f, nullptr, 0); }
  Value call1(const Value& f, Value a) { return call(f, &a, 1); }
  Value call2(const Value& f, Value a, Value b) {
    Value args[2] = {std::move(a), std::move(b)};
    return call(f, args, 2);
  }
  // Generator protocol (send, throw, next): returns the yielded value and sets
  // `returned` when the generator finished with a return value instead.
  Value gen_resume(Generator* g, Value sent, Value exc, bool& returned);

  // [SECTION] State
  LangHost& host;
  Limits limits;
  CoreTypes t{};
  std::unordered_map<std::string, Type*, NameHash, std::equal_to<>> exc;  // by name
  Value builtins;  // DictObj
  std::unordered_map<std::string, Value> modules;
  Frame* frame = nullptr;  // the running frame
  int depth = 0;  // Python frames on the chain plus native re-entries
  int64_t budget;  // instructions left before the next checkpoint (refuel)
  int64_t budget_reserve;  // instructions left beyond `budget`
  int64_t heap_bytes = 0;
  uint64_t next_serial = 1;
  Obj* heap_head = nullptr;  // every live object, for teardown
  bool tearing_down = false;
  Value none_value = Value::none();
  Value memory_error;  // preallocated, raised when the heap cap is hit
  Value ellipsis, not_implemented;
  Value build_class_fn;  // the Builtin behind LOAD_BUILD_CLASS
  Value random_state;  // the `random` module's generator (mod_random.cpp), on first import
  uint64_t random_seed = 0;  // what random_state is seeded with (RunOptions::random_seed)

  HotNames names{};
  HotExcTypes hot_exc{};
  // Set once an instance attribute may hide a method of its class (stored under a
  // method's name, a class changed after creation, or an instance __dict__ handed out);
  // until then LOAD_METHOD skips probing instance dicts.
  bool methods_shadowed = false;
  std::array<LookupCacheEntry, 2048> lookup_cache{};
  // Frames freed for reuse, by slot count (Frame::create / Frame::destroy).
  std::array<FramePool, kPooledSlots> frame_pool{};
  // A frame for `code` (from the pool when one fits), its func still Null.
  Frame* new_frame(Code* code, DictObj* globals) {
    int n = code->nslots();
    Frame* f = nullptr;
    if (n < kPooledSlots) f = frame_pool[static_cast<size_t>(n)].take(code->max_blocks);
    if (!f) f = Frame::allocate(n, code->max_blocks);
    f->bind(code, globals);
    return f;
  }
  // bind_call's fast path for a plain function (Code::plain_call): the frame with its
  // arguments moved in, func still Null; null when the call needs bind_call (errors
  // included), with nothing moved.
  Frame* bind_plain(Function* fn, Code* co, Value* args, size_t npos, Tuple* kwnames,
                    Value* kw);
  // Frame::destroy: drops the frame's references and keeps its memory for reuse.
  void recycle_frame(Frame* f);

  Str* intern(std::string_view s);
  Value str(std::string_view s);  // a new (not interned) str value
  Type* exc_type(std::string_view name) const {
    auto it = exc.find(name);
    return it == exc.end() ? nullptr : it->second;
  }
  DictObj* builtins_dict() const { return builtins.as<DictObj>(); }
  // The exception currently being handled (sys.exc_info()), walking the frame chain.
  Value handled_exception() const;
  void write_stdout(std::string_view s) { host.write_stdout(s); }
  void write_stderr(std::string_view s) { host.write_stderr(s); }

  // Native modules register a factory; `import` calls it once.
  using ModuleFactory = Value (*)();
  std::unordered_map<std::string, ModuleFactory> module_factories;
  Value import_module(const std::string& name);

  // Frames pushed by calls (interpreter internals, exposed for call.cpp).
  void push_frame(Frame* f) {
    f->back = frame;
    frame = f;
    if (++depth > limits.recursion_limit) too_deep(f);
  }
  // Runs the frame chain until `entry` returns or yields. With `pending`, first raises
  // that exception at the entry frame's current instruction (generator.throw()).
  Value execute(Frame* entry, Value pending = Value());
  [[noreturn]] void recursion_error();
  // The instruction budget's checkpoint (every few thousand instructions): reports the
  // instructions run to the loop runtime and stops the run when the budget is spent.
  __attribute__((noinline)) void refuel();
  // Sets the exception's __context__ to the exception being handled, as `raise` does.
  void set_context(const Value& exc);
  bool reraising = false;  // the next PyException re-raises: no new traceback entry
  bool last_yielded = false;  // the last execute() ended in a yield, not a return
  bool passing_through = false;  // the PyException in flight left its entry frame already
  // An exception raised without a C++ throw (errors.hpp's fail(), or one call_slow()
  // caught), travelling beside the Null sentinel its raiser returned. Whoever receives the
  // sentinel takes it: the dispatch loop raises it inline, call_object() throws it.
  Value pending_exception;

 private:
  Value run(Frame* entry);
  void teardown();
  bool unwind(Frame*& f, Frame* entry, Value& exc, bool add_tb);
  bool resume_inline(Generator* g, Value sent, ResumeKind how);
  void suspend_frame(Frame* f);
  void finish_frame(Frame* f);
  // These take and leave the stack pointer and pc in `f` (f->sp, f->pc): the dispatch
  // loop keeps its own copies in registers only while their address is never taken.
  void deliver_return(Frame* f, ResumeKind how, Value result);
  // Catches what the callee raises into `pending_exception`: a C++ throw that crossed the
  // huge dispatch function would cost microseconds in the unwinder. The callee's slots
  // [callable, sp) are cleared and f->sp left at `callable`.
  __attribute__((noinline)) Value call_slow(Value* callable, Value* args, size_t npos,
                                            Tuple* kwnames, Value* sp);
  Value call_slow_impl(Value* callable, Value* args, size_t npos, Tuple* kwnames, Value* sp);
  Value init_result(Frame* f, Value result);
  // push_frame past the recursion limit: unlinks `f` again and raises RecursionError.
  [[noreturn]] __attribute__((noinline)) void too_deep(Frame* f);
  void setup_with(Frame* f, uint32_t handler);
  std::unordered_map<std::string, Value, NameHash, std::equal_to<>> interned_;
};

// The VM running on this thread.
VM& vm();
VM* current_vm();

// Sets the current VM for a scope.
class CurrentVM {
 public:
  explicit CurrentVM(VM* v);
  ~CurrentVM();

 private:
  VM* prev_;
};

}  // namespace looplab::lang
