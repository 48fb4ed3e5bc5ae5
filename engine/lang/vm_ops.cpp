#include "engine/lang/vm_ops.hpp"

#include "engine/lang/call.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

// [SECTION] Names -------------------------------------------------------------------------------

void unbound_local(Frame* f, uint32_t slot) {
  const std::string& n = f->code->varnames[slot].as<Str>()->s;
  raise("UnboundLocalError",
        "cannot access local variable '" + n + "' where it is not associated with a value");
}

void unbound_deref(Frame* f, uint32_t slot) {
  size_t i = slot - static_cast<size_t>(f->code->nlocals());
  Code* c = f->code;
  if (i < c->cellnames.size()) {
    const std::string& n = c->cellnames[i].as<Str>()->s;
    raise("UnboundLocalError",
          "cannot access local variable '" + n + "' where it is not associated with a value");
  }
  const std::string& n = c->freenames[i - c->cellnames.size()].as<Str>()->s;
  raise("NameError", "cannot access free variable '" + n +
                         "' where it is not associated with a value in enclosing scope");
}

void name_error(Str* name) { raise("NameError", "name '" + name->s + "' is not defined"); }

void find_global(Frame* f, Str* name, Code::GlobalCache& gc) {
  DictTable& builtins = vm().builtins_dict()->table;
  Value* v = f->globals->table.find_str(name);
  if (!v) v = builtins.find_str(name);
  if (!v) name_error(name);
  gc = Code::GlobalCache{f->globals, f->globals->table.version(), builtins.version(), v};
}

Value load_name(Frame* f, Str* name) {
  if (Value* v = f->locals.as<DictObj>()->table.find_str(name)) return *v;
  if (Value* v = f->globals->table.find_str(name)) return *v;
  if (Value* v = vm().builtins_dict()->table.find_str(name)) return *v;
  name_error(name);
}

Value load_classderef(Frame* f, uint32_t slot) {
  size_t i = slot - static_cast<size_t>(f->code->nlocals());
  Code* c = f->code;
  Str* name = i < c->cellnames.size() ? c->cellnames[i].as<Str>()
                                      : c->freenames[i - c->cellnames.size()].as<Str>();
  if (Value* v = f->locals.as<DictObj>()->table.find_str(name)) return *v;
  Cell* cell = f->slots[slot].as<Cell>();
  if (cell->value.is_null()) unbound_deref(f, slot);
  return cell->value;
}

void push_block(Frame* f, BlockKind kind, uint32_t handler, uint32_t level) {
  if (f->nblocks >= f->block_capacity) raise("SystemError", "too many statically nested blocks");
  Block& b = f->blocks[f->nblocks++];
  b.kind = kind;
  b.handler = handler;
  b.level = level;
  b.saved = Value();
}

// [SECTION] Containers --------------------------------------------------------------------------

Value subscript(const Value& container, const Value& key) {
  VM& v = vm();
  if (key.is_int()) {
    if (auto* l = container.if_type<List>(v.t.list)) {
      return l->items[seq_index(key, l->items.size(), "list index out of range")];
    }
    if (auto* t = container.if_type<Tuple>(v.t.tuple)) {
      return t->items[seq_index(key, t->items.size(), "tuple index out of range")];
    }
  }
  if (auto* d = container.if_type<DictObj>(v.t.dict)) {
    if (Value* r = d->table.find(key)) return *r;
  }
  return get_item(container, key);
}

Value fast_next(const Value& it) {
  VM& v = vm();
  if (auto* s = it.if_type<SeqIter>(v.t.list_iter)) return s->next_list_item();
  if (auto* s = it.if_type<SeqIter>(v.t.range_iter)) return s->next_range_item();
  return iter_next(it);
}

Value build_set(Value* items, uint32_t n) {
  auto* s = new SetObj(false);
  Value out(s);
  for (uint32_t i = 0; i < n; ++i) s->table.add(std::move(items[i]));
  return out;
}

Value build_map(Value* items, uint32_t n) {
  auto* d = new DictObj();
  Value out(d);
  for (uint32_t i = 0; i < n; ++i) {
    d->table.set(std::move(items[2 * i]), std::move(items[2 * i + 1]));
  }
  return out;
}

Value build_string(Value* items, uint32_t n) {
  std::string out;
  for (uint32_t i = 0; i < n; ++i) {
    out += items[i].as<Str>()->s;
    items[i] = Value();
  }
  return make_str(std::move(out));
}

