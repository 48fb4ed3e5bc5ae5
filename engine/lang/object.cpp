#include "engine/lang/object.hpp"

#include <cstring>
#include <new>

#include "engine/lang/frame.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/loop/pool.hpp"

namespace looplab::lang {

// [SECTION] Obj: heap list, accounting, finalisation ----------------------------------------

void* Obj::operator new(size_t size) {
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

void Obj::operator delete(void* p, size_t size) {
  if (VM* v = current_vm()) v->heap_bytes -= static_cast<int64_t>(size);
  loop::pool_deallocate(p, size);
}

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

Obj::~Obj() {
  VM* v = current_vm();
  if (v && (heap_prev || v->heap_head == this)) {
    if (heap_prev) heap_prev->heap_next = heap_next;
    if (v->heap_head == this) v->heap_head = heap_next;
    if (heap_next) heap_next->heap_prev = heap_prev;
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
  VM* v = current_vm();
  if (v && type && type->has_del && !v->tearing_down) {
    run_del(this);
    if (!decref()) return;  // __del__ stored a new reference somewhere
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
  ncp = count_code_points(s, ascii);
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
Instance::Instance(Type* t) : Obj(t) {}

DictObj* Instance::ensure_dict() {
  if (dict.is_null()) dict = Value(new DictObj());
  return dict.as<DictObj>();
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

namespace {

// Frames of up to this many slots are recycled through VM::frame_pool; a recycled
// frame keeps its slots and blocks constructed (all Null), so reuse skips the
// allocation and the construction of the block array.
constexpr int kPooledSlots = 96;
constexpr size_t kPoolDepth = 128;

}  // namespace

Frame* Frame::create(Code* code, Value func, DictObj* globals) {
  int n = code->nslots();
  VM* v = current_vm();
  Frame* f = nullptr;
  if (v && n < kPooledSlots && static_cast<size_t>(n) < v->frame_pool.size() &&
      !v->frame_pool[static_cast<size_t>(n)].empty() &&
      v->frame_pool[static_cast<size_t>(n)].back()->block_capacity >= code->max_blocks) {
    f = v->frame_pool[static_cast<size_t>(n)].back();
    v->frame_pool[static_cast<size_t>(n)].pop_back();
    f->back = nullptr;
    f->pc = 0;
    f->gen = nullptr;
    f->entry = false;
    f->resumed_by = ResumeKind::None;
    f->nblocks = 0;
  } else {
    void* mem = ::operator new(size_for(n, code->max_blocks));
    f = new (mem) Frame();
    for (int i = 1; i < n; ++i) new (&f->slots[i]) Value();
    f->nslots = n;
    f->init_blocks(code->max_blocks);
  }
  f->code = code;
  f->code_ref = Value(code);
  f->func = std::move(func);
  f->globals = globals;
  f->globals_ref = Value(globals);
  f->sp = f->stack_base();
  return f;
}

void Frame::destroy(Frame* f) {
  VM* v = current_vm();
  int n = f->nslots;
  if (!v || v->tearing_down || n >= kPooledSlots) {
    free_frame(f);
    return;
  }
  // Dropping the references may run arbitrary releases (other frames included), so the
  // pool is touched only afterwards.
  // Popped blocks were moved from (their `saved` is Null already).
  for (int i = 0; i < n; ++i) f->slots[i] = Value();
  for (int i = 0; i < f->nblocks; ++i) f->blocks[i].saved = Value();
  f->code_ref = Value();
  f->func = Value();
  f->globals_ref = Value();
  f->locals = Value();
  f->handled = Value();
  f->init_self = Value();
  auto& pool = v->frame_pool;
  if (pool.size() <= static_cast<size_t>(n)) pool.resize(static_cast<size_t>(n) + 1);
  auto& free_list = pool[static_cast<size_t>(n)];
  if (free_list.size() >= kPoolDepth) {
    free_frame(f);
    return;
  }
  free_list.push_back(f);
}

void Frame::free_frame(Frame* f) {
  for (int i = 1; i < f->nslots; ++i) f->slots[i].~Value();
  f->~Frame();
  ::operator delete(f);
}

}  // namespace looplab::lang
