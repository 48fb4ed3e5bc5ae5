// The abstract protocol, part 2: attributes (with descriptors), subscripts, length,
// membership and iteration.
#include "engine/lang/call.hpp"
#include "engine/lang/code.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/utf8.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

// [SECTION] Descriptors and attributes ---------------------------------------------------------

Value bind_descriptor(const Value& attr, const Value& obj, Type* type) {
  const CoreTypes& t = vm().t;
  if (!attr.is_obj()) return attr;
  Type* at = attr.obj()->type;
  if (at == t.function || at == t.builtin) {
    return obj.is_null() ? attr : Value(new BoundMethod(attr, obj));
  }
  if (at == t.staticmethod) return attr.as<MethodWrapper>()->func;
  if (at == t.classmethod) return Value(new BoundMethod(attr.as<MethodWrapper>()->func, Value(type)));
  if (at == t.property) {
    if (obj.is_null()) return attr;
    auto* p = attr.as<Property>();
    if (p->fget.is_null()) attribute_error("property object has no getter");
    return vm().call1(p->fget, obj);
  }
  return attr;
}

namespace {

// Attributes every object of a kind has without a dict entry (__class__, __name__, args...).
Value special_attr(const Value& obj, const std::string& n) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  if (n == "__class__") return Value(obj.type());
  if (!obj.is_obj()) {
    if (obj.is_intlike() && (n == "real" || n == "numerator")) return Value::integer(obj.as_int());
    if (obj.is_intlike() && n == "imag") return Value::integer(0);
    if (obj.is_intlike() && n == "denominator") return Value::integer(1);
    if (obj.is_float() && n == "real") return obj;
    if (obj.is_float() && n == "imag") return Value::floating(0.0);
    return Value();
  }
  Obj* o = obj.obj();
  Type* ty = o->type;
  if (ty->layout == Layout::Exception) {
    auto* e = obj.as<ExcObj>();
    if (n == "args") return e->args;
    if (n == "__cause__") return e->cause.is_null() ? Value::none() : e->cause;
    if (n == "__context__") return e->context.is_null() ? Value::none() : e->context;
    if (n == "__suppress_context__") return Value::boolean(e->suppress_context);
    if (n == "__traceback__") {
      return e->traceback.empty() ? Value::none() : Value(new Instance(t.traceback));
    }
    if (n == "exceptions" && !e->exceptions.is_null()) return e->exceptions;
    if (n == "message" && !e->message.is_null()) return e->message;
    if (n == "code" && ty->is_subtype(v.exc_type("SystemExit"))) {
      auto& a = e->args.as<Tuple>()->items;
      return a.empty() ? Value::none() : a.size() == 1 ? a[0] : e->args;
    }
    if (n == "value" && ty->is_subtype(v.exc_type("StopIteration"))) {
      auto& a = e->args.as<Tuple>()->items;
      return a.empty() ? Value::none() : a[0];
    }
  }
  if (ty == t.function) {
    auto* f = obj.as<Function>();
    if (n == "__name__") return f->name;
    if (n == "__qualname__") return f->qualname;
    if (n == "__doc__") return f->doc.is_null() ? Value::none() : f->doc;
    if (n == "__module__") return v.str("__main__");
    if (n == "__defaults__") return f->defaults.is_null() ? Value::none() : f->defaults;
    if (n == "__kwdefaults__") return f->kwdefaults.is_null() ? Value::none() : f->kwdefaults;
    if (n == "__closure__") return f->closure.is_null() ? Value::none() : f->closure;
    if (n == "__code__") return f->code;
    if (n == "__dict__") {
      if (f->dict.is_null()) f->dict = make_dict();
      return f->dict;
    }
  }
  if (ty == t.builtin && n == "__name__") return v.str(obj.as<Builtin>()->name);
  if (ty == t.cell && n == "cell_contents") {
    Value c = obj.as<Cell>()->value;
    if (c.is_null()) raise("ValueError", "Cell is empty");
    return c;
  }
  if (ty == t.code && n == "co_name") return v.str(obj.as<Code>()->name);
  if (ty == t.type) {
    auto* c = obj.as<Type>();
    if (n == "__name__" || n == "__qualname__") return v.str(c->name);
    if (n == "__module__") return v.str(c->module);
    if (n == "__base__") return c->base() ? Value(c->base()) : Value::none();
    if (n == "__bases__") return make_tuple(c->base() ? std::vector<Value>{Value(c->base())} : std::vector<Value>{});
    if (n == "__mro__") {
      std::vector<Value> m;
      for (Type* x : c->mro) m.push_back(Value(x));
      return make_tuple(std::move(m));
    }
    if (n == "__dict__") return c->dict;
    if (n == "__doc__") return Value::none();
  }
  if (ty == t.method) {
    auto* m = obj.as<BoundMethod>();
    if (n == "__self__") return m->self;
    if (n == "__func__") return m->func;
    if (n == "__name__") return get_attr(m->func, v.intern("__name__"));
  }
  if (dynamic_cast<Generator*>(obj.obj())) {  // async generators too
    if (n == "__name__") return obj.as<Generator>()->name;
    if (n == "__qualname__") return obj.as<Generator>()->qualname;
  }
  if (ty == t.slice) {
    auto* s = obj.as<Slice>();
    if (n == "start") return s->start;
    if (n == "stop") return s->stop;
    if (n == "step") return s->step;
  }
  if (ty == t.range) {
    auto* r = obj.as<Range>();
    if (n == "start") return Value::integer(r->start);
    if (n == "stop") return Value::integer(r->stop);
    if (n == "step") return Value::integer(r->step);
  }
  if (ty == t.property) {
    auto* p = obj.as<Property>();
    if (n == "fget") return p->fget.is_null() ? Value::none() : p->fget;
    if (n == "fset") return p->fset.is_null() ? Value::none() : p->fset;
    if (n == "__doc__") return p->doc.is_null() ? Value::none() : p->doc;
  }
  if (ty == t.staticmethod || ty == t.classmethod) {
    if (n == "__func__") return obj.as<MethodWrapper>()->func;
  }
  if (ty == t.module && n == "__dict__") return obj.as<Module>()->dict;
  if (n == "__dict__") {
    if (auto* i = dynamic_cast<Instance*>(o)) {
      vm().methods_shadowed = true;
      return Value(i->ensure_dict());
    }
  }
  return Value();
}