namespace {

// CPython's _PyObject_FunctionStr: how call errors name the callable.
std::string function_str(const Value& f) {
  VM& v = vm();
  if (auto* b = f.if_type<Builtin>(v.t.builtin)) return b->name + "()";
  if (auto* m = f.if_type<BoundMethod>(v.t.method)) return function_str(m->func);
  Value qualname = get_attr_opt(f, v.intern("__qualname__"));
  if (!is_str(qualname)) return to_str(f);
  Value module = get_attr_opt(f, v.intern("__module__"));
  std::string out = to_str(qualname) + "()";
  if (!is_str(module) || to_str(module) == "builtins") return out;
  return to_str(module) + "." + out;
}

// The iterator over a `*` operand; a non-iterable gets CPython's "after *" wording.
Value star_iter(const Value& v, const Value* callable) {
  try {
    return get_iter(v);
  } catch (PyException& e) {
    if (!exc_matches(e.exc, "TypeError") || !v.type()->lookup("__iter__").is_null()) throw;
  }
  std::string what = callable ? function_str(*callable) + " argument" : "Value";
  type_error(what + " after * must be an iterable, not " + type_name(v));
}

}  // namespace

void extend_container(Op op, Value& container, const Value& v, const Value* callable) {
  VM& vmr = vm();
  switch (op) {
    case Op::LIST_EXTEND: {
      auto items = to_vector(star_iter(v, callable));
      auto& dst = container.as<List>()->items;
      for (auto& x : items) dst.push_back(std::move(x));
      return;
    }
    case Op::SET_UPDATE: {
      auto items = to_vector(v);
      for (auto& x : items) container.as<SetObj>()->table.add(std::move(x));
      return;
    }
    default: {
      auto* dst = container.as<DictObj>();
      auto* src = v.if_type<DictObj>(vmr.t.dict);
      if (!src) {
        std::string tn = type_name(v);
        if (op == Op::DICT_MERGE) {
          type_error(function_str(*callable) + " argument after ** must be a mapping, not " + tn);
        }
        type_error("'" + tn + "' object is not a mapping");
      }
      for (const auto& e : src->table.entries()) {
        if (e.key.is_null()) continue;
        if (op == Op::DICT_MERGE && dst->table.find(e.key)) {
          type_error(function_str(*callable) + " got multiple values for keyword argument '" +
                     to_str(e.key) + "'");
        }
        dst->table.set(e.key, e.value, e.hash);
      }
      return;
    }
  }
}

void unpack_sequence(const Value& seq, uint32_t n, Value* dest) {
  VM& v = vm();
  const std::vector<Value>* items = nullptr;
  std::vector<Value> tmp;
  if (auto* t = seq.if_type<Tuple>(v.t.tuple)) {
    items = &t->items;
  } else if (auto* l = seq.if_type<List>(v.t.list)) {
    items = &l->items;
  } else {
    Value it = get_iter(seq);
    for (;;) {
      Value x = iter_next(it);
      if (x.is_null()) break;
      tmp.push_back(std::move(x));
      if (tmp.size() > n) {
        value_error("too many values to unpack (expected " + std::to_string(n) + ")");
      }
    }
    items = &tmp;
  }
  if (items->size() > n) {
    value_error("too many values to unpack (expected " + std::to_string(n) + ")");
  }
  if (items->size() < n) {
    value_error("not enough values to unpack (expected " + std::to_string(n) + ", got " +
                std::to_string(items->size()) + ")");
  }
  for (uint32_t i = 0; i < n; ++i) dest[n - 1 - i] = (*items)[i];
}

uint32_t unpack_ex(const Value& seq, uint32_t before, uint32_t after, Value* dest) {
  std::vector<Value> items = to_vector(seq);
  if (items.size() < before + after) {
    value_error("not enough values to unpack (expected at least " +
                std::to_string(before + after) + ", got " + std::to_string(items.size()) + ")");
  }
  uint32_t total = before + after + 1;
  std::vector<Value> out;
  for (uint32_t i = 0; i < before; ++i) out.push_back(items[i]);
  std::vector<Value> middle(items.begin() + before, items.end() - after);
  out.push_back(make_list(std::move(middle)));
  for (size_t i = items.size() - after; i < items.size(); ++i) out.push_back(items[i]);
  for (uint32_t i = 0; i < total; ++i) dest[total - 1 - i] = std::move(out[i]);
  return total;
}

