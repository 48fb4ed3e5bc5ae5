#include "engine/lang/object.hpp"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

#include "engine/lang/frame.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/loop/pool.hpp"

namespace looplab::lang {

// [SECTION] Obj: heap list, accounting, finalisation ----------------------------------------

namespace {

// Pool memory counted against the VM's heap cap (MemoryError past it).
void* heap_allocate(size_t size) {
  VM* v = current_vm();
  if (v) {
    v->heap_bytes += static_cast<int64_t>(size);
    if (v->heap_bytes > v->limits.max_heap_bytes && v->memory_error) {
      v->heap_bytes -= static_cast<int64_t>(size);
      throw PyException{v->memory_error};
    }
  }
  return loop::pool_allocate(size);
}

void heap_deallocate(void* p, size_t size) {
  if (VM* v = current_vm()) v->heap_bytes -= static_cast<int64_t>(size);
  loop::pool_deallocate(p, size);
}

}  // namespace

void* Obj::operator new(size_t size) { return heap_allocate(size); }

void Obj::operator delete(void* p, size_t size) { heap_deallocate(p, size); }

Obj::Obj(Type* t) : type(t) {
  if (t) t->incref();
  VM* v = current_vm();
  serial = v ? v->next_serial++ : 0;
  if (v) {
    heap_next = v->heap_head;
    if (heap_next) heap_next->heap_prev = this;
    v->heap_head = this;
  }
}

// Only the list head needs the VM: the current VM is asked for it once per object less.
Obj::~Obj() {
  if (heap_prev) {
    heap_prev->heap_next = heap_next;
    if (heap_next) heap_next->heap_prev = heap_prev;
  } else if (VM* v = current_vm(); v && v->heap_head == this) {
    v->heap_head = heap_next;
    if (heap_next) heap_next->heap_prev = nullptr;
  }
  if (type && type->decref()) type->release();
}

namespace {

// Deep chains (a long linked list of nodes) are freed iteratively: an object whose
// destruction starts inside another's waits in this queue (CPython's trashcan).
thread_local int t_release_depth = 0;
thread_local std::vector<const Obj*>* t_release_queue = nullptr;

// Runs __del__ with the object temporarily alive again (refcount 1).
void run_del(const Obj* o) {
  VM& v = vm();
  Obj* self = const_cast<Obj*>(o);
  self->incref();
  Value del = self->type->lookup("__del__");
  try {
    Value arg(self);
    v.call(del, &arg, 1);
  } catch (const PyException& e) {
    v.write_stderr("Exception ignored in: " + repr(del) + "\n" + format_exception(e.exc));
  }
}

}  // namespace

void Obj::release() const {
  if (type && type->has_del) {
    VM* v = current_vm();
    if (v && !v->tearing_down) {
      run_del(this);
      if (!decref()) return;  // __del__ stored a new reference somewhere
    }
  }
  if (t_release_depth > 50) {
    if (!t_release_queue) t_release_queue = new std::vector<const Obj*>();
    t_release_queue->push_back(this);
    return;
  }
  ++t_release_depth;
  delete this;
  if (t_release_depth == 1 && t_release_queue) {
    while (!t_release_queue->empty()) {
      const Obj* next = t_release_queue->back();
      t_release_queue->pop_back();
      delete next;
    }
    delete t_release_queue;
    t_release_queue = nullptr;
  }
  --t_release_depth;
}

// [SECTION] Constructors ---------------------------------------------------------------------

namespace {

size_t count_code_points(const std::string& s, bool& ascii) {
  // Pure ASCII (the common case) is checked eight bytes at a time.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  size_t n = i;
  ascii = true;
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) ++n;
    if (c >= 0x80) ascii = false;
  }
  return n;
}

}  // namespace

Str::Str(std::string text) : Obj(vm().t.str), s(std::move(text)) {
  bool is_ascii;
  ncp = count_code_points(s, is_ascii);
  ascii = is_ascii;
}

Tuple::Tuple() : Obj(vm().t.tuple) {}
Tuple::Tuple(std::vector<Value> v) : Obj(vm().t.tuple), items(std::move(v)) {}
List::List() : Obj(vm().t.list) {}
List::List(std::vector<Value> v) : Obj(vm().t.list), items(std::move(v)) {}
DictObj::DictObj() : Obj(vm().t.dict) {}
DictObj::DictObj(Type* t) : Obj(t) {}
SetObj::SetObj(bool frozen) : Obj(frozen ? vm().t.frozenset : vm().t.set) {}
Range::Range(int64_t a, int64_t b, int64_t c) : Obj(vm().t.range), start(a), stop(b), step(c) {}

