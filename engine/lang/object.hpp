#pragma once
// The heap objects of LoopLab's Python: one struct per built-in type. Behaviour lives in
// ops.hpp (the abstract protocol: repr, hash, compare, attributes, calls) and in one
// file per type family (str_type.cpp, list_type.cpp, dict_type.cpp, ...).

#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/dict.hpp"
#include "engine/lang/value.hpp"

namespace looplab::lang {

struct Code;
struct Frame;
struct Tuple;

// [SECTION] Strings and containers ---------------------------------------------------------

// UTF-8 text plus its length in code points; `ascii` makes indexing O(1).
struct Str : Obj {
  explicit Str(std::string text);
  // For text whose code point count the caller already knows (str_type.cpp): skips the scan.
  Str(std::string text, size_t code_points, bool is_ascii);
  std::string s;
  int64_t hash = -1;
  // The length, ASCII-ness and interning share one word: a str is a 96-byte block, not 112.
  uint64_t ncp : 62;
  bool ascii : 1;
  bool interned : 1 = false;
};

struct Tuple : Obj {
  Tuple();
  explicit Tuple(std::vector<Value> v);
  void clear_refs() override { items.clear(); }
  std::vector<Value> items;
};

struct List : Obj {
  List();
  explicit List(std::vector<Value> v);
  void clear_refs() override { items.clear(); }
  std::vector<Value> items;
};

struct DictObj : Obj {
  DictObj();
  explicit DictObj(Type* t);
  void clear_refs() override { table.clear(); }
  DictTable table;
};

struct SetObj : Obj {
  explicit SetObj(bool frozen);
  void clear_refs() override { table.clear(); }
  SetTable table;
};

struct Range : Obj {
  Range(int64_t a, int64_t b, int64_t c);
  int64_t start, stop, step;
  int64_t length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
  }
};

struct Slice : Obj {
  Slice(Value a, Value b, Value c);
  void clear_refs() override { start = stop = step = Value(); }
  Value start, stop, step;
};

// [SECTION] Callables ---------------------------------------------------------------------

// The arguments of a native call: positional values, then keyword values named by
// `kwnames` (a tuple of str, or null).
struct Args {
  Value* pos = nullptr;
  size_t n = 0;
  Tuple* kwnames = nullptr;
  Value* kw = nullptr;
  size_t nkw() const;
  // The keyword argument named `name`, or Null.
  Value kwarg(std::string_view name) const;
  const Value& operator[](size_t i) const { return pos[i]; }
};

using NativeFn = Value (*)(Args&);

// A function written in C++. As a method of a built-in type it receives self as pos[0].
struct Builtin : Obj {
  Builtin(std::string n, NativeFn f);
  std::string name;
  NativeFn fn;
};

struct Function : Obj {
  Function(Code* c, DictObj* g);
  void clear_refs() override;
  Value code;  // Code
  Value globals;  // DictObj
  Value defaults;  // Tuple or Null
  Value kwdefaults;  // DictObj or Null
  Value closure;  // Tuple of Cell or Null
  Value name, qualname;  // Str
  Value dict;  // DictObj or Null (function attributes)
  Value doc;
};

struct BoundMethod : Obj {
  BoundMethod(Value f, Value s);
  void clear_refs() override { func = self = Value(); }
  Value func, self;
};

struct Cell : Obj {
  Cell();
  void clear_refs() override { value = Value(); }
  Value value;
};

struct Property : Obj {
  Property();
  void clear_refs() override { fget = fset = fdel = doc = Value(); }
  Value fget, fset, fdel, doc;
};

// staticmethod / classmethod wrappers.
struct MethodWrapper : Obj {
  MethodWrapper(Type* t, Value f);
  void clear_refs() override { func = Value(); }
  Value func;
};

struct Super : Obj {
  Super(Type* start, Value self);
  void clear_refs() override { obj = start_ref = Value(); }
  Type* start;  // lookups begin after this class in obj's MRO
  Value start_ref;
  Value obj;
};

// [SECTION] Classes, instances, modules ---------------------------------------------------

// Attributes live in `values`, keyed by the type's shared key list (CPython 3.11's split
// dicts): values[i] belongs to type->shared_keys[i], so an instance holds exactly the first
// `nvalues` shared keys, in its own insertion order. A real dict replaces them for good
// when something needs one (__dict__, vars(), del, a name stored out of the shared order).
// The first few values sit in the object itself, so reading one costs no extra cache miss.
struct Instance : Obj {
  static constexpr uint32_t kInlineValues = 4;
  explicit Instance(Type* t);
  ~Instance() override;
  void clear_refs() override;
  Value dict;  // DictObj once materialised; `values` is null from then on
  Value* values;  // inline_values, or a heap array of `capacity` values once they outgrow it
  uint32_t nvalues = 0;
  uint32_t capacity = kInlineValues;
  Value inline_values[kInlineValues];
  // Materialises the dict (moving the inline values into it) and returns it.
  DictObj* ensure_dict();
  // The instance attribute `name` (inline or in the dict), or null.
  Value* find_attr(Str* name);
  // Where `name` sits among the inline values, or -1.
  int64_t inline_index(const Str* name) const;
  void store_attr(Str* name, Value v);

