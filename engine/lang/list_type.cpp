// list and tuple: constructors and methods.
#include <algorithm>
#include <array>

#include "engine/lang/builtins.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

std::vector<Value>& items(const Args& a) { return a[0].as<List>()->items; }

Value list_ctor(Args& a) {
  check_args(a, "list", 0, 1);
  return make_list(a.n ? to_vector(a[0]) : std::vector<Value>{});
}

Value tuple_ctor(Args& a) {
  check_args(a, "tuple", 0, 1);
  if (a.n && a[0].if_type<Tuple>(vm().t.tuple)) return a[0];
  return make_tuple(a.n ? to_vector(a[0]) : std::vector<Value>{});
}

Value l_append(Args& a) {
  check_args(a, "append", 2, 2);
  items(a).push_back(a[1]);
  return Value::none();
}

Value l_extend(Args& a) {
  check_args(a, "extend", 2, 2);
  auto& dst = items(a);
  const CoreTypes& t = vm().t;
  // Another list or a tuple is copied straight in (no Python code can run meanwhile);
  // x.extend(x) takes the general path, which copies first.
  const List* l = a[1].same(a[0]) ? nullptr : a[1].if_type<List>(t.list);
  const Tuple* tu = a[1].if_type<Tuple>(t.tuple);
  if (l || tu) {
    const std::vector<Value>& src = l ? l->items : tu->items;
    dst.insert(dst.end(), src.begin(), src.end());
    return Value::none();
  }
  std::vector<Value> src = to_vector(a[1]);
  dst.insert(dst.end(), src.begin(), src.end());
  return Value::none();
}

Value l_insert(Args& a) {
  check_args(a, "insert", 3, 3);
  auto& v = items(a);
  int64_t n = static_cast<int64_t>(v.size());
  int64_t i = to_index(a[1]);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  v.insert(v.begin() + i, a[2]);
  return Value::none();
}

Value l_pop(Args& a) {
  check_args(a, "pop", 1, 2);
  auto& v = items(a);
  if (v.empty()) index_error("pop from empty list");
  size_t i = a.n > 1 ? seq_index(a[1], v.size(), "pop index out of range") : v.size() - 1;
  Value out = std::move(v[i]);
  v.erase(v.begin() + static_cast<int64_t>(i));
  return out;
}

Value l_remove(Args& a) {
  check_args(a, "remove", 2, 2);
  auto& v = items(a);
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i].same(a[1]) || equals(v[i], a[1])) {
      v.erase(v.begin() + static_cast<int64_t>(i));
      return Value::none();
    }
  }
  value_error("list.remove(x): x not in list");
}

// The position of a[1] in v[start:stop], or -1.
int64_t index_in(const std::vector<Value>& v, const Args& a) {
  int64_t n = static_cast<int64_t>(v.size());
  int64_t start = a.n > 2 ? to_index(a[2]) : 0, stop = a.n > 3 ? to_index(a[3]) : n;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < std::min(stop, n); ++i) {
    if (v[static_cast<size_t>(i)].same(a[1]) || equals(v[static_cast<size_t>(i)], a[1])) return i;
  }
  return -1;
}

Value l_index(Args& a) {
  int64_t i = index_in(items(a), a);
  if (i < 0) value_error(repr(a[1]) + " is not in list");
  return Value::integer(i);
}

int64_t count_in(const std::vector<Value>& v, const Value& x) {
  int64_t n = 0;
  for (const auto& e : v) n += (e.same(x) || equals(e, x)) ? 1 : 0;
  return n;
}

Value l_count(Args& a) { check_args(a, "count", 2, 2); return Value::integer(count_in(items(a), a[1])); }

bool str_less(const Value& a, const Value& b, const Type* str) {
  return a.if_type<Str>(str) && b.if_type<Str>(str) && a.as<Str>()->s < b.as<Str>()->s;
}

// A tuple compares at its first pair of unequal items (CPython's tuplerichcompare).
bool tuple_less(const Tuple& x, const Tuple& y, const Type* str) {
  size_t n = std::min(x.items.size(), y.items.size());
  for (size_t i = 0; i < n; ++i) {
    const Value& p = x.items[i];
    const Value& q = y.items[i];
    if (p.is_int() && q.is_int()) {
      if (p.as_int() != q.as_int()) return p.as_int() < q.as_int();
      continue;
    }
    if (p.same(q) || equals(p, q)) continue;
    if (p.if_type<Str>(str) && q.if_type<Str>(str)) return str_less(p, q, str);
    return less_than(p, q);
  }
  return x.items.size() < y.items.size();
}