Slice::Slice(Value a, Value b, Value c)
    : Obj(vm().t.slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}

size_t Args::nkw() const { return kwnames ? kwnames->items.size() : 0; }

Value Args::kwarg(std::string_view name) const {
  for (size_t i = 0; i < nkw(); ++i) {
    if (kwnames->items[i].as<Str>()->s == name) return kw[i];
  }
  return Value();
}

Builtin::Builtin(std::string n, NativeFn f) : Obj(vm().t.builtin), name(std::move(n)), fn(f) {}

Function::Function(Code* c, DictObj* g) : Obj(vm().t.function), code(c), globals(g) {}

void Function::clear_refs() {
  code = globals = defaults = kwdefaults = closure = name = qualname = dict = doc = Value();
}

BoundMethod::BoundMethod(Value f, Value s)
    : Obj(vm().t.method), func(std::move(f)), self(std::move(s)) {}
Cell::Cell() : Obj(vm().t.cell) {}
Property::Property() : Obj(vm().t.property) {}
MethodWrapper::MethodWrapper(Type* t, Value f) : Obj(t), func(std::move(f)) {}
Super::Super(Type* s, Value self)
    : Obj(vm().t.super), start(s), start_ref(s), obj(std::move(self)) {}
Instance::Instance(Type* t) : Obj(t), values(inline_values) {}

Instance::~Instance() { drop_values(); }

void Instance::clear_refs() {
  dict = Value();
  drop_values();
}

namespace {

// Heap arrays of values hold `capacity` constructed values (Null past nvalues).
Value* allocate_values(size_t n) {
  auto* vals = static_cast<Value*>(heap_allocate(n * sizeof(Value)));
  for (size_t i = 0; i < n; ++i) new (&vals[i]) Value();
  return vals;
}

void free_values(Value* vals, size_t n) {
  for (size_t i = 0; i < n; ++i) vals[i].~Value();
  heap_deallocate(vals, n * sizeof(Value));
}

}  // namespace

// Detaches the values before releasing them: a release may run __del__, which may touch
// this instance again.
void Instance::drop_values() {
  Value* vals = std::exchange(values, nullptr);
  uint32_t n = std::exchange(nvalues, 0);
  uint32_t cap = std::exchange(capacity, 0);
  if (vals == inline_values) {
    for (uint32_t i = 0; i < n; ++i) inline_values[i] = Value();
  } else if (vals) {
    free_values(vals, cap);
  }
}

DictObj* Instance::ensure_dict() {
  if (dict.is_null()) {
    Value d(new DictObj());
    DictTable& table = d.as<DictObj>()->table;
    for (uint32_t i = 0; i < nvalues; ++i) table.set(Value(type->shared_keys[i]), std::move(values[i]));
    drop_values();
    dict = std::move(d);
  }
  return dict.as<DictObj>();
}

int64_t Instance::inline_index(const Str* name) const {
  const std::vector<Str*>& keys = type->shared_keys;
  for (uint32_t i = 0; i < nvalues; ++i) {
    if (keys[i] == name || (!name->interned && keys[i]->s == name->s)) return i;
  }
  return -1;
}

Value* Instance::find_attr(Str* name) {
  if (!dict.is_null()) return dict.as<DictObj>()->table.find_str(name);
  int64_t i = inline_index(name);
  return i < 0 ? nullptr : &values[i];
}

void Instance::store_attr(Str* name, Value v) {
  if (dict.is_null()) {
    if (int64_t i = inline_index(name); i >= 0) {
      values[i] = std::move(v);
      return;
    }
    if (append_inline(name, v)) return;
  }
  ensure_dict()->table.set(Value(name), std::move(v));
}

namespace {

// Beyond this many distinct names a class's instances keep real dicts (CPython caps its
// shared keys at 30 too).
constexpr size_t kMaxSharedKeys = 30;

}  // namespace

// A new name stays inline only when it is the next shared key (or extends the list):
// then the inline order is still this instance's insertion order.
bool Instance::append_inline(Str* name, Value& v) {
  std::vector<Str*>& keys = type->shared_keys;
  if (!name->interned || !type->is_heap) return false;
  if (nvalues < keys.size()) {
    if (keys[nvalues] != name) return false;
  } else if (keys.size() >= kMaxSharedKeys) {
    return false;
  }
  if (nvalues == capacity) {
    size_t cap = std::min(std::max<size_t>(keys.size() + 1, capacity * size_t{2}), kMaxSharedKeys);
    Value* grown = allocate_values(cap);
    for (uint32_t i = 0; i < nvalues; ++i) grown[i] = std::move(values[i]);
    if (values && values != inline_values) free_values(values, capacity);
    values = grown;
    capacity = static_cast<uint32_t>(cap);
  }
  if (nvalues == keys.size()) keys.push_back(name);
  values[nvalues] = std::move(v);
  ++nvalues;
  return true;
}