 private:
  bool append_inline(Str* name, Value& v);
  void drop_values();
};

struct Module : Obj {
  explicit Module(std::string n);
  void clear_refs() override { dict = Value(); }
  std::string name;
  Value dict;  // DictObj
  DictObj* d() const { return dict.as<DictObj>(); }
};

// How a type's instances are laid out: user classes inherit the layout of their
// nearest built-in base. SeqIter / NativeIter: the iterator structs below.
enum class Layout : uint8_t { Object, Exception, SeqIter, NativeIter, Other };

struct Type : Instance {
  Type(std::string n, Type* b, Layout l);
  void clear_refs() override;
  std::string name;
  std::string module = "builtins";
  Value base_ref;  // Type or Null (object)
  Type* base() const { return base_ref.as<Type>(); }
  std::vector<Type*> mro;  // self first; not owning (base_ref keeps them alive)
  // The attribute names of instances' inline values, in first-store order; interned
  // names only (they live as long as the VM), never reordered or removed.
  std::vector<Str*> shared_keys;
  Layout layout;
  bool is_heap = false;  // a class statement made it
  bool has_del = false;
  // Whether instances have a __dict__ or only __slots__; attr.cpp learns it at the first store.
  enum class InstanceDict : uint8_t { Unknown, Yes, No } instance_dict = InstanceDict::Unknown;
  bool subclassable = true;
  // Built-in types: the constructor (`int(x)`, `list(it)`); receives the call's arguments.
  NativeFn ctor = nullptr;
  // Looks `name` up along the MRO (class attributes, methods, descriptors); Null if absent.
  Value lookup(Str* name) const;
  Value lookup(std::string_view name) const;
  // Where lookup(name) finds its value (null if absent); the pointer into a class dict
  // stays valid while class_epoch() is unchanged.
  const Value* lookup_slot(Str* name) const;
  bool is_subtype(const Type* t) const;
  // The iterators written in C++ (SeqIter, NativeIter), which are their own __iter__.
  bool is_builtin_iterator() const { return layout == Layout::SeqIter || layout == Layout::NativeIter; }
  DictObj* d() const { return dict.as<DictObj>(); }
  void compute_mro();
};

// [SECTION] Exceptions ---------------------------------------------------------------------

struct TracebackEntry {
  Value code;  // Code
  int line;
};

struct ExcObj : Instance {
  explicit ExcObj(Type* t);
  void clear_refs() override;
  Value args;  // Tuple
  Value cause, context;
  bool suppress_context = false;
  std::vector<TracebackEntry> traceback;  // innermost first
  Value exceptions;  // Tuple, for ExceptionGroup
  Value message;  // Str, for ExceptionGroup
};

// [SECTION] Generators and iterators -------------------------------------------------------

enum class GenKind : uint8_t { Generator, Coroutine, AsyncGenerator };

struct Generator : Obj {
  Generator(Type* t, Frame* f, GenKind k);
  ~Generator() override;
  void clear_refs() override;
  Frame* frame;  // owned; null once finished
  GenKind kind;
  bool running = false;
  bool started = false;
  Value name, qualname;
};

// Iterators over built-in sequences share one struct; `kind` selects the walk, the type
// (list_iterator, range_iterator...) only names it.
enum class IterKind : uint8_t {
  List, Tuple, Str, Range, DictKeys, DictValues, DictItems, Set, Reversed,
  ReversedGetItem  // reversed() of a user sequence: seq[len - 1], seq[len - 2]... lazily
};

struct SeqIter : Obj {
  SeqIter(Type* t, IterKind k, Value s, int64_t start = 0);
  void clear_refs() override { seq = Value(); }
  IterKind kind;
  Value seq;
  int64_t index;
  int64_t extra = 0;  // range: current value, step kept in seq

  // The two walks of for loops' fast path (vm_ops.cpp fast_next); Null when exhausted.
  Value next_list_item() {
    auto& items = seq.as<List>()->items;
    if (index < static_cast<int64_t>(items.size())) return items[static_cast<size_t>(index++)];
    index = INT64_MAX;  // stays exhausted even if the list grows later
    return Value();
  }
  Value next_range_item() {
    if (index >= seq.as<Range>()->length()) return Value();
    ++index;
    int64_t cur = extra;
    extra += seq.as<Range>()->step;
    return Value::integer(cur);
  }
};

// A view `d.keys()`, `d.values()`, `d.items()`.
struct DictView : Obj {
  DictView(Type* t, Value d);
  void clear_refs() override { dict = Value(); }
  Value dict;
};

// enumerate / zip / map / filter and other iterator adaptors written in C++.
struct NativeIter : Obj {
  NativeIter(Type* t);
  void clear_refs() override {
    items.clear();
    func = Value();
  }
  std::vector<Value> items;  // underlying iterators
  Value func;
  int64_t count = 0;
  bool strict = false;
  // Iterators of native modules (itertools) step through this; Null means exhausted.
  Value (*next_fn)(NativeIter& self) = nullptr;
};

}  // namespace looplab::lang
