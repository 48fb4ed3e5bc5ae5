// The abstract protocol, part 4: length, membership and iteration.
#include "engine/lang/ops.hpp"
#include "engine/lang/support/utf8.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

Value user_method(const Value& obj, const char* name) {
  if (!obj.is_obj() || !obj.obj()->type->is_heap) return Value();
  Value f = obj.obj()->type->lookup(name);
  if (f.is_null() || f.if_type<Builtin>(vm().t.builtin)) return Value();
  return bind_descriptor(f, obj, obj.type());
}

}  // namespace

int64_t length(const Value& v) {
  const CoreTypes& t = vm().t;
  Type* ty = v.type();
  if (ty == t.str) return static_cast<int64_t>(v.as<Str>()->ncp);
  if (ty == t.list) return static_cast<int64_t>(v.as<List>()->items.size());
  if (ty == t.tuple) return static_cast<int64_t>(v.as<Tuple>()->items.size());
  if (ty == t.dict) return static_cast<int64_t>(v.as<DictObj>()->table.size());
  if (ty == t.set || ty == t.frozenset) return static_cast<int64_t>(v.as<SetObj>()->table.size());
  if (ty == t.range) return v.as<Range>()->length();
  if (ty == t.dict_keys || ty == t.dict_values || ty == t.dict_items) {
    return static_cast<int64_t>(v.as<DictView>()->dict.as<DictObj>()->table.size());
  }
  Value f = user_method(v, "__len__");
  if (!f.is_null()) {
    Value r = vm().call0(f);
    if (!r.is_intlike()) {
      type_error(std::string("'") + type_name(r) + "' object cannot be interpreted as an integer");
    }
    if (r.as_int() < 0) value_error("__len__() should return >= 0");
    return r.as_int();
  }
  type_error(std::string("object of type '") + ty->name + "' has no len()");
}

bool contains(const Value& c, const Value& item) {
  const CoreTypes& t = vm().t;
  Type* ty = c.type();
  if (ty == t.str) {
    if (!is_str(item)) {
      type_error(std::string("'in <string>' requires string as left operand, not ") + type_name(item));
    }
    return c.as<Str>()->s.find(item.as<Str>()->s) != std::string::npos;
  }
  if (ty == t.list || ty == t.tuple) {
    auto& items = ty == t.list ? c.as<List>()->items : c.as<Tuple>()->items;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].same(item) || equals(items[i], item)) return true;
    }
    return false;
  }
  if (ty == t.dict || ty == t.dict_keys) {
    DictObj* d = ty == t.dict ? c.as<DictObj>() : c.as<DictView>()->dict.as<DictObj>();
    return d->table.find(item) != nullptr;
  }
  if (ty == t.set || ty == t.frozenset) return c.as<SetObj>()->table.contains(item);
  if (ty == t.range && item.is_intlike()) {
    auto* r = c.as<Range>();
    int64_t x = item.as_int();
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
    return (x - r->start) % r->step == 0;
  }
  Value f = user_method(c, "__contains__");
  if (!f.is_null()) return truthy(vm().call1(f, item));
  bool iterable = ty == t.range || ty == t.dict_values || ty == t.dict_items ||
                  !user_method(c, "__iter__").is_null() || !user_method(c, "__getitem__").is_null() ||
                  ty == t.generator || ty->is_builtin_iterator();
  if (!iterable) {
    type_error(std::string("argument of type '") + ty->name + "' is not iterable");
  }
  Value it = get_iter(c);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return false;
    if (x.same(item) || equals(x, item)) return true;
  }
}

