// `itertools`: the infinite and filtering iterators are lazy (NativeIter::next_fn);
// the combinatoric ones build their result eagerly from finite input.
#include "engine/lang/builtins.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

Value lazy(Value (*next)(NativeIter&), std::vector<Value> items, Value func = Value(), int64_t count = 0) {
  auto* it = new NativeIter(vm().t.callable_iter);
  Value out(it);
  it->items = std::move(items);
  it->func = std::move(func);
  it->count = count;
  it->next_fn = next;
  return out;
}

Value iter_of(const std::vector<Value>& items) { return get_iter(make_list(items)); }

// count(start, step): items = [current, step].
Value count_next(NativeIter& n) {
  Value cur = n.items[0];
  n.items[0] = binary_op(ast::BinOpKind::Add, cur, n.items[1], false);
  return cur;
}

Value it_count(Args& a) {
  Value start = a.n > 0 ? a[0] : a.kwarg("start");
  Value step = a.n > 1 ? a[1] : a.kwarg("step");
  return lazy(count_next, {start.is_null() ? Value::integer(0) : start, step.is_null() ? Value::integer(1) : step});
}

// repeat(obj, times): count = times left, -1 forever.
Value repeat_next(NativeIter& n) {
  if (n.count == 0) return Value();
  if (n.count > 0) --n.count;
  return n.items[0];
}

Value it_repeat(Args& a) {
  check_args(a, "repeat", 1, 2);
  int64_t times = a.n > 1 ? std::max<int64_t>(0, to_index(a[1])) : -1;
  return lazy(repeat_next, {a[0]}, Value(), times);
}

// cycle(it): items = [iterator, saved list]; count = replay position once exhausted.
Value cycle_next(NativeIter& n) {
  auto& saved = n.items[1].as<List>()->items;
  if (!n.strict) {
    Value x = iter_next(n.items[0]);
    if (!x.is_null()) {
      saved.push_back(x);
      return x;
    }
    n.strict = true;
  }
  if (saved.empty()) return Value();
  Value x = saved[static_cast<size_t>(n.count)];
  n.count = (n.count + 1) % static_cast<int64_t>(saved.size());
  return x;
}

Value it_cycle(Args& a) {
  check_args(a, "cycle", 1, 1);
  return lazy(cycle_next, {get_iter(a[0]), make_list({})});
}

// chain(*its): count = index of the current iterable.
Value chain_next(NativeIter& n) {
  while (n.count < static_cast<int64_t>(n.items.size())) {
    Value& cur = n.items[static_cast<size_t>(n.count)];
    if (!n.strict) {
      cur = get_iter(cur);
      n.strict = true;
    }
    Value x = iter_next(cur);
    if (!x.is_null()) return x;
    ++n.count;
    n.strict = false;
  }
  return Value();
}

Value it_chain(Args& a) { return lazy(chain_next, std::vector<Value>(a.pos, a.pos + a.n)); }

// islice(it, start, stop, step): items = [iterator, next index to yield, stop or None, step].
Value islice_next(NativeIter& n) {
  int64_t want = n.items[1].as_int();
  const Value& stop = n.items[2];
  if (!stop.is_none() && want >= stop.as_int()) return Value();
  while (n.count < want) {
    if (iter_next(n.items[0]).is_null()) return Value();
    ++n.count;
  }
  Value x = iter_next(n.items[0]);
  if (x.is_null()) return Value();
  ++n.count;
  n.items[1] = Value::integer(want + n.items[3].as_int());
  return x;
}

Value it_islice(Args& a) {
  check_args(a, "islice", 2, 4);
  Value start = Value::integer(0), stop, step = Value::integer(1);
  if (a.n == 2) {
    stop = a[1];
  } else {
    if (!a[1].is_none()) start = Value::integer(to_index(a[1]));
    stop = a[2];
    if (a.n == 4 && !a[3].is_none()) step = Value::integer(to_index(a[3]));
  }
  if (!stop.is_none()) stop = Value::integer(to_index(stop));
  return lazy(islice_next, {get_iter(a[0]), start, stop, step});
}

Value takewhile_next(NativeIter& n) {
  if (n.strict) return Value();
  Value x = iter_next(n.items[0]);
  if (x.is_null()) return x;
  if (truthy(vm().call1(n.func, x))) return x;
  n.strict = true;
  return Value();
}

Value dropwhile_next(NativeIter& n) {
  for (;;) {
    Value x = iter_next(n.items[0]);
    if (x.is_null() || n.strict) return x;
    if (!truthy(vm().call1(n.func, x))) {
      n.strict = true;
      return x;
    }
  }
}

Value starmap_next(NativeIter& n) {
  Value x = iter_next(n.items[0]);
  if (x.is_null()) return x;
  std::vector<Value> args = to_vector(x);
  return vm().call(n.func, args.data(), args.size());
}

Value it_takewhile(Args& a) { check_args(a, "takewhile", 2, 2); return lazy(takewhile_next, {get_iter(a[1])}, a[0]); }
Value it_dropwhile(Args& a) { check_args(a, "dropwhile", 2, 2); return lazy(dropwhile_next, {get_iter(a[1])}, a[0]); }
Value it_starmap(Args& a) { check_args(a, "starmap", 2, 2); return lazy(starmap_next, {get_iter(a[1])}, a[0]); }

