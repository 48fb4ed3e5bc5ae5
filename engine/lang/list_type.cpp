// list and tuple: constructors and methods.
#include <algorithm>

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
  std::vector<Value> src = to_vector(a[1]);
  auto& dst = items(a);
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

int64_t index_in(const std::vector<Value>& v, const Args& a, const char* what) {
  int64_t n = static_cast<int64_t>(v.size());
  int64_t start = a.n > 2 ? to_index(a[2]) : 0, stop = a.n > 3 ? to_index(a[3]) : n;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  for (int64_t i = start; i < std::min(stop, n); ++i) {
    if (v[static_cast<size_t>(i)].same(a[1]) || equals(v[static_cast<size_t>(i)], a[1])) return i;
  }
  value_error(what);
}

Value l_index(Args& a) { return Value::integer(index_in(items(a), a, (repr(a[1]) + " is not in list").c_str())); }

int64_t count_in(const std::vector<Value>& v, const Value& x) {
  int64_t n = 0;
  for (const auto& e : v) n += (e.same(x) || equals(e, x)) ? 1 : 0;
  return n;
}

Value l_count(Args& a) { check_args(a, "count", 2, 2); return Value::integer(count_in(items(a), a[1])); }

Value l_sort(Args& a) {
  if (a.n > 1) type_error("sort() takes no positional arguments");
  Value rev = a.kwarg("reverse");
  auto& v = items(a);
  std::vector<Value> work = std::move(v);
  v.clear();
  Value sorted = sorted_list(work, a.kwarg("key"), !rev.is_null() && truthy(rev));
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
  return Value::integer(index_in(a[0].as<Tuple>()->items, a, "tuple.index(x): x not in tuple"));
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

}  // namespace looplab::lang