Value format_field(const Value& v, uint32_t conversion, const Value& spec) {
  Value x = v;
  if (conversion == 1) x = str_value(v);
  if (conversion == 2) x = repr_value(v);
  if (conversion == 3) x = make_str(ascii_repr(v));
  std::string_view sp = spec.is_null() ? std::string_view() : str_view(spec);
  if (sp.empty() && is_str(x)) return x;
  return make_str(format_value(x, sp));
}

// [SECTION] Functions ---------------------------------------------------------------------------

Value make_function(Frame* f, uint32_t flags, Value*& sp) {
  Value code = std::move(*--sp);
  Value closure = (flags & 4) ? std::move(*--sp) : Value();
  Value kwdefaults = (flags & 2) ? std::move(*--sp) : Value();
  Value defaults = (flags & 1) ? std::move(*--sp) : Value();
  auto* c = code.as<Code>();
  auto* fn = new Function(c, f->globals);
  Value out(fn);
  fn->closure = std::move(closure);
  fn->kwdefaults = std::move(kwdefaults);
  fn->defaults = std::move(defaults);
  fn->name = vm().str(c->name);
  fn->qualname = vm().str(c->qualname);
  if (c->flags & kHasDocstring) fn->doc = c->consts[0];
  return out;
}

// [SECTION] Exceptions --------------------------------------------------------------------------

bool exception_matches(const Value& exc, const Value& type_or_tuple) {
  VM& v = vm();
  if (auto* t = type_or_tuple.if_type<Tuple>(v.t.tuple)) {
    for (const auto& x : t->items) {
      if (exception_matches(exc, x)) return true;
    }
    return false;
  }
  auto* type = type_or_tuple.if_type<Type>(v.t.type);
  if (!type || !type->is_subtype(v.hot_exc.base_exception)) {
    type_error("catching classes that do not inherit from BaseException is not allowed");
  }
  return exc.type()->is_subtype(type);
}

Value prepare_raise(Value exc, Value cause, bool has_cause, bool& reraise) {
  VM& v = vm();
  Type* base = v.hot_exc.base_exception;
  reraise = false;
  if (exc.is_null()) {
    Value h = v.handled_exception();
    if (h.is_null()) raise("RuntimeError", "No active exception to reraise");
    reraise = true;
    return h;
  }
  auto instantiate = [&](Value x, bool is_cause) -> Value {
    if (auto* t = x.if_type<Type>(v.t.type); t && t->is_subtype(base)) return v.call0(x);
    if (x.is_obj() && x.type()->is_subtype(base)) return x;
    if (is_cause && x.is_none()) return x;
    if (is_cause) type_error("exception causes must derive from BaseException");
    type_error("exceptions must derive from BaseException");
  };
  Value e = instantiate(std::move(exc), false);
  if (has_cause) {
    Value c = instantiate(std::move(cause), true);
    auto* eo = e.as<ExcObj>();
    eo->cause = c.is_none() ? Value() : c;
    eo->suppress_context = true;
  }
  return e;
}

Value with_exit_on_error(const Value& exit, const Value& exc) {
  Value tb(new Instance(vm().t.traceback));
  Value args[3] = {Value(exc.type()), exc, tb};
  return vm().call(exit, args, 3);
}

// [SECTION] Imports -----------------------------------------------------------------------------

Value import_from(const Value& module, Str* name) {
  auto* m = module.as<Module>();
  if (Value* v = m->d()->table.find_str(name)) return *v;
  raise("ImportError", "cannot import name '" + name->s + "' from '" + m->name +
                           "' (unknown location)");
}

void import_star(Frame* f, const Value& module) {
  auto* m = module.as<Module>();
  for (const auto& e : m->d()->table.entries()) {
    if (e.key.is_null()) continue;
    if (!e.key.as<Str>()->s.empty() && e.key.as<Str>()->s[0] == '_') continue;
    f->globals->table.set(e.key, e.value, e.hash);
  }
}

// [SECTION] Delegation --------------------------------------------------------------------------

Value send_to_iterator(const Value& it, Value sent, bool& returned) {
  returned = false;
  Value r;
  if (sent.is_none()) {
    r = iter_next(it);
    if (r.is_null()) {
      returned = true;
      return Value::none();
    }
    return r;
  }
  try {
    return call_method(it, "send", {std::move(sent)});
  } catch (PyException& e) {
    if (!exc_matches(e.exc, "StopIteration")) throw;
    returned = true;
    auto* eo = e.exc.as<ExcObj>();
    auto& args = eo->args.as<Tuple>()->items;
    return args.empty() ? Value::none() : args[0];
  }
}

}  // namespace looplab::lang