bool has_attr_storage(const Type* ty) { return ty->is_heap || ty->layout == Layout::Exception; }

// The object's own attribute `name` (an instance's, a function's), or null.
Value* instance_attr(const Value& obj, Str* name) {
  if (!obj.is_obj()) return nullptr;
  Type* ty = obj.obj()->type;
  if (has_attr_storage(ty)) return static_cast<Instance*>(obj.obj())->find_attr(name);
  if (ty == vm().t.function) {
    auto* f = obj.as<Function>();
    return f->dict.is_null() ? nullptr : f->dict.as<DictObj>()->table.find_str(name);
  }
  return nullptr;
}

// The object's attribute dict for deleting from it (materialised), or null if it has none.
DictObj* attr_dict_for_del(const Value& obj) {
  Type* ty = obj.obj()->type;
  if (has_attr_storage(ty)) {
    auto* i = static_cast<Instance*>(obj.obj());
    return i->dict.is_null() && i->nvalues == 0 ? nullptr : i->ensure_dict();
  }
  if (ty == vm().t.function) {
    auto* f = obj.as<Function>();
    return f->dict.is_null() ? nullptr : f->dict.as<DictObj>();
  }
  return nullptr;
}

// CPython gives instances a __dict__ unless every class from `ty` up to the first built-in
// one declares __slots__ without "__dict__" (BaseException's instances always have one).
bool has_instance_dict(const Type* ty, Str* slots_key) {
  for (const Type* m : ty->mro) {
    if (!m->is_heap) return m->layout == Layout::Exception;
    const Value* slots = m->d()->table.find_str(slots_key);
    if (!slots) return true;
    for (const Value& s : is_str(*slots) ? std::vector<Value>{*slots} : to_vector(*slots)) {
      if (is_str(s) && str_view(s) == "__dict__") return true;
    }
  }
  return false;
}

