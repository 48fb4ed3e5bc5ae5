// dict, set and frozenset: the set table (CPython's layout via support/probe.hpp),
// constructors and methods.
#include "engine/lang/builtins.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/probe.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace probe = support::set_probe;

// [SECTION] SetTable ------------------------------------------------------------------------------

SetTable::SetTable() : table_(probe::kMinSize) {}

SetTable::Slot* SetTable::find_slot(const Value& key, int64_t hash) {
  size_t mask = table_.size() - 1;
  auto classify = [&](size_t i) {
    const Slot& s = table_[i];
    if (s.key.is_null()) return s.dummy ? probe::Slot::Dummy : probe::Slot::Empty;
    if (s.hash == hash && (s.key.same(key) || keys_equal(s.key, key))) return probe::Slot::Match;
    return probe::Slot::Other;
  };
  auto r = probe::find_existing_slot(hash, mask, classify);
  return r.found ? &table_[r.index] : nullptr;
}

bool SetTable::contains(const Value& key, int64_t hash) { return find_slot(key, hash) != nullptr; }

void SetTable::add(Value key, int64_t hash) {
  size_t mask = table_.size() - 1;
  auto classify = [&](size_t i) {
    const Slot& s = table_[i];
    if (s.key.is_null()) return s.dummy ? probe::Slot::Dummy : probe::Slot::Empty;
    if (s.hash == hash && (s.key.same(key) || keys_equal(s.key, key))) return probe::Slot::Match;
    return probe::Slot::Other;
  };
  auto r = probe::find_insert_slot(hash, mask, classify);
  if (r.found) return;
  Slot& s = table_[r.index];
  s.key = std::move(key);
  s.hash = hash;
  s.dummy = false;
  ++used_;
  ++version_;
  if (r.was_empty) {
    ++fill_;
    if (probe::needs_resize(fill_, mask)) resize(probe::grown_capacity(used_));
  }
}

void SetTable::insert_clean(Value key, int64_t hash) {
  size_t mask = table_.size() - 1;
  size_t i = probe::find_clean_slot(hash, mask, [&](size_t j) { return table_[j].key.is_null(); });
  table_[i].key = std::move(key);
  table_[i].hash = hash;
}

void SetTable::resize(size_t minused) {
  std::vector<Slot> old;
  old.swap(table_);
  table_.assign(probe::table_size_for(minused), Slot{});
  for (auto& s : old) {
    if (!s.key.is_null()) insert_clean(std::move(s.key), s.hash);
  }
  fill_ = used_;
}

bool SetTable::discard(const Value& key) {
  Slot* s = find_slot(key, hash_value(key));
  if (!s) return false;
  s->key = Value();
  s->dummy = true;
  --used_;
  ++version_;
  return true;
}

void SetTable::clear() {
  std::vector<Slot> old;
  old.swap(table_);
  table_.assign(probe::kMinSize, Slot{});
  used_ = fill_ = finger_ = 0;
  ++version_;
}

Value SetTable::pop_first() {
  size_t mask = table_.size() - 1;
  size_t i = finger_ & mask;
  while (table_[i].key.is_null()) i = (i + 1) & mask;
  Value out = std::move(table_[i].key);
  table_[i].dummy = true;
  finger_ = i + 1;
  --used_;
  ++version_;
  return out;
}