Value get_iter(const Value& v) {
  VM& vmr = vm();
  const CoreTypes& t = vmr.t;
  Type* ty = v.type();
  if (ty == t.list) return Value(new SeqIter(t.list_iter, IterKind::List, v));
  if (ty == t.tuple) return Value(new SeqIter(t.tuple_iter, IterKind::Tuple, v));
  if (ty == t.str) {
    auto* s = v.as<Str>();
    return Value(new SeqIter(s->ncp == s->s.size() ? t.str_ascii_iter : t.str_iter, IterKind::Str, v));
  }
  if (ty == t.range) {
    auto* it = new SeqIter(t.range_iter, IterKind::Range, v);
    it->extra = v.as<Range>()->start;
    return Value(it);
  }
  if (ty == t.dict || ty == t.dict_keys || ty == t.dict_values || ty == t.dict_items) {
    Value d = ty == t.dict ? v : v.as<DictView>()->dict;
    bool values = ty == t.dict_values, items = ty == t.dict_items;
    auto* it = new SeqIter(values ? t.dict_valueiter : items ? t.dict_itemiter : t.dict_keyiter,
                           values ? IterKind::DictValues : items ? IterKind::DictItems : IterKind::DictKeys, d);
    it->extra = static_cast<int64_t>(d.as<DictObj>()->table.size());
    return Value(it);
  }
  if (ty == t.set || ty == t.frozenset) {
    auto* it = new SeqIter(t.set_iter, IterKind::Set, v);
    it->extra = static_cast<int64_t>(v.as<SetObj>()->table.size());
    return Value(it);
  }
  if (ty == t.generator || ty->is_builtin_iterator()) return v;
  Value f = user_method(v, "__iter__");
  if (!f.is_null()) {
    Value it = vmr.call0(f);
    if (!it.is_obj() || (it.type()->lookup("__next__").is_null() && it.type() != t.generator)) {
      type_error(std::string("iter() returned non-iterator of type '") + type_name(it) + "'");
    }
    return it;
  }
  if (Value native = ty->is_heap ? Value() : ty->lookup("__iter__"); !native.is_null()) {
    return vmr.call1(native, v);  // an iterator written in C++ (coroutine_wrapper, FutureIter...)
  }
  if (!user_method(v, "__getitem__").is_null()) {
    auto* it = new NativeIter(t.getitem_iter);  // obj[0], obj[1], ... until IndexError
    it->func = v;
    return Value(it);
  }
  type_error(std::string("'") + ty->name + "' object is not iterable");
}