// Whether an instance of `ty` refuses to store `name`: without a __dict__ only the names
// in the __slots__ along the MRO (mangled like `self.__x`) can be stored.
bool slots_forbid(Type* ty, Str* name) {
  using D = Type::InstanceDict;
  if (ty->instance_dict == D::Yes) return false;
  Str* key = vm().intern("__slots__");
  if (ty->instance_dict == D::Unknown) {
    ty->instance_dict = has_instance_dict(ty, key) ? D::Yes : D::No;
  }
  if (ty->instance_dict == D::Yes) return false;
  for (const Type* m : ty->mro) {
    const Value* slots = m->is_heap ? m->d()->table.find_str(key) : nullptr;
    if (!slots) continue;
    size_t stem = m->name.find_first_not_of('_');
    for (const Value& s : is_str(*slots) ? std::vector<Value>{*slots} : to_vector(*slots)) {
      std::string_view n = is_str(s) ? str_view(s) : std::string_view();
      if (n == name->s) return false;
      if (stem != std::string::npos && n.starts_with("__") && !n.ends_with("__") &&
          name->s == "_" + m->name.substr(stem) + std::string(n)) {
        return false;
      }
    }
  }
  return true;
}

Value type_attr(Type* cls, Str* name) {
  Value a = cls->lookup(name);
  if (!a.is_null()) return bind_descriptor(a, Value(), cls);
  Value s = special_attr(Value(cls), name->s);
  if (!s.is_null()) return s;
  attribute_error("type object '" + cls->name + "' has no attribute '" + name->s + "'");
}

// super(): the attribute from the classes after `start` in the MRO of the instance.
Value super_attr(Super* s, Str* name) {
  const CoreTypes& t = vm().t;
  auto* as_type = s->obj.if_type<Type>(t.type);
  Type* owner = as_type && as_type->is_subtype(s->start) ? as_type : s->obj.type();
  bool after = false;
  for (Type* m : owner->mro) {
    if (after) {
      if (Value* a = m->d()->table.find_str(name)) {
        return bind_descriptor(*a, owner == as_type ? Value() : s->obj, owner);
      }
    }
    if (m == s->start) after = true;
  }
  return Value();
}

}  // namespace

Value get_attr_opt(const Value& obj, Str* name) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  if (auto* s = obj.if_type<Super>(t.super)) {
    Value r = super_attr(s, name);
    if (!r.is_null()) return r;
    return special_attr(obj, name->s);
  }
  if (auto* m = obj.if_type<Module>(t.module)) {
    if (Value* r = m->d()->table.find_str(name)) return *r;
    return special_attr(obj, name->s);
  }
  if (auto* cls = obj.if_type<Type>(t.type)) {
    Value a = cls->lookup(name);
    if (!a.is_null()) return bind_descriptor(a, Value(), cls);
    return special_attr(obj, name->s);
  }
  Type* ty = obj.type();
  Value a = ty->lookup(name);
  if (!a.is_null() && a.if_type<Property>(t.property)) return bind_descriptor(a, obj, ty);
  if (Value* r = instance_attr(obj, name)) return *r;
  if (!a.is_null()) return bind_descriptor(a, obj, ty);
  Value s = special_attr(obj, name->s);
  if (!s.is_null()) return s;
  if (ty->is_heap) {
    Value ga = ty->lookup(v.names.getattr);
    if (!ga.is_null()) {
      try {
        return v.call1(bind_descriptor(ga, obj, ty), Value(name));
      } catch (PyException& e) {
        if (exc_matches(e.exc, "AttributeError")) return Value();
        throw;
      }
    }
  }
  return Value();
}