Value l_sort(Args& a) {
  if (a.n > 1) type_error("sort() takes no positional arguments");
  Value rev = a.kwarg("reverse");
  auto& v = items(a);
  std::vector<Value> work = std::move(v);
  v.clear();
  Value sorted;
  try {
    sorted = sorted_list(work, a.kwarg("key"), !rev.is_null() && truthy(rev));
  } catch (...) {
    // A raising key function leaves CPython's list as it was, not empty.
    v = std::move(work);
    throw;
  }
  if (!v.empty()) value_error("list modified during sort");
  v = std::move(sorted.as<List>()->items);
  return Value::none();
}

Value l_reverse(Args& a) {
  std::reverse(items(a).begin(), items(a).end());
  return Value::none();
}

Value l_copy(Args& a) { return make_list(items(a)); }

Value l_clear(Args& a) {
  std::vector<Value> old = std::move(items(a));
  items(a).clear();
  return Value::none();
}

Value t_index(Args& a) {
  int64_t i = index_in(a[0].as<Tuple>()->items, a);
  if (i < 0) value_error("tuple.index(x): x not in tuple");
  return Value::integer(i);
}

Value t_count(Args& a) {
  check_args(a, "count", 2, 2);
  return Value::integer(count_in(a[0].as<Tuple>()->items, a[1]));
}

}  // namespace

void init_list_methods(VM& v) {
  Type* l = v.t.list;
  l->ctor = list_ctor;
  v.t.tuple->ctor = tuple_ctor;
  def_method(l, "append", l_append);
  def_method(l, "extend", l_extend);
  def_method(l, "insert", l_insert);
  def_method(l, "pop", l_pop);
  def_method(l, "remove", l_remove);
  def_method(l, "index", l_index);
  def_method(l, "count", l_count);
  def_method(l, "sort", l_sort);
  def_method(l, "reverse", l_reverse);
  def_method(l, "copy", l_copy);
  def_method(l, "clear", l_clear);
  def_method(v.t.tuple, "index", t_index);
  def_method(v.t.tuple, "count", t_count);
}

namespace {

// The ints of a key (a plain int when Plain, else a tuple of W ints), or false.
template <size_t W, bool Plain>
bool key_ints(const Value& key, const Type* tuple, int64_t* out) {
  if (Plain) {
    if (!key.is_int()) return false;
    out[0] = key.as_int();
    return true;
  }
  auto* tu = key.if_type<Tuple>(tuple);
  if (!tu || tu->items.size() != W) return false;
  for (size_t i = 0; i < W; ++i) {
    if (!tu->items[i].is_int()) return false;
    out[i] = tu->items[i].as_int();
  }
  return true;
}

// Records hold the key's ints then the position, so they are all distinct: an unstable
// sort of them orders equal keys by position, which is what a stable sort does. Sorting
// small records in place spares the comparisons chasing pointers to tuples.
template <size_t W, bool Plain = false>
bool sort_records(std::vector<size_t>& order, const std::vector<Value>& keys) {
  const Type* tuple = vm().t.tuple;
  std::vector<std::array<int64_t, W + 1>> recs(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    if (!key_ints<W, Plain>(keys[order[i]], tuple, recs[i].data())) return false;
    recs[i][W] = static_cast<int64_t>(i);
  }
  std::sort(recs.begin(), recs.end());
  std::vector<size_t> sorted(order.size());
  for (size_t i = 0; i < recs.size(); ++i) sorted[i] = order[static_cast<size_t>(recs[i][W])];
  order = std::move(sorted);
  return true;
}

}  // namespace

bool sort_int_keys(std::vector<size_t>& order, const std::vector<Value>& keys) {
  if (order.empty()) return true;
  const Value& first = keys[order[0]];
  if (first.is_int()) return sort_records<1, true>(order, keys);
  auto* tu = first.if_type<Tuple>(vm().t.tuple);
  if (!tu) return false;
  switch (tu->items.size()) {
    case 1: return sort_records<1>(order, keys);
    case 2: return sort_records<2>(order, keys);
    case 3: return sort_records<3>(order, keys);
    default: return false;
  }
}

bool sort_key_less(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  const CoreTypes& t = vm().t;
  if (a.if_type<Str>(t.str) && b.if_type<Str>(t.str)) return str_less(a, b, t.str);
  auto* x = a.if_type<Tuple>(t.tuple);
  auto* y = b.if_type<Tuple>(t.tuple);
  if (x && y) return tuple_less(*x, *y, t.str);
  return less_than(a, b);
}

}  // namespace looplab::lang