namespace {

// seq[i] for the iterators over __getitem__; Null once it raises IndexError or StopIteration.
Value item_or_end(const Value& seq, int64_t i) {
  try {
    return get_item(seq, Value::integer(i));
  } catch (PyException& e) {
    if (exc_matches(e.exc, "IndexError") || exc_matches(e.exc, "StopIteration")) return Value();
    throw;
  }
}

Value reversed_getitem_next(SeqIter* s) {
  if (s->index < 0) return Value();
  Value x = item_or_end(s->seq, s->index);
  if (x.is_null()) {
    s->index = -1;
    return x;
  }
  --s->index;
  return x;
}

Value seq_next(SeqIter* s) {
  const CoreTypes& t = vm().t;
  switch (s->kind) {
    case IterKind::List:
      return s->next_list_item();
    case IterKind::Tuple: {
      auto& items = s->seq.as<Tuple>()->items;
      if (s->index < static_cast<int64_t>(items.size())) return items[static_cast<size_t>(s->index++)];
      return Value();
    }
    case IterKind::Str: {
      auto& str = s->seq.as<Str>()->s;
      size_t pos = static_cast<size_t>(s->index);
      if (pos >= str.size()) return Value();
      size_t start = pos;
      support::utf8::decode(str, pos);
      s->index = static_cast<int64_t>(pos);
      return make_str(str.substr(start, pos - start));
    }
    case IterKind::Range:
      return s->next_range_item();
    case IterKind::DictKeys:
    case IterKind::DictValues:
    case IterKind::DictItems: {
      auto& table = s->seq.as<DictObj>()->table;
      if (static_cast<int64_t>(table.size()) != s->extra) {
        s->extra = -1;
        raise("RuntimeError", "dictionary changed size during iteration");
      }
      auto& entries = table.entries();
      while (s->index < static_cast<int64_t>(entries.size()) && entries[static_cast<size_t>(s->index)].key.is_null()) ++s->index;
      if (s->index >= static_cast<int64_t>(entries.size())) return Value();
      auto& e = entries[static_cast<size_t>(s->index++)];
      if (s->kind == IterKind::DictKeys) return e.key;
      if (s->kind == IterKind::DictValues) return e.value;
      return make_tuple({e.key, e.value});
    }
    case IterKind::Set: {
      auto& table = s->seq.as<SetObj>()->table;
      if (static_cast<int64_t>(table.size()) != s->extra) {
        s->extra = -1;
        raise("RuntimeError", "Set changed size during iteration");
      }
      auto& slots = table.slots();
      while (s->index < static_cast<int64_t>(slots.size()) && slots[static_cast<size_t>(s->index)].key.is_null()) ++s->index;
      if (s->index >= static_cast<int64_t>(slots.size())) return Value();
      return slots[static_cast<size_t>(s->index++)].key;
    }
    case IterKind::Reversed: {
      auto& items = s->seq.type() == t.list ? s->seq.as<List>()->items : s->seq.as<Tuple>()->items;
      if (s->index < 0) return Value();
      if (s->index >= static_cast<int64_t>(items.size())) {
        s->index = -1;
        return Value();
      }
      return items[static_cast<size_t>(s->index--)];
    }
    case IterKind::ReversedGetItem:
      return reversed_getitem_next(s);
  }
  return Value();
}

// zip(strict=True): argument i ran out; the others must run out at the same time.
void zip_strict_check(NativeIter* n, size_t i) {
  if (i > 0) {
    value_error("zip() argument " + std::to_string(i + 1) + " is shorter than argument" +
                (i == 1 ? std::string(" 1") : "s 1-" + std::to_string(i)));
  }
  for (size_t j = 1; j < n->items.size(); ++j) {
    if (!iter_next(n->items[j]).is_null()) {
      value_error("zip() argument " + std::to_string(j + 1) + " is longer than argument" +
                  (j == 1 ? std::string(" 1") : "s 1-" + std::to_string(j)));
    }
  }
}

Value native_next(NativeIter* n) {
  if (n->next_fn) return n->next_fn(*n);
  VM& v = vm();
  const CoreTypes& t = v.t;
  Type* ty = n->type;
  if (ty == t.enumerate) {
    Value x = iter_next(n->items[0]);
    if (x.is_null()) return x;
    return make_tuple({Value::integer(n->count++), std::move(x)});
  }
  if (ty == t.zip) {
    if (n->items.empty()) return Value();
    std::vector<Value> out;
    for (size_t i = 0; i < n->items.size(); ++i) {
      Value x = iter_next(n->items[i]);
      if (x.is_null()) {
        if (n->strict) zip_strict_check(n, i);
        return Value();
      }
      out.push_back(std::move(x));
    }
    return make_tuple(std::move(out));
  }
  if (ty == t.map) {
    std::vector<Value> args;
    for (auto& it : n->items) {
      Value x = iter_next(it);
      if (x.is_null()) return Value();
      args.push_back(std::move(x));
    }
    return v.call(n->func, args.data(), args.size());
  }
  if (ty == t.filter) {
    for (;;) {
      Value x = iter_next(n->items[0]);
      if (x.is_null()) return x;
      bool keep = n->func.is_none() ? truthy(x) : truthy(v.call1(n->func, x));
      if (keep) return x;
    }
  }
  if (ty == t.getitem_iter) {
    if (n->func.is_null()) return Value();
    Value x = item_or_end(n->func, n->count++);
    if (x.is_null()) n->func = Value();  // as CPython, an exhausted iterator lets go of the sequence
    return x;
  }
  Value x = v.call0(n->func);  // iter(callable, sentinel)
  if (equals(x, n->items[0])) return Value();
  return x;
}

}  // namespace

Value iter_next(const Value& it) {
  VM& v = vm();
  const CoreTypes& t = v.t;
  Type* ty = it.type();
  if (ty->layout == Layout::SeqIter) return seq_next(it.as<SeqIter>());
  if (ty == t.generator) {
    bool returned;
    Value r = v.gen_resume(it.as<Generator>(), Value::none(), Value(), returned);
    return returned ? Value() : r;
  }
  if (ty->layout == Layout::NativeIter) return native_next(it.as<NativeIter>());
  Value f = user_method(it, "__next__");
  if (f.is_null()) type_error(std::string("'") + ty->name + "' object is not an iterator");
  try {
    return v.call0(f);
  } catch (PyException& e) {
    if (exc_matches(e.exc, "StopIteration")) return Value();
    throw;
  }
}

std::vector<Value> to_vector(const Value& v) {
  const CoreTypes& t = vm().t;
  if (auto* l = v.if_type<List>(t.list)) return l->items;
  if (auto* tu = v.if_type<Tuple>(t.tuple)) return tu->items;
  std::vector<Value> out;
  Value it = get_iter(v);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return out;
    out.push_back(std::move(x));
  }
}

}  // namespace looplab::lang