Value get_attr(const Value& obj, Str* name) {
  Value r = get_attr_opt(obj, name);
  if (!r.is_null()) return r;
  const CoreTypes& t = vm().t;
  if (auto* m = obj.if_type<Module>(t.module)) {
    attribute_error("module '" + m->name + "' has no attribute '" + name->s + "'");
  }
  if (auto* cls = obj.if_type<Type>(t.type)) return type_attr(cls, name);
  if (obj.if_type<Super>(t.super)) {
    attribute_error("'super' object has no attribute '" + name->s + "'");
  }
  if (obj.type()->is_heap) {
    Value ga = obj.type()->lookup(vm().names.getattr);
    if (!ga.is_null()) return vm().call1(bind_descriptor(ga, obj, obj.type()), Value(name));
  }
  attribute_error(std::string("'") + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

Value get_method(const Value& obj, Str* name, bool& is_method) {
  is_method = false;
  if (obj.is_obj()) {
    Type* ty = obj.obj()->type;
    const CoreTypes& t = vm().t;
    if (ty != t.type && ty != t.module && ty != t.super) {
      Value a = ty->lookup(name);
      if (!a.is_null() && (a.if_type<Function>(t.function) || a.if_type<Builtin>(t.builtin))) {
        if (!vm().methods_shadowed || !instance_attr(obj, name)) {
          is_method = true;
          return a;
        }
      }
    }
  } else {
    Value a = obj.type()->lookup(name);
    if (!a.is_null() && a.if_type<Builtin>(vm().t.builtin)) {
      is_method = true;
      return a;
    }
  }
  return get_attr(obj, name);
}

void set_attr(const Value& obj, Str* name, Value v) {
  VM& vmr = vm();
  const CoreTypes& t = vmr.t;
  if (!obj.is_obj()) {
    attribute_error(std::string("'") + type_name(obj) + "' object has no attribute '" + name->s + "'");
  }
  Type* ty = obj.obj()->type;
  if (ty == t.module) {
    obj.as<Module>()->d()->table.set(Value(name), std::move(v));
    return;
  }
  if (ty == t.type) {
    auto* cls = obj.as<Type>();
    if (!cls->is_heap) {
      type_error("cannot set '" + name->s + "' attribute of immutable type '" + cls->name + "'");
    }
    cls->d()->table.set(Value(name), std::move(v));
    vmr.methods_shadowed = true;
    if (name->s == "__del__") cls->has_del = true;
    return;
  }
  if (ty == t.function) {
    auto* f = obj.as<Function>();
    if (name->s == "__doc__") {
      f->doc = std::move(v);
      return;
    }
    if (name->s == "__name__" || name->s == "__qualname__") {
      if (!is_str(v)) type_error(name->s + " must be set to a string object");
      (name->s == "__name__" ? f->name : f->qualname) = std::move(v);
      return;
    }
    if (f->dict.is_null()) f->dict = make_dict();
    vmr.methods_shadowed = true;
    f->dict.as<DictObj>()->table.set(Value(name), std::move(v));
    return;
  }
  if (ty->layout == Layout::Exception) {
    auto* e = obj.as<ExcObj>();
    if (name->s == "__cause__") {
      e->cause = v.is_none() ? Value() : v;
      e->suppress_context = true;
      return;
    }
    if (name->s == "__context__") {
      e->context = v.is_none() ? Value() : v;
      return;
    }
    if (name->s == "__suppress_context__") {
      e->suppress_context = truthy(v);
      return;
    }
    if (name->s == "args") {
      e->args = make_tuple(to_vector(v));
      return;
    }
  }
  if (!ty->is_heap && ty->layout != Layout::Exception) {
    attribute_error(std::string("'") + ty->name + "' object has no attribute '" + name->s + "'");
  }
  Value a = ty->lookup(name);
  if (a.if_type<Function>(t.function) || a.if_type<Builtin>(t.builtin)) vmr.methods_shadowed = true;
  if (auto* p = a.if_type<Property>(t.property)) {
    if (p->fset.is_null()) {
      attribute_error("property '" + name->s + "' of '" + ty->name + "' object has no setter");
    }
    vmr.call2(p->fset, obj, std::move(v));
    return;
  }
  if (ty->instance_dict != Type::InstanceDict::Yes && slots_forbid(ty, name)) {
    attribute_error("'" + ty->name + "' object " +
                    (a.is_null() ? "has no attribute '" + name->s + "'"
                                 : "attribute '" + name->s + "' is read-only"));
  }
  static_cast<Instance*>(obj.obj())->store_attr(name, std::move(v));
}

void del_attr(const Value& obj, Str* name) {
  const CoreTypes& t = vm().t;
  if (obj.is_obj()) {
    Type* ty = obj.obj()->type;
    Value a = ty->lookup(name);
    if (auto* p = a.if_type<Property>(t.property)) {
      if (p->fdel.is_null()) {
        attribute_error("property '" + name->s + "' of '" + ty->name + "' object has no deleter");
      }
      vm().call1(p->fdel, obj);
      return;
    }
    DictObj* d = nullptr;
    if (ty == t.module) d = obj.as<Module>()->d();
    if (ty == t.type && obj.as<Type>()->is_heap) {
      d = obj.as<Type>()->d();
      vm().methods_shadowed = true;
    }
    if (!d) d = attr_dict_for_del(obj);
    if (d && !d->table.erase(Value(name)).is_null()) return;
  }
  attribute_error(std::string("'") + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

// [SECTION] Inline caches ---------------------------------------------------------------------

namespace {

void refill(AttrCache& c, Type* ty, Str* name) {
  // For interned names lookup_slot watches the MRO's dicts when it first resolves one.
  if (!name->interned) {
    for (Type* m : ty->mro) m->d()->table.watch();
  }
  c.type_serial = ty->serial;
  c.epoch = class_epoch();
  c.class_slot = ty->lookup_slot(name);
}

bool cache_valid(const AttrCache& c, const Type* ty) {
  return c.type_serial == ty->serial && c.epoch == class_epoch();
}

// `name` in an instance or module dict: the cached entry number first, then a probe
// that updates it.
Value* dict_lookup(DictObj* d, Str* name, AttrCache& c) {
  if (Value* r = d->table.hinted(c.dict_index, name)) return r;
  int64_t i = d->table.find_str_index(name);
  if (i < 0) return nullptr;
  c.dict_index = static_cast<size_t>(i);
  return &d->table.entries()[c.dict_index].value;
}

// `name` among an instance's inline values: the cached position first (the shared keys
// only grow, so position i names the same key for every instance of the type).
Value* inline_lookup(Instance* inst, const Type* ty, Str* name, AttrCache& c) {
  size_t i = c.dict_index;
  if (i < inst->nvalues && ty->shared_keys[i] == name) return &inst->values[i];
  int64_t j = inst->inline_index(name);
  if (j < 0) return nullptr;
  c.dict_index = static_cast<size_t>(j);
  return &inst->values[j];
}

}  // namespace

Value load_attr_cached(const Value& obj, Str* name, AttrCache& c) {
  if (!obj.is_obj()) return get_attr(obj, name);
  Type* ty = obj.obj()->type;
  if (!ty->is_heap) {
    if (ty != vm().t.module) return get_attr(obj, name);
    if (Value* r = dict_lookup(obj.as<Module>()->d(), name, c)) return *r;
    return get_attr(obj, name);
  }
  if (!cache_valid(c, ty)) refill(c, ty, name);
  if (c.class_slot && c.class_slot->if_type<Property>(vm().t.property)) {
    Value prop = *c.class_slot;  // the getter may change the class
    return bind_descriptor(prop, obj, ty);
  }
  auto* inst = static_cast<Instance*>(obj.obj());
  if (inst->dict.is_null()) {
    if (Value* r = inline_lookup(inst, ty, name, c)) return *r;
  } else if (Value* r = dict_lookup(inst->dict.as<DictObj>(), name, c)) {
    return *r;
  }
  if (c.class_slot) return bind_descriptor(*c.class_slot, obj, ty);
  return get_attr(obj, name);
}

// set_attr's outcome for a plain instance attribute (no property or method of the name,
// no __slots__ refusing it) depends on the classes only, so the cache decides it once.
void store_attr_cached(const Value& obj, Str* name, Value v, AttrCache& c) {
  Type* ty = obj.is_obj() ? obj.obj()->type : nullptr;
  if (!ty || !ty->is_heap || ty->layout != Layout::Object) {
    set_attr(obj, name, std::move(v));
    return;
  }
  if (!cache_valid(c, ty)) {
    c.type_serial = 0;  // stays invalid if slots_forbid raises
    bool forbid = slots_forbid(ty, name);
    refill(c, ty, name);
    const CoreTypes& t = vm().t;
    const Value* a = c.class_slot;
    c.plain_store = !forbid && !(a && (a->if_type<Property>(t.property) ||
                                       a->if_type<Function>(t.function) || a->if_type<Builtin>(t.builtin)));
  }
  auto* inst = static_cast<Instance*>(obj.obj());
  if (!c.plain_store) {
    set_attr(obj, name, std::move(v));
    return;
  }
  if (inst->dict.is_null()) {
    if (Value* r = inline_lookup(inst, ty, name, c)) {
      *r = std::move(v);
      return;
    }
    inst->store_attr(name, std::move(v));
    if (inst->dict.is_null()) c.dict_index = inst->nvalues - 1;  // appended
    return;
  }
  DictTable& table = inst->dict.as<DictObj>()->table;
  if (Value* r = table.hinted(c.dict_index, name)) {
    *r = std::move(v);
    return;
  }
  table.set(Value(name), std::move(v));
  size_t last = table.entries().size() - 1;
  if (table.hinted(last, name)) {
    c.dict_index = last;
  } else if (int64_t i = table.find_str_index(name); i >= 0) {
    c.dict_index = static_cast<size_t>(i);
  }
}

Value load_method_cached(const Value& obj, Str* name, bool& is_method, AttrCache& c) {
  Type* ty = obj.is_obj() ? obj.obj()->type : obj.type();
  VM& v = vm();
  const CoreTypes& t = v.t;
  if (ty == t.type || ty == t.super) return get_method(obj, name, is_method);
  is_method = false;
  if (ty == t.module) return load_attr_cached(obj, name, c);
  if (!cache_valid(c, ty)) refill(c, ty, name);
  const Value* a = c.class_slot;
  if (a && (a->if_type<Function>(t.function) || a->if_type<Builtin>(t.builtin))) {
    if (!v.methods_shadowed || !instance_attr(obj, name)) {
      is_method = true;
      return *a;
    }
  }
  return load_attr_cached(obj, name, c);
}

Value lookup_special(const Value& obj, std::string_view name) {
  Type* ty = obj.type();
  Value a = ty->lookup(name);
  if (a.is_null()) return a;
  return bind_descriptor(a, obj, ty);
}

Value call_method(const Value& obj, std::string_view name, std::vector<Value> args) {
  Value m = get_attr(obj, vm().intern(name));
  return vm().call(m, args.data(), args.size());
}

// [SECTION] Indexing ------------------------------------------------------------------------------

size_t seq_index(const Value& key, size_t len, const char* what) {
  int64_t i = key.as_int();
  if (i < 0) i += static_cast<int64_t>(len);
  if (i < 0 || i >= static_cast<int64_t>(len)) index_error(what);
  return static_cast<size_t>(i);
}

int64_t slice_indices(const Slice* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step) {
  auto idx = [](const Value& v) -> int64_t {
    if (v.is_intlike()) return v.as_int();
    type_error("slice indices must be integers or None or have an __index__ method");
  };
  step = s->step.is_none() ? 1 : idx(s->step);
  if (step == 0) value_error("slice step cannot be zero");
  int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
  auto adjust = [&](const Value& v, int64_t dflt) {
    if (v.is_none()) return dflt;
    int64_t x = idx(v);
    if (x < 0) {
      x += len;
      if (x < lo) x = lo;
    } else if (x > hi) {
      x = hi;
    }
    return x;
  };
  start = adjust(s->start, step < 0 ? hi : lo);
  stop = adjust(s->stop, step < 0 ? lo : hi);
  if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

namespace {

std::vector<Value> slice_items(const std::vector<Value>& items, const Slice* s) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, static_cast<int64_t>(items.size()), start, stop, step);
  std::vector<Value> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0, j = start; i < n; ++i, j += step) out.push_back(items[static_cast<size_t>(j)]);
  return out;
}

// Byte offset of code point `i` in a str.
size_t cp_offset(const Str* s, size_t i) {
  if (s->ascii) return i;
  return support::utf8::prefix(s->s, i).size();
}

Value str_subscript(Str* s, const Value& key) {
  const CoreTypes& t = vm().t;
  if (key.is_intlike()) {
    size_t i = seq_index(key, s->ncp, "string index out of range");
    size_t a = cp_offset(s, i);
    size_t b = s->ascii ? a + 1 : cp_offset(s, i + 1);
    return make_str(s->s.substr(a, b - a));
  }
  if (auto* sl = key.if_type<Slice>(t.slice)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(sl, static_cast<int64_t>(s->ncp), start, stop, step);
    if (step == 1 && n > 0) {
      size_t a = cp_offset(s, static_cast<size_t>(start));
      size_t b = cp_offset(s, static_cast<size_t>(start + n));
      return make_str(s->s.substr(a, b - a));
    }
    std::string out;
    for (int64_t k = 0, j = start; k < n; ++k, j += step) {
      size_t a = cp_offset(s, static_cast<size_t>(j));
      size_t b = cp_offset(s, static_cast<size_t>(j + 1));
      out += s->s.substr(a, b - a);
    }
    return make_str(std::move(out));
  }
  type_error(std::string("string indices must be integers, not '") + type_name(key) + "'");
}

}  // namespace

Value get_item(const Value& obj, const Value& key) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  Type* ty = obj.type();
  if (ty == t.list || ty == t.tuple) {
    bool is_list = ty == t.list;
    auto& items = is_list ? obj.as<List>()->items : obj.as<Tuple>()->items;
    if (key.is_intlike()) {
      return items[seq_index(key, items.size(), is_list ? "list index out of range" : "tuple index out of range")];
    }
    if (auto* s = key.if_type<Slice>(t.slice)) {
      auto out = slice_items(items, s);
      return is_list ? make_list(std::move(out)) : make_tuple(std::move(out));
    }
    type_error(ty->name + " indices must be integers or slices, not " + type_name(key));
  }
  if (ty == t.str) return str_subscript(obj.as<Str>(), key);
  if (ty == t.dict) {
    if (Value* r = obj.as<DictObj>()->table.find(key)) return *r;
    key_error(key);
  }
  if (ty == t.range) {
    auto* r = obj.as<Range>();
    if (key.is_intlike()) {
      size_t i = seq_index(key, static_cast<size_t>(r->length()), "range object index out of range");
      return Value::integer(r->start + static_cast<int64_t>(i) * r->step);
    }
    if (auto* s = key.if_type<Slice>(t.slice)) {
      int64_t start, stop, step;
      int64_t n = slice_indices(s, r->length(), start, stop, step);
      int64_t first = r->start + start * r->step;
      return Value(new Range(first, first + n * step * r->step, step * r->step));
    }
    type_error(std::string("range indices must be integers or slices, not ") + type_name(key));
  }
  if (ty->is_heap) {
    Value f = ty->lookup("__getitem__");
    if (!f.is_null()) return v.call1(bind_descriptor(f, obj, ty), key);
  }
  if (ty == t.type) {
    if (obj.as<Type>()->is_heap) {
      Value f = obj.as<Type>()->lookup("__class_getitem__");
      if (!f.is_null()) return v.call1(bind_descriptor(f, Value(), obj.as<Type>()), key);
    }
    return obj;  // list[int] and friends: annotations only
  }
  type_error(std::string("'") + ty->name + "' object is not subscriptable");
}

void set_item(const Value& obj, const Value& key, Value val) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  Type* ty = obj.type();
  if (ty == t.list) {
    auto& items = obj.as<List>()->items;
    if (key.is_intlike()) {
      items[seq_index(key, items.size(), "list assignment index out of range")] = std::move(val);
      return;
    }
    if (auto* s = key.if_type<Slice>(t.slice)) {
      int64_t start, stop, step;
      int64_t n = slice_indices(s, static_cast<int64_t>(items.size()), start, stop, step);
      std::vector<Value> src = to_vector(val);
      if (step == 1) {
        if (stop < start) stop = start;
        items.erase(items.begin() + start, items.begin() + stop);
        items.insert(items.begin() + start, src.begin(), src.end());
        return;
      }
      if (static_cast<int64_t>(src.size()) != n) {
        value_error("attempt to assign sequence of size " + std::to_string(src.size()) +
                    " to extended slice of size " + std::to_string(n));
      }
      for (int64_t i = 0, j = start; i < n; ++i, j += step) items[static_cast<size_t>(j)] = src[static_cast<size_t>(i)];
      return;
    }
    type_error(std::string("list indices must be integers or slices, not ") + type_name(key));
  }
  if (ty == t.dict) {
    obj.as<DictObj>()->table.set(key, std::move(val));
    return;
  }
  if (ty->is_heap) {
    Value f = ty->lookup("__setitem__");
    if (!f.is_null()) {
      v.call2(bind_descriptor(f, obj, ty), key, std::move(val));
      return;
    }
  }
  type_error(std::string("'") + ty->name + "' object does not support item assignment");
}