namespace {

// [SECTION] dict ----------------------------------------------------------------------------------

DictTable& table(const Args& a) { return a[0].as<DictObj>()->table; }

void dict_update_from(DictObj* d, const Args& a, size_t first) {
  if (a.n > first) {
    const Value& src = a[first];
    if (auto* o = src.if_type<DictObj>(vm().t.dict)) {
      for (const auto& e : o->table.entries()) {
        if (!e.key.is_null()) d->table.set(e.key, e.value, e.hash);
      }
    } else if (!lookup_special(src, "keys").is_null() && src.type()->is_heap) {
      Value keys = call_method(src, "keys", {});
      for (auto& k : to_vector(keys)) d->table.set(k, get_item(src, k));
    } else {
      Value it = get_iter(src);
      size_t n = 0;
      for (Value x = iter_next(it); !x.is_null(); x = iter_next(it), ++n) {
        std::vector<Value> pair;
        try {
          pair = to_vector(x);
        } catch (PyException& e) {
          // As CPython: any TypeError from the element becomes this one.
          if (!exc_matches(e.exc, "TypeError")) throw;
          type_error("cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
        }
        if (pair.size() != 2) {
          value_error("dictionary update sequence element #" + std::to_string(n) + " has length " +
                      std::to_string(pair.size()) + "; 2 is required");
        }
        d->table.set(pair[0], pair[1]);
      }
    }
  }
  for (size_t i = 0; i < a.nkw(); ++i) d->table.set(a.kwnames->items[i], a.kw[i]);
}

Value dict_ctor(Args& a) {
  check_args(a, "dict", 0, 1);
  auto* d = new DictObj();
  Value out(d);
  dict_update_from(d, a, 0);
  return out;
}

Value d_get(Args& a) {
  check_args(a, "get", 2, 3);
  Value* v = table(a).find(a[1]);
  return v ? *v : (a.n > 2 ? a[2] : Value::none());
}

Value d_view(const Args& a, Type* t) { return Value(new DictView(t, a[0])); }
Value d_keys(Args& a) { return d_view(a, vm().t.dict_keys); }
Value d_values(Args& a) { return d_view(a, vm().t.dict_values); }
Value d_items(Args& a) { return d_view(a, vm().t.dict_items); }

Value d_pop(Args& a) {
  check_args(a, "pop", 2, 3);
  Value v = table(a).erase(a[1]);
  if (!v.is_null()) return v;
  if (a.n > 2) return a[2];
  key_error(a[1]);
}

Value d_popitem(Args& a) {
  if (table(a).size() == 0) raise("KeyError", "popitem(): dictionary is empty");
  auto e = table(a).pop_last();
  return make_tuple({e.key, e.value});
}

Value d_setdefault(Args& a) {
  check_args(a, "setdefault", 2, 3);
  if (Value* v = table(a).find(a[1])) return *v;
  Value dflt = a.n > 2 ? a[2] : Value::none();
  table(a).set(a[1], dflt);
  return dflt;
}

Value d_update(Args& a) {
  check_args(a, "update", 1, 2);
  dict_update_from(a[0].as<DictObj>(), a, 1);
  return Value::none();
}

Value d_copy(Args& a) {
  auto* d = new DictObj();
  Value out(d);
  for (const auto& e : table(a).entries()) {
    if (!e.key.is_null()) d->table.set(e.key, e.value, e.hash);
  }
  return out;
}

Value d_clear(Args& a) {
  table(a).clear();
  return Value::none();
}

Value d_fromkeys(Args& a) {
  check_args(a, "fromkeys", 2, 3);
  auto* d = new DictObj();
  Value out(d);
  Value v = a.n > 2 ? a[2] : Value::none();
  for (auto& k : to_vector(a[1])) d->table.set(k, v);
  return out;
}

// [SECTION] set -----------------------------------------------------------------------------------

SetTable& stable(const Args& a) { return a[0].as<SetObj>()->table; }

Value new_set_from(Type* t, const Value& src) {
  auto* s = new SetObj(t == vm().t.frozenset);
  Value out(s);
  if (src.is_null()) return out;
  const Type* src_type = src.type();
  if (src_type == vm().t.set || src_type == vm().t.frozenset) {
    const auto* o = src.as<SetObj>();
    for (const auto& slot : o->table.slots()) {
      if (!slot.key.is_null()) s->table.add(slot.key, slot.hash);
    }
    return out;
  }
  for (auto& x : to_vector(src)) s->table.add(std::move(x));
  return out;
}

Value set_ctor(Args& a) {
  check_args(a, "set", 0, 1);
  return new_set_from(vm().t.set, a.n ? a[0] : Value());
}

Value frozenset_ctor(Args& a) {
  check_args(a, "frozenset", 0, 1);
  return new_set_from(vm().t.frozenset, a.n ? a[0] : Value());
}

Value s_add(Args& a) {
  check_args(a, "add", 2, 2);
  stable(a).add(a[1]);
  return Value::none();
}

Value s_remove(Args& a) {
  check_args(a, "remove", 2, 2);
  if (!stable(a).discard(a[1])) key_error(a[1]);
  return Value::none();
}

Value s_discard(Args& a) {
  check_args(a, "discard", 2, 2);
  stable(a).discard(a[1]);
  return Value::none();
}

Value s_pop(Args& a) {
  if (stable(a).size() == 0) raise("KeyError", "pop from an empty set");
  return stable(a).pop_first();
}

Value s_clear(Args& a) {
  stable(a).clear();
  return Value::none();
}

Value s_copy(Args& a) { return new_set_from(a[0].type(), a[0]); }

Value s_update(Args& a) {
  for (size_t i = 1; i < a.n; ++i) {
    for (auto& x : to_vector(a[i])) stable(a).add(std::move(x));
  }
  return Value::none();
}

Value combine(const Args& a, ast::BinOpKind op) {
  Value acc = a[0];
  for (size_t i = 1; i < a.n; ++i) {
    Value other = new_set_from(vm().t.set, a[i]);
    acc = binary_op(op, acc, other, false);
  }
  if (a.n == 1) return new_set_from(a[0].type(), a[0]);
  return acc;
}

Value s_union(Args& a) { return combine(a, ast::BinOpKind::BitOr); }
Value s_intersection(Args& a) { return combine(a, ast::BinOpKind::BitAnd); }
Value s_difference(Args& a) { return combine(a, ast::BinOpKind::Sub); }
Value s_symmetric_difference(Args& a) { return combine(a, ast::BinOpKind::BitXor); }

Value in_place(const Args& a, ast::BinOpKind op) {
  Value r = combine(a, op);
  stable(a) = std::move(r.as<SetObj>()->table);
  return Value::none();
}

Value s_intersection_update(Args& a) { return in_place(a, ast::BinOpKind::BitAnd); }
Value s_difference_update(Args& a) { return in_place(a, ast::BinOpKind::Sub); }
Value s_symmetric_difference_update(Args& a) { return in_place(a, ast::BinOpKind::BitXor); }

Value s_issubset(Args& a) {
  check_args(a, "issubset", 2, 2);
  Value other = new_set_from(vm().t.set, a[1]);
  return compare(ast::CmpOpKind::LtE, a[0], other);
}

Value s_issuperset(Args& a) {
  check_args(a, "issuperset", 2, 2);
  Value other = new_set_from(vm().t.set, a[1]);
  return compare(ast::CmpOpKind::GtE, a[0], other);
}

Value s_isdisjoint(Args& a) {
  check_args(a, "isdisjoint", 2, 2);
  for (auto& x : to_vector(a[1])) {
    if (stable(a).contains(x)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

}  // namespace

void init_dict_methods(VM& v) {
  Type* d = v.t.dict;
  d->ctor = dict_ctor;
  def_method(d, "get", d_get);
  def_method(d, "keys", d_keys);
  def_method(d, "values", d_values);
  def_method(d, "items", d_items);
  def_method(d, "pop", d_pop);
  def_method(d, "popitem", d_popitem);
  def_method(d, "setdefault", d_setdefault);
  def_method(d, "update", d_update);
  def_method(d, "copy", d_copy);
  def_method(d, "clear", d_clear);
  Value fk(new Builtin("fromkeys", d_fromkeys));
  d->d()->table.set(Value(v.intern("fromkeys")), Value(new MethodWrapper(v.t.classmethod, fk)));
}

void init_set_methods(VM& v) {
  v.t.set->ctor = set_ctor;
  v.t.frozenset->ctor = frozenset_ctor;
  for (Type* t : {v.t.set, v.t.frozenset}) {
    def_method(t, "copy", s_copy);
    def_method(t, "union", s_union);
    def_method(t, "intersection", s_intersection);
    def_method(t, "difference", s_difference);
    def_method(t, "symmetric_difference", s_symmetric_difference);
    def_method(t, "issubset", s_issubset);
    def_method(t, "issuperset", s_issuperset);
    def_method(t, "isdisjoint", s_isdisjoint);
  }
  Type* s = v.t.set;
  def_method(s, "add", s_add);
  def_method(s, "remove", s_remove);
  def_method(s, "discard", s_discard);
  def_method(s, "pop", s_pop);
  def_method(s, "clear", s_clear);
  def_method(s, "update", s_update);
  def_method(s, "intersection_update", s_intersection_update);
  def_method(s, "difference_update", s_difference_update);
  def_method(s, "symmetric_difference_update", s_symmetric_difference_update);
}

}  // namespace looplab::lang
