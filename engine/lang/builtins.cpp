// The built-in namespace. [SECTION] index: Types, Helpers, Output, Numbers, Sequences,
// Introspection, Unsupported, Registration.
#include "engine/lang/builtins.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <utility>

#include "engine/lang/call.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/float_format.hpp"
#include "engine/lang/support/utf8.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

// [SECTION] Types ---------------------------------------------------------------------------------

namespace {

Type* make_type(const char* name, Type* base, Layout layout = Layout::Other) {
  auto* t = new Type(name, base, layout);
  t->incref();  // owned by the VM until teardown
  t->subclassable = false;
  return t;
}

// Objects created before their own type existed (the first dicts) get it now.
void patch_untyped(VM& v) {
  for (Obj* o = v.heap_head; o; o = o->heap_next) {
    if (o->type) continue;
    o->type = dynamic_cast<Type*>(o) ? v.t.type : v.t.dict;
    o->type->incref();
  }
}

// Names from CPython 3.11 (`type(iter([])).__name__`...).
void init_iterator_types(CoreTypes& t) {
  struct Spec {
    Type* CoreTypes::*slot;
    const char* name;
    Layout layout;
  };
  static const Spec kSpecs[] = {
      {&CoreTypes::list_iter, "list_iterator", Layout::SeqIter},
      {&CoreTypes::list_reviter, "list_reverseiterator", Layout::SeqIter},
      {&CoreTypes::tuple_iter, "tuple_iterator", Layout::SeqIter},
      {&CoreTypes::str_ascii_iter, "str_ascii_iterator", Layout::SeqIter},
      {&CoreTypes::str_iter, "str_iterator", Layout::SeqIter},
      {&CoreTypes::range_iter, "range_iterator", Layout::SeqIter},
      {&CoreTypes::dict_keyiter, "dict_keyiterator", Layout::SeqIter},
      {&CoreTypes::dict_valueiter, "dict_valueiterator", Layout::SeqIter},
      {&CoreTypes::dict_itemiter, "dict_itemiterator", Layout::SeqIter},
      {&CoreTypes::dict_revkeyiter, "dict_reversekeyiterator", Layout::SeqIter},
      {&CoreTypes::dict_revvalueiter, "dict_reversevalueiterator", Layout::SeqIter},
      {&CoreTypes::dict_revitemiter, "dict_reverseitemiterator", Layout::SeqIter},
      {&CoreTypes::set_iter, "set_iterator", Layout::SeqIter},
      {&CoreTypes::reversed, "reversed", Layout::SeqIter},
      {&CoreTypes::enumerate, "enumerate", Layout::NativeIter},
      {&CoreTypes::zip, "zip", Layout::NativeIter},
      {&CoreTypes::map, "map", Layout::NativeIter},
      {&CoreTypes::filter, "filter", Layout::NativeIter},
      {&CoreTypes::callable_iter, "callable_iterator", Layout::NativeIter},
      {&CoreTypes::getitem_iter, "iterator", Layout::NativeIter},
  };
  for (const Spec& s : kSpecs) {
    t.*s.slot = make_type(s.name, t.object, s.layout);
    t.iterators.push_back(t.*s.slot);
  }
}

}  // namespace

void init_types(VM& v) {
  CoreTypes& t = v.t;
  t.type = make_type("type", nullptr);
  t.dict = make_type("dict", nullptr);
  patch_untyped(v);
  t.object = make_type("object", nullptr, Layout::Object);
  t.object->subclassable = true;
  for (Type* x : {t.type, t.dict}) {
    x->base_ref = Value(t.object);
    x->compute_mro();
  }
  t.str = make_type("str", t.object);
  t.int_ = make_type("int", t.object);
  t.bool_ = make_type("bool", t.int_);
  t.float_ = make_type("float", t.object);
  t.none = make_type("NoneType", t.object);
  t.list = make_type("list", t.object);
  t.tuple = make_type("tuple", t.object);
  t.set = make_type("set", t.object);
  t.frozenset = make_type("frozenset", t.object);
  t.range = make_type("range", t.object);
  t.slice = make_type("slice", t.object);
  t.function = make_type("function", t.object);
  t.builtin = make_type("builtin_function_or_method", t.object);
  t.method = make_type("method", t.object);
  t.code = make_type("code", t.object);
  t.cell = make_type("cell", t.object);
  t.module = make_type("module", t.object);
  t.generator = make_type("generator", t.object);
  t.coroutine = make_type("coroutine", t.object);
  t.property = make_type("property", t.object);
  t.staticmethod = make_type("staticmethod", t.object);
  t.classmethod = make_type("classmethod", t.object);
  t.super = make_type("super", t.object);
  t.dict_keys = make_type("dict_keys", t.object);
  t.dict_values = make_type("dict_values", t.object);
  t.dict_items = make_type("dict_items", t.object);
  t.ellipsis = make_type("ellipsis", t.object);
  t.not_implemented = make_type("NotImplementedType", t.object);
  t.traceback = make_type("traceback", t.object);
  init_iterator_types(t);
  v.ellipsis = Value(new Instance(t.ellipsis));
  v.not_implemented = Value(new Instance(t.not_implemented));
}