void del_item(const Value& obj, const Value& key) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  Type* ty = obj.type();
  if (ty == t.list) {
    auto& items = obj.as<List>()->items;
    if (key.is_intlike()) {
      items.erase(items.begin() + static_cast<int64_t>(seq_index(key, items.size(), "list assignment index out of range")));
      return;
    }
    if (auto* s = key.if_type<Slice>(t.slice)) {
      int64_t start, stop, step;
      int64_t n = slice_indices(s, static_cast<int64_t>(items.size()), start, stop, step);
      std::vector<bool> drop(items.size(), false);
      for (int64_t i = 0, j = start; i < n; ++i, j += step) drop[static_cast<size_t>(j)] = true;
      std::vector<Value> keep;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!drop[i]) keep.push_back(std::move(items[i]));
      }
      items = std::move(keep);
      return;
    }
  }
  if (ty == t.dict) {
    if (obj.as<DictObj>()->table.erase(key).is_null()) key_error(key);
    return;
  }
  if (ty->is_heap) {
    Value f = ty->lookup("__delitem__");
    if (!f.is_null()) {
      v.call1(bind_descriptor(f, obj, ty), key);
      return;
    }
  }
  type_error(std::string("'") + ty->name + "' object doesn't support item deletion");
}

}  // namespace looplab::lang