Value it_accumulate(Args& a) {
  check_args(a, "accumulate", 1, 2);
  Value func = a.n > 1 ? a[1] : a.kwarg("func");
  Value initial = a.kwarg("initial");
  std::vector<Value> out;
  Value acc = initial.is_null() || initial.is_none() ? Value() : initial;
  if (!acc.is_null()) out.push_back(acc);
  for (auto& x : to_vector(a[0])) {
    if (acc.is_null()) {
      acc = x;
    } else if (func.is_null() || func.is_none()) {
      acc = binary_op(ast::BinOpKind::Add, acc, x, false);
    } else {
      acc = vm().call2(func, acc, x);
    }
    out.push_back(acc);
  }
  return iter_of(out);
}

void product_rec(const std::vector<std::vector<Value>>& pools, size_t i, std::vector<Value>& cur,
                 std::vector<Value>& out) {
  if (i == pools.size()) {
    out.push_back(make_tuple(cur));
    return;
  }
  for (const auto& x : pools[i]) {
    cur.push_back(x);
    product_rec(pools, i + 1, cur, out);
    cur.pop_back();
  }
}

Value it_product(Args& a) {
  Value rep = a.kwarg("repeat");
  int64_t r = rep.is_null() ? 1 : to_index(rep);
  std::vector<std::vector<Value>> pools;
  for (int64_t k = 0; k < r; ++k) {
    for (size_t i = 0; i < a.n; ++i) pools.push_back(to_vector(a[i]));
  }
  std::vector<Value> cur, out;
  product_rec(pools, 0, cur, out);
  return iter_of(out);
}

// Index tuples in CPython's lexicographic order.
void choose(size_t n, size_t r, bool ordered, bool replace, std::vector<size_t>& cur,
            std::vector<bool>& used, const std::vector<Value>& pool, std::vector<Value>& out) {
  if (cur.size() == r) {
    std::vector<Value> t;
    for (size_t i : cur) t.push_back(pool[i]);
    out.push_back(make_tuple(std::move(t)));
    return;
  }
  size_t from = ordered || cur.empty() ? 0 : cur.back() + (replace ? 0 : 1);
  for (size_t i = from; i < n; ++i) {
    if (ordered && used[i]) continue;
    cur.push_back(i);
    if (ordered) used[i] = true;
    choose(n, r, ordered, replace, cur, used, pool, out);
    if (ordered) used[i] = false;
    cur.pop_back();
  }
}

Value combinatoric(const Args& a, bool ordered, bool replace) {
  std::vector<Value> pool = to_vector(a[0]);
  Value rv = a.n > 1 ? a[1] : a.kwarg("r");
  size_t r = rv.is_null() || rv.is_none() ? pool.size() : static_cast<size_t>(to_index(rv));
  std::vector<Value> out;
  std::vector<size_t> cur;
  std::vector<bool> used(pool.size(), false);
  if (replace || r <= pool.size()) choose(pool.size(), r, ordered, replace, cur, used, pool, out);
  return iter_of(out);
}

Value it_permutations(Args& a) { check_args(a, "permutations", 1, 2); return combinatoric(a, true, false); }
Value it_combinations(Args& a) { check_args(a, "combinations", 2, 2); return combinatoric(a, false, false); }
Value it_combinations_wr(Args& a) { check_args(a, "combinations_with_replacement", 2, 2); return combinatoric(a, false, true); }

Value it_zip_longest(Args& a) {
  Value fill = a.kwarg("fillvalue");
  if (fill.is_null()) fill = Value::none();
  std::vector<std::vector<Value>> cols;
  size_t longest = 0;
  for (size_t i = 0; i < a.n; ++i) {
    cols.push_back(to_vector(a[i]));
    longest = std::max(longest, cols.back().size());
  }
  std::vector<Value> out;
  for (size_t r = 0; r < longest; ++r) {
    std::vector<Value> row;
    for (auto& c : cols) row.push_back(r < c.size() ? c[r] : fill);
    out.push_back(make_tuple(std::move(row)));
  }
  return iter_of(out);
}

Value it_pairwise(Args& a) {
  check_args(a, "pairwise", 1, 1);
  std::vector<Value> items = to_vector(a[0]), out;
  for (size_t i = 1; i < items.size(); ++i) out.push_back(make_tuple({items[i - 1], items[i]}));
  return iter_of(out);
}

Value it_groupby(Args& a) {
  check_args(a, "groupby", 1, 2);
  Value key = a.n > 1 ? a[1] : a.kwarg("key");
  std::vector<Value> out, group;
  Value current;
  for (auto& x : to_vector(a[0])) {
    Value k = key.is_null() || key.is_none() ? x : vm().call1(key, x);
    if (!current.is_null() && !equals(current, k)) {
      out.push_back(make_tuple({current, iter_of(group)}));
      group.clear();
    }
    current = k;
    group.push_back(x);
  }
  if (!current.is_null()) out.push_back(make_tuple({current, iter_of(group)}));
  return iter_of(out);
}

}  // namespace

Value make_itertools_module() {
  return new_module("itertools", {{"count", it_count},
                                  {"repeat", it_repeat},
                                  {"cycle", it_cycle},
                                  {"chain", it_chain},
                                  {"islice", it_islice},
                                  {"takewhile", it_takewhile},
                                  {"dropwhile", it_dropwhile},
                                  {"starmap", it_starmap},
                                  {"accumulate", it_accumulate},
                                  {"product", it_product},
                                  {"permutations", it_permutations},
                                  {"combinations", it_combinations},
                                  {"combinations_with_replacement", it_combinations_wr},
                                  {"zip_longest", it_zip_longest},
                                  {"pairwise", it_pairwise},
                                  {"groupby", it_groupby}});
}

}  // namespace looplab::lang
