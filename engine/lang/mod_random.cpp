// `random`, bit-exact with CPython through support/random.hpp. As in random.py, the
// module functions are the bound methods of one hidden Random instance, seeded with 0
// (or the run's --seed N, as if the program had called random.seed(N) first).
#include <cmath>
#include <span>

#include "engine/lang/builtins.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/random.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

struct RandomObj : Obj {
  explicit RandomObj(Type* t) : Obj(t) { rng.seed(int64_t{0}); }
  support::Random rng;
};

support::Random& rng(const Args& a) { return static_cast<RandomObj*>(a[0].obj())->rng; }

void seed_with(support::Random& r, const Value& x) {
  if (x.is_null() || x.is_none()) {
    r.seed(int64_t{0});
  } else if (x.is_intlike()) {
    r.seed(x.as_int());
  } else if (x.is_float()) {
    r.seed_from_hash(hash_value(x));
  } else {
    not_supported("random.seed() with a " + std::string(type_name(x)));
  }
}

Value r_seed(Args& a) {
  check_args(a, "seed", 1, 3);
  seed_with(rng(a), a.n > 1 ? a[1] : Value());
  return Value::none();
}

Value r_random(Args& a) { return Value::floating(rng(a).random()); }

Value r_uniform(Args& a) {
  check_args(a, "uniform", 3, 3);
  return Value::floating(rng(a).uniform(to_double(a[1]), to_double(a[2])));
}

Value r_randint(Args& a) {
  check_args(a, "randint", 3, 3);
  return Value::integer(unwrap(rng(a).randint(to_index(a[1]), to_index(a[2]))));
}

Value r_randrange(Args& a) {
  check_args(a, "randrange", 2, 4);
  std::optional<int64_t> stop;
  if (a.n > 2 && !a[2].is_none()) stop = to_index(a[2]);
  int64_t step = a.n > 3 ? to_index(a[3]) : 1;
  return Value::integer(unwrap(rng(a).randrange(to_index(a[1]), stop, step, a.n > 3)));
}

Value r_choice(Args& a) {
  check_args(a, "choice", 2, 2);
  size_t n = static_cast<size_t>(length(a[1]));
  size_t i = unwrap(rng(a).choice(n));
  return get_item(a[1], Value::integer(static_cast<int64_t>(i)));
}

Value r_shuffle(Args& a) {
  check_args(a, "shuffle", 2, 2);
  auto* l = a[1].if_type<List>(vm().t.list);
  if (!l) type_error(std::string("'") + type_name(a[1]) + "' object does not support item assignment");
  auto& items = l->items;
  rng(a).shuffle(items.size(), [&](size_t i, size_t j) { items[i].swap(items[j]); });
  return Value::none();
}

Value r_sample(Args& a) {
  check_args(a, "sample", 3, 3);
  const Value& pop = a[1];
  const CoreTypes& t = vm().t;
  if (pop.type() == t.set || pop.type() == t.frozenset || pop.type() == t.dict) {
    type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
  }
  size_t n = static_cast<size_t>(length(pop));
  auto idx = unwrap(rng(a).sample(n, to_index(a[2])));
  std::vector<Value> out;
  for (size_t i : idx) out.push_back(get_item(pop, Value::integer(static_cast<int64_t>(i))));
  return make_list(std::move(out));
}

std::vector<double> doubles(const Value& v) {
  std::vector<double> out;
  for (auto& x : to_vector(v)) out.push_back(to_double(x));
  return out;
}

Value r_choices(Args& a) {
  check_args(a, "choices", 2, 3);
  Value weights = a.n > 2 ? a[2] : a.kwarg("weights");
  Value cum = a.kwarg("cum_weights");
  Value kv = a.kwarg("k");
  size_t k = kv.is_null() ? 1 : static_cast<size_t>(std::max<int64_t>(0, to_index(kv)));
  std::vector<Value> pop = to_vector(a[1]);
  size_t n = pop.size();
  std::vector<size_t> idx;
  if ((weights.is_null() || weights.is_none()) && (cum.is_null() || cum.is_none())) {
    idx = rng(a).choices(n, k);
  } else {
    if (!weights.is_null() && !weights.is_none() && !cum.is_null() && !cum.is_none()) {
      type_error("Cannot specify both weights and cumulative weights");
    }
    std::vector<double> cw = (!cum.is_null() && !cum.is_none()) ? doubles(cum)
                                                                 : support::Random::accumulate(doubles(weights));
    idx = unwrap(rng(a).choices_cumulative(n, cw, k));
  }
  std::vector<Value> out;
  for (size_t i : idx) {
    if (i >= pop.size()) index_error("list index out of range");
    out.push_back(pop[i]);
  }
  return make_list(std::move(out));
}

Value r_gauss(Args& a) {
  double mu = a.n > 1 ? to_double(a[1]) : 0.0;
  double sigma = a.n > 2 ? to_double(a[2]) : 1.0;
  return Value::floating(rng(a).gauss(mu, sigma));
}

Value r_getrandbits(Args& a) {
  check_args(a, "getrandbits", 2, 2);
  int64_t k = to_index(a[1]);
  if (k < 0) value_error("number of bits must be non-negative");
  if (k > 63) overflow_error("integer overflow (LoopLab ints are 64-bit)");
  return Value::integer(static_cast<int64_t>(rng(a).getrandbits(static_cast<int>(k))));
}

Value random_ctor(Args& a);

Type* random_type() {
  VM& v = vm();
  auto it = v.modules.find("random");
  if (it != v.modules.end()) {
    if (Value* t = it->second.as<Module>()->d()->table.find_str(v.intern("Random"))) return t->as<Type>();
  }
  return nullptr;
}

Value random_ctor(Args& a) {
  auto* r = new RandomObj(random_type());
  Value out(r);
  seed_with(r->rng, a.n > 0 ? a[0] : Value());
  return out;
}

}  // namespace

Value make_random_module() {
  VM& v = vm();
  Value m = new_module("random", {});
  auto* t = new Type("Random", v.t.object, Layout::Other);
  Value type_hold(t);
  t->module = "random";
  t->subclassable = false;
  t->ctor = random_ctor;
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry kMethods[] = {
      {"seed", r_seed},         {"random", r_random},   {"uniform", r_uniform},
      {"randint", r_randint},   {"randrange", r_randrange}, {"choice", r_choice},
      {"shuffle", r_shuffle},   {"sample", r_sample},   {"choices", r_choices},
      {"gauss", r_gauss},       {"getrandbits", r_getrandbits},
  };
  for (const auto& e : kMethods) def_method(t, e.name, e.fn);
  module_set(m, "Random", type_hold);
  auto* state = new RandomObj(t);
  Value inst(state);
  const uint32_t seed_words[2] = {static_cast<uint32_t>(v.random_seed), static_cast<uint32_t>(v.random_seed >> 32)};
  state->rng.seed(std::span<const uint32_t>(seed_words));
  v.random_state = inst;
  for (const auto& e : kMethods) {
    module_set(m, e.name, Value(new BoundMethod(t->lookup(e.name), inst)));
  }
  return m;
}

}  // namespace looplab::lang