Module::Module(std::string n) : Obj(vm().t.module), name(std::move(n)) {
  dict = Value(new DictObj());
  d()->table.set(Value(vm().intern("__name__")), vm().str(name));
}

ExcObj::ExcObj(Type* t) : Instance(t) { args = Value(new Tuple()); }

void ExcObj::clear_refs() {
  Instance::clear_refs();
  args = cause = context = exceptions = message = Value();
  traceback.clear();
}

Generator::Generator(Type* t, Frame* f, GenKind k) : Obj(t), frame(f), kind(k) {}

Generator::~Generator() {
  if (frame) Frame::destroy(frame);
}

void Generator::clear_refs() {
  if (frame) {
    Frame::destroy(frame);
    frame = nullptr;
  }
  name = qualname = Value();
}

SeqIter::SeqIter(Type* t, IterKind k, Value s, int64_t start)
    : Obj(t), kind(k), seq(std::move(s)), index(start) {}
DictView::DictView(Type* t, Value d) : Obj(t), dict(std::move(d)) {}
NativeIter::NativeIter(Type* t) : Obj(t) {}

// [SECTION] Types -------------------------------------------------------------------------------

Type::Type(std::string n, Type* b, Layout l)
    : Instance(current_vm() ? current_vm()->t.type : nullptr),
      name(std::move(n)),
      base_ref(b),
      layout(l) {
  dict = Value(new DictObj());
  compute_mro();
}

void Type::clear_refs() {
  Instance::clear_refs();
  base_ref = Value();
  mro.clear();
}

void Type::compute_mro() {
  mro.clear();
  for (const Type* t = this; t; t = t->base()) mro.push_back(const_cast<Type*>(t));
}

namespace {

const Value* lookup_along(const std::vector<Type*>& mro, Str* n) {
  for (const Type* t : mro) {
    if (Value* v = t->d()->table.find_str(n)) return v;
  }
  return nullptr;
}

}  // namespace

// Memoised for interned names only: they live as long as the VM, so a cached name
// pointer can never be reused by another string. Filling an entry watches every dict
// along the MRO, so class_epoch() moves when any of them gains or loses a key.
const Value* Type::lookup_slot(Str* n) const {
  VM* v = current_vm();
  if (!n->interned || !v) return lookup_along(mro, n);
  uint64_t epoch = class_epoch();
  uint64_t h = (serial ^ (reinterpret_cast<uintptr_t>(n) >> 4)) * 0x9E3779B97F4A7C15ULL;
  LookupCacheEntry& e = v->lookup_cache[(h >> 40) & (v->lookup_cache.size() - 1)];
  if (e.type_serial != serial || e.name != n || e.versions != epoch) {
    for (const Type* t : mro) t->d()->table.watch();
    e = LookupCacheEntry{serial, n, epoch, lookup_along(mro, n)};
  }
  return e.slot;
}

Value Type::lookup(Str* n) const {
  const Value* slot = lookup_slot(n);
  return slot ? *slot : Value();
}

Value Type::lookup(std::string_view n) const { return lookup(vm().intern(n)); }

bool Type::is_subtype(const Type* t) const {
  for (const Type* m : mro) {
    if (m == t) return true;
  }
  return false;
}

// [SECTION] Frames ------------------------------------------------------------------------------

Frame* Frame::allocate(int n, int nb) {
  void* mem = ::operator new(size_for(n, nb));
  Frame* f = new (mem) Frame();
  for (int i = 1; i < n; ++i) new (&f->slots[i]) Value();
  f->nslots = n;
  f->init_blocks(nb);
  return f;
}

Frame* Frame::create(Code* code, Value func, DictObj* globals) {
  VM* v = current_vm();
  Frame* f = v ? v->new_frame(code, globals) : allocate(code->nslots(), code->max_blocks);
  if (!v) f->bind(code, globals);
  f->func = std::move(func);
  return f;
}

void Frame::destroy(Frame* f) {
  if (VM* v = current_vm()) {
    v->recycle_frame(f);
  } else {
    free_frame(f);
  }
}

void Frame::free_frame(Frame* f) {
  for (int i = 1; i < f->nslots; ++i) f->slots[i].~Value();
  f->~Frame();
  ::operator delete(f);
}

}  // namespace looplab::lang