// [SECTION] Helpers -------------------------------------------------------------------------------

namespace {

// Kept out of line so that check_args, called by every builtin, is a compare and a return.
[[noreturn, gnu::noinline, gnu::cold]] void arity_error(const Args& a, const char* fname,
                                                       size_t min, size_t max) {
  if (min == max) {
    if (min == 0) type_error(std::string(fname) + "() takes no arguments (" + std::to_string(a.n) + " given)");
    if (min == 1) {
      type_error(std::string(fname) + "() takes exactly one argument (" + std::to_string(a.n) + " given)");
    }
    type_error(std::string(fname) + " expected " + std::to_string(min) + " arguments, got " + std::to_string(a.n));
  }
  if (a.n < min) {
    type_error(std::string(fname) + " expected at least " + std::to_string(min) + " argument" +
               (min == 1 ? "" : "s") + ", got " + std::to_string(a.n));
  }
  type_error(std::string(fname) + " expected at most " + std::to_string(max) + " argument" +
             (max == 1 ? "" : "s") + ", got " + std::to_string(a.n));
}

}  // namespace

void check_args(const Args& a, const char* fname, size_t min, size_t max) {
  if (a.n < min || a.n > max) arity_error(a, fname, min, max);
}

void no_kwargs(const Args& a, const char* fname) {
  if (a.nkw() > 0) type_error(std::string(fname) + "() takes no keyword arguments");
}

void def_method(Type* t, const char* name, NativeFn fn) {
  t->d()->table.set(Value(vm().intern(name)), Value(new Builtin(name, fn)));
}

void def_function(DictObj* d, const char* name, NativeFn fn) {
  d->table.set(Value(vm().intern(name)), Value(new Builtin(name, fn)));
}

namespace {

Value none() { return Value::none(); }

// [SECTION] Output --------------------------------------------------------------------------------

Value bi_print(Args& a) {
  VM& v = vm();
  Value sep = a.kwarg("sep"), end = a.kwarg("end"), file = a.kwarg("file");
  std::string s = sep.is_null() || sep.is_none() ? " " : to_str(sep);
  std::string e = end.is_null() || end.is_none() ? "\n" : to_str(end);
  if (!sep.is_null() && !sep.is_none() && !is_str(sep)) {
    type_error(std::string("sep must be None or a string, not ") + type_name(sep));
  }
  std::string out;
  for (size_t i = 0; i < a.n; ++i) {
    if (i) out += s;
    out += to_str(a.pos[i]);
  }
  out += e;
  if (file.is_null() || file.is_none()) {
    v.write_stdout(out);
  } else {
    call_method(file, "write", {make_str(std::move(out))});
  }
  return none();
}

// [SECTION] Numbers -------------------------------------------------------------------------------

Value bi_abs(Args& a) {
  check_args(a, "abs", 1, 1);
  const Value& x = a[0];
  if (x.is_intlike()) {
    if (x.as_int() == INT64_MIN) overflow_error("integer overflow (LoopLab ints are 64-bit)");
    return Value::integer(x.as_int() < 0 ? -x.as_int() : x.as_int());
  }
  if (x.is_float()) return Value::floating(std::fabs(x.as_float()));
  Value f = lookup_special(x, "__abs__");
  if (!f.is_null()) return vm().call0(f);
  type_error(std::string("bad operand type for abs(): '") + type_name(x) + "'");
}

Value round_int(int64_t x, int64_t nd) {
  if (nd >= 0) return Value::integer(x);
  if (nd < -18) return Value::integer(0);
  int64_t p = 1;
  for (int64_t i = 0; i < -nd; ++i) p *= 10;
  int64_t q = x / p, r = x % p;
  if (r < 0) {
    r += p;
    --q;
  }
  if (2 * r > p || (2 * r == p && (q & 1))) ++q;
  return make_int_checked(static_cast<Int128>(q) * p);
}

Value bi_round(Args& a) {
  Value nd = a.n > 1 ? a[1] : a.kwarg("ndigits");
  if (a.n < 1) type_error("round() missing required argument 'number' (pos 1)");
  const Value& x = a[0];
  bool has_nd = !nd.is_null() && !nd.is_none();
  if (x.is_intlike()) return has_nd ? round_int(x.as_int(), to_index(nd)) : Value::integer(x.as_int());
  if (x.is_float()) {
    double d = x.as_float();
    if (!has_nd) {
      if (std::isnan(d)) value_error("cannot convert float NaN to integer");
      if (std::isinf(d)) overflow_error("cannot convert float infinity to integer");
      double r = support::round_half_even(d);
      if (r >= 9.2233720368547758e18 || r < -9.2233720368547758e18) {
        overflow_error("integer overflow (LoopLab ints are 64-bit)");
      }
      return Value::integer(static_cast<int64_t>(r));
    }
    auto r = support::round_to_ndigits(d, to_index(nd));
    if (!r) overflow_error("rounded value too large to represent");
    return Value::floating(*r);
  }
  Value f = lookup_special(x, "__round__");
  if (!f.is_null()) return has_nd ? vm().call1(f, nd) : vm().call0(f);
  type_error(std::string("type ") + type_name(x) + " doesn't define __round__ method");
}

// divmod(x, y) on a user class: __divmod__, then y's __rdivmod__; null when neither answers.
Value user_divmod(const Value& x, const Value& y) {
  for (auto [self, other, name] : {std::tuple{x, y, "__divmod__"}, std::tuple{y, x, "__rdivmod__"}}) {
    Value f = lookup_special(self, name);
    if (f.is_null()) continue;
    Value r = vm().call1(f, other);
    if (!r.same(vm().not_implemented)) return r;
  }
  return Value();
}

Value bi_divmod(Args& a) {
  check_args(a, "divmod", 2, 2);
  auto is_number = [](const Value& v) { return v.is_intlike() || v.is_float(); };
  if (!is_number(a[0]) || !is_number(a[1])) {
    Value r = user_divmod(a[0], a[1]);
    if (!r.is_null()) return r;
    type_error(std::string("unsupported operand type(s) for divmod(): '") + type_name(a[0]) + "' and '" +
               type_name(a[1]) + "'");
  }
  Value q = binary_op(ast::BinOpKind::FloorDiv, a[0], a[1], false);
  Value r = binary_op(ast::BinOpKind::Mod, a[0], a[1], false);
  return make_tuple({q, r});
}

// The inverse of base modulo mod (extended Euclid), as pow(base, -1, mod) needs.
Int128 mod_inverse(Int128 base, Int128 mod) {
  Int128 t = 0, next_t = 1, r = mod, next_r = base;
  while (next_r != 0) {
    Int128 q = r / next_r;
    t = std::exchange(next_t, t - q * next_t);
    r = std::exchange(next_r, r - q * next_r);
  }
  if (r > 1) value_error("base is not invertible for the given modulus");
  return t < 0 ? t + mod : t;
}

// pow(b, e, m): computed modulo |m| in 128-bit products, the sign of m given to a
// non-zero result at the end, as CPython's long_pow does.
Value modular_pow(int64_t b, int64_t e, int64_t m) {
  if (m == 0) value_error("pow() 3rd argument cannot be 0");
  Int128 mod = m < 0 ? -static_cast<Int128>(m) : static_cast<Int128>(m);
  Int128 base = b % mod;
  if (base < 0) base += mod;
  uint64_t exponent = e < 0 ? 0 - static_cast<uint64_t>(e) : static_cast<uint64_t>(e);
  if (e < 0) base = mod_inverse(base, mod);
  Int128 result = 1 % mod;
  for (; exponent > 0; exponent >>= 1) {
    if (exponent & 1) result = result * base % mod;
    base = base * base % mod;
  }
  if (m < 0 && result != 0) result -= mod;
  return Value::integer(static_cast<int64_t>(result));
}

Value bi_pow(Args& a) {
  check_args(a, "pow", 2, 3);
  if (a.n == 3 && !a[2].is_none()) {
    if (!a[0].is_intlike() || !a[1].is_intlike() || !a[2].is_intlike()) {
      type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    return modular_pow(a[0].as_int(), a[1].as_int(), a[2].as_int());
  }
  return binary_op(ast::BinOpKind::Pow, a[0], a[1], false);
}

Value fold_minmax(Args& a, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Value key = a.kwarg("key"), dflt = a.kwarg("default");
  if (a.n == 0) type_error(std::string(name) + " expected at least 1 argument, got 0");
  std::vector<Value> items;
  if (a.n == 1) {
    items = to_vector(a[0]);
  } else {
    if (!dflt.is_null()) {
      type_error(std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    }
    items.assign(a.pos, a.pos + a.n);
  }
  if (items.empty()) {
    if (!dflt.is_null()) return dflt;
    value_error(std::string(name) + "() arg is an empty sequence");
  }
  bool use_key = !key.is_null() && !key.is_none();
  Value best = items[0];
  Value best_key = use_key ? vm().call1(key, best) : best;
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = use_key ? vm().call1(key, items[i]) : items[i];
    bool better = truthy(compare(is_max ? ast::CmpOpKind::Gt : ast::CmpOpKind::Lt, k, best_key));
    if (better) {
      best = items[i];
      best_key = std::move(k);
    }
  }
  return best;
}

Value bi_max(Args& a) { return fold_minmax(a, true); }
Value bi_min(Args& a) { return fold_minmax(a, false); }

Value bi_sum(Args& a) {
  check_args(a, "sum", 1, 2);
  Value acc = a.n > 1 ? a[1] : a.kwarg("start");
  if (acc.is_null()) acc = Value::integer(0);
  if (is_str(acc)) type_error("sum() can't sum strings [use ''.join(seq) instead]");
  Value it = get_iter(a[0]);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return acc;
    if (acc.is_int() && x.is_int()) {
      int64_t r;
      if (!__builtin_add_overflow(acc.as_int(), x.as_int(), &r)) {
        acc = Value::integer(r);
        continue;
      }
    }
    acc = binary_op(ast::BinOpKind::Add, acc, x, false);
  }
}

std::string int_to_base(int64_t x, int base, const char* prefix) {
  bool neg = x < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  std::string digits;
  do {
    digits += "0123456789abcdef"[u % static_cast<uint64_t>(base)];
    u /= static_cast<uint64_t>(base);
  } while (u);
  std::reverse(digits.begin(), digits.end());
  return (neg ? "-" : "") + std::string(prefix) + digits;
}

Value bi_hex(Args& a) { check_args(a, "hex", 1, 1); return make_str(int_to_base(to_index(a[0]), 16, "0x")); }
Value bi_oct(Args& a) { check_args(a, "oct", 1, 1); return make_str(int_to_base(to_index(a[0]), 8, "0o")); }
Value bi_bin(Args& a) { check_args(a, "bin", 1, 1); return make_str(int_to_base(to_index(a[0]), 2, "0b")); }

Value bi_chr(Args& a) {
  check_args(a, "chr", 1, 1);
  int64_t c = to_index(a[0]);
  if (c < 0 || c > 0x10FFFF) value_error("chr() arg not in range(0x110000)");
  std::string s;
  support::utf8::append(s, static_cast<char32_t>(c));
  return make_str(std::move(s));
}

Value bi_ord(Args& a) {
  check_args(a, "ord", 1, 1);
  Str* s = as_str(a[0]);
  if (!s) type_error(std::string("ord() expected string of length 1, but ") + type_name(a[0]) + " found");
  if (s->ncp != 1) {
    type_error("ord() expected a character, but string of length " + std::to_string(s->ncp) + " found");
  }
  size_t pos = 0;
  return Value::integer(static_cast<int64_t>(support::utf8::decode(s->s, pos)));
}

// [SECTION] Sequences -----------------------------------------------------------------------------

Value bi_len(Args& a) {
  check_args(a, "len", 1, 1);
  return Value::integer(length(a[0]));
}

Value bi_iter(Args& a) {
  check_args(a, "iter", 1, 2);
  if (a.n == 2) {
    auto* it = new NativeIter(vm().t.callable_iter);
    it->func = a[0];
    it->items.push_back(a[1]);
    return Value(it);
  }
  return get_iter(a[0]);
}

Value bi_next(Args& a) {
  check_args(a, "next", 1, 2);
  Type* ty = a[0].type();
  const CoreTypes& t = vm().t;
  bool is_iter = ty->is_builtin_iterator() || ty == t.generator ||
                 (ty->is_heap && !ty->lookup("__next__").is_null());
  if (!is_iter) type_error(std::string("'") + ty->name + "' object is not an iterator");
  if (ty == t.generator) {
    bool returned;
    Value r = vm().gen_resume(a[0].as<Generator>(), Value::none(), Value(), returned);
    if (!returned) return r;
    if (a.n == 2) return a[1];
    std::vector<Value> args;
    if (!r.is_none()) args.push_back(std::move(r));
    return fail_value(new_exception_args(vm().hot_exc.stop_iteration, std::move(args)));
  }
  Value r = iter_next(a[0]);
  if (!r.is_null()) return r;
  if (a.n == 2) return a[1];
  return fail_value(new_exception_args(vm().hot_exc.stop_iteration, {}));
}

// CPython's timsort on fewer than 64 items is one natural run extended by binary
// insertion; doing the same makes the sequence of __lt__ calls identical.
template <class Less>
void small_timsort(std::vector<size_t>& v, Less lt) {
  size_t n = v.size();
  if (n < 2) return;
  size_t run = 2;
  if (lt(v[1], v[0])) {
    while (run < n && lt(v[run], v[run - 1])) ++run;
    std::reverse(v.begin(), v.begin() + static_cast<int64_t>(run));
  } else {
    while (run < n && !lt(v[run], v[run - 1])) ++run;
  }
  for (size_t start = run; start < n; ++start) {
    size_t pivot = v[start];
    size_t l = 0, r = start;
    while (l < r) {
      size_t p = l + ((r - l) >> 1);
      if (lt(pivot, v[p])) {
        r = p;
      } else {
        l = p + 1;
      }
    }
    for (size_t i = start; i > l; --i) v[i] = v[i - 1];
    v[l] = pivot;
  }
}

Value sort_values(std::vector<Value> items, const Value& key, bool reverse) {
  std::vector<Value> keys;
  bool use_key = !key.is_null() && !key.is_none();
  if (use_key) {
    keys.reserve(items.size());
    for (auto& x : items) keys.push_back(vm().call1(key, x));
  }
  std::vector<size_t> idx(items.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  if (reverse) std::reverse(idx.begin(), idx.end());
  const std::vector<Value>& k = use_key ? keys : items;
  auto lt = [&](size_t x, size_t y) { return sort_key_less(k[x], k[y]); };
  if (idx.size() < 64) {
    small_timsort(idx, lt);
  } else if (!sort_int_keys(idx, k)) {
    std::stable_sort(idx.begin(), idx.end(), lt);
  }
  if (reverse) std::reverse(idx.begin(), idx.end());
  std::vector<Value> out;
  out.reserve(items.size());
  for (size_t i : idx) out.push_back(items[i]);
  return make_list(std::move(out));
}

Value bi_sorted(Args& a) {
  check_args(a, "sorted", 1, 1);
  Value rev = a.kwarg("reverse");
  return sort_values(to_vector(a[0]), a.kwarg("key"), !rev.is_null() && truthy(rev));
}

Value bi_any(Args& a) {
  check_args(a, "any", 1, 1);
  Value it = get_iter(a[0]);
  for (Value x = iter_next(it); !x.is_null(); x = iter_next(it)) {
    if (truthy(x)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

Value bi_all(Args& a) {
  check_args(a, "all", 1, 1);
  Value it = get_iter(a[0]);
  for (Value x = iter_next(it); !x.is_null(); x = iter_next(it)) {
    if (!truthy(x)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

// [SECTION] Introspection -------------------------------------------------------------------------

bool isinstance_of(const Value& obj, const Value& cls, const char* fname) {
  const CoreTypes& t = vm().t;
  if (auto* tu = cls.if_type<Tuple>(t.tuple)) {
    for (const auto& c : tu->items) {
      if (isinstance_of(obj, c, fname)) return true;
    }
    return false;
  }
  auto* ty = cls.if_type<Type>(t.type);
  if (!ty) {
    type_error(std::string(fname) + "() arg 2 must be a type, a tuple of types, or a union");
  }
  return obj.type()->is_subtype(ty);
}

Value bi_isinstance(Args& a) {
  check_args(a, "isinstance", 2, 2);
  return Value::boolean(isinstance_of(a[0], a[1], "isinstance"));
}

Value bi_issubclass(Args& a) {
  check_args(a, "issubclass", 2, 2);
  auto* ty = a[0].if_type<Type>(vm().t.type);
  if (!ty) type_error("issubclass() arg 1 must be a class");
  Value probe(new Instance(vm().t.object));
  const CoreTypes& t = vm().t;
  if (auto* tu = a[1].if_type<Tuple>(t.tuple)) {
    for (const auto& c : tu->items) {
      auto* ct = c.if_type<Type>(t.type);
      if (!ct) type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
      if (ty->is_subtype(ct)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  auto* ct = a[1].if_type<Type>(t.type);
  if (!ct) type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return Value::boolean(ty->is_subtype(ct));
}

// getattr, hasattr, setattr and delattr share CPython's PyObject_GetAttr wording.
Str* attr_name(const Value& v) {
  Str* s = as_str(v);
  if (!s) type_error(std::string("attribute name must be string, not '") + type_name(v) + "'");
  return vm().intern(s->s);
}

Value bi_getattr(Args& a) {
  check_args(a, "getattr", 2, 3);
  Str* n = attr_name(a[1]);
  if (a.n == 3) {
    try {
      Value r = get_attr_opt(a[0], n);
      return r.is_null() ? a[2] : r;
    } catch (PyException& e) {
      if (exc_matches(e.exc, "AttributeError")) return a[2];
      throw;
    }
  }
  return get_attr(a[0], n);
}

Value bi_hasattr(Args& a) {
  check_args(a, "hasattr", 2, 2);
  try {
    return Value::boolean(!get_attr_opt(a[0], attr_name(a[1])).is_null());
  } catch (PyException& e) {
    if (exc_matches(e.exc, "AttributeError")) return Value::boolean(false);
    throw;
  }
}

Value bi_setattr(Args& a) {
  check_args(a, "setattr", 3, 3);
  set_attr(a[0], attr_name(a[1]), a[2]);
  return none();
}

Value bi_delattr(Args& a) {
  check_args(a, "delattr", 2, 2);
  del_attr(a[0], attr_name(a[1]));
  return none();
}

Value bi_repr(Args& a) { check_args(a, "repr", 1, 1); return repr_value(a[0]); }
Value bi_ascii(Args& a) { check_args(a, "ascii", 1, 1); return make_str(ascii_repr(a[0])); }

void dict_names(const Value& d, std::set<std::string>& out) {
  if (d.is_null()) return;
  for (const auto& e : d.as<DictObj>()->table.entries()) {
    if (!e.key.is_null() && is_str(e.key)) out.insert(e.key.as<Str>()->s);
  }
}

Value bi_dir(Args& a) {
  check_args(a, "dir", 0, 1);
  std::set<std::string> names;
  if (a.n == 0) {
    dict_names(Value(vm().frame->globals), names);
  } else if (auto* m = a[0].if_type<Module>(vm().t.module)) {
    dict_names(m->dict, names);
  } else {
    Type* t = a[0].if_type<Type>(vm().t.type) ? a[0].as<Type>() : a[0].type();
    for (Type* m : t->mro) dict_names(m->dict, names);
    if (a[0].is_obj() && (a[0].type()->is_heap || a[0].type()->layout == Layout::Exception) &&
        !a[0].if_type<Type>(vm().t.type)) {
      dict_names(Value(static_cast<Instance*>(a[0].obj())->ensure_dict()), names);
    }
    names.insert("__class__");
  }
  std::vector<Value> out;
  for (const auto& n : names) out.push_back(make_str(n));
  return make_list(std::move(out));
}
Value bi_id(Args& a) { check_args(a, "id", 1, 1); return Value::integer(object_id(a[0])); }
Value bi_hash(Args& a) { check_args(a, "hash", 1, 1); return Value::integer(hash_value(a[0])); }

Value bi_callable(Args& a) {
  check_args(a, "callable", 1, 1);
  const CoreTypes& t = vm().t;
  Type* ty = a[0].type();
  bool c = ty == t.function || ty == t.builtin || ty == t.method || ty == t.type ||
           !ty->lookup("__call__").is_null();
  return Value::boolean(c);
}

Value bi_format(Args& a) {
  check_args(a, "format", 1, 2);
  std::string spec = a.n > 1 ? to_str(a[1]) : "";
  return make_str(format_value(a[0], spec));
}

Value bi_vars(Args& a) {
  check_args(a, "vars", 1, 1);
  Value d = get_attr_opt(a[0], vm().intern("__dict__"));
  if (d.is_null()) type_error("vars() argument must have __dict__ attribute");
  return d;
}

Value bi_build_class(Args& a) { return build_class(a); }

// [SECTION] Unsupported ---------------------------------------------------------------------------

Value bi_open(Args&) { not_supported("open()"); }
Value bi_eval(Args&) { not_supported("eval()"); }
Value bi_exec(Args&) { not_supported("exec()"); }
Value bi_compile(Args&) { not_supported("compile()"); }
Value bi_input(Args&) { not_supported("input()"); }
Value bi_import(Args&) { not_supported("__import__()"); }
Value bi_globals(Args&) { return Value(vm().frame->globals); }

}  // namespace

// [SECTION] Registration --------------------------------------------------------------------------

void init_builtins(VM& v) {
  v.builtins = make_dict();
  DictObj* d = v.builtins_dict();
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static const Entry kFunctions[] = {
      {"print", bi_print},       {"abs", bi_abs},           {"round", bi_round},
      {"divmod", bi_divmod},     {"pow", bi_pow},           {"max", bi_max},
      {"min", bi_min},           {"sum", bi_sum},           {"hex", bi_hex},
      {"oct", bi_oct},           {"bin", bi_bin},           {"chr", bi_chr},
      {"ord", bi_ord},           {"len", bi_len},           {"iter", bi_iter},
      {"next", bi_next},         {"sorted", bi_sorted},     {"any", bi_any},
      {"all", bi_all},           {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass},
      {"getattr", bi_getattr},   {"hasattr", bi_hasattr},   {"setattr", bi_setattr},
      {"delattr", bi_delattr},   {"repr", bi_repr},         {"ascii", bi_ascii},
      {"id", bi_id},             {"hash", bi_hash},         {"callable", bi_callable},
      {"format", bi_format},     {"vars", bi_vars},         {"open", bi_open},
      {"eval", bi_eval},         {"exec", bi_exec},         {"compile", bi_compile},
      {"input", bi_input},       {"__import__", bi_import}, {"globals", bi_globals},
      {"dir", bi_dir},
  };
  for (const auto& e : kFunctions) def_function(d, e.name, e.fn);
  v.build_class_fn = Value(new Builtin("__build_class__", bi_build_class));
  const CoreTypes& t = v.t;
  for (Type* ty : {t.object, t.type, t.int_, t.bool_, t.float_, t.str, t.list, t.tuple, t.dict,
                   t.set, t.frozenset, t.range, t.slice, t.property, t.staticmethod,
                   t.classmethod, t.super, t.enumerate, t.zip, t.map, t.filter, t.reversed}) {
    d->table.set(Value(v.intern(ty->name)), Value(ty));
  }
  d->table.set(Value(v.intern("Ellipsis")), v.ellipsis);
  d->table.set(Value(v.intern("NotImplemented")), v.not_implemented);
  d->table.set(Value(v.intern("__name__")), v.str("builtins"));
  init_object_methods(v);
  init_str_methods(v);
  init_list_methods(v);
  init_dict_methods(v);
  init_set_methods(v);
  init_exceptions(v);
  init_modules(v);
}

Value sorted_list(std::vector<Value> items, const Value& key, bool reverse) {
  return sort_values(std::move(items), key, reverse);
}

}  // namespace looplab::lang
