// Constructors of the built-in types, the methods of object / int / float / generator /
// property / super, and the exception hierarchy.
#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "engine/lang/builtins.hpp"
#include "engine/lang/call.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

// [SECTION] Numbers -------------------------------------------------------------------------------

std::string strip_ws(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\n\r\f\v");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\n\r\f\v");
  return std::string(s.substr(a, b - a + 1));
}

Value bad_int_literal(const Value& s, int64_t base) {
  return fail(vm().hot_exc.value_error,
              "invalid literal for int() with base " + std::to_string(base) + ": " + repr(s));
}

// The int, or fail()'s sentinel: int("x") in a try is common enough to skip the throw.
Value parse_int(const Value& sv, int64_t base) {
  std::string s = strip_ws(str_view(sv));
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  auto prefixed = [&](char lo) { return i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == lo; };
  if ((base == 16 || base == 0) && prefixed('x')) base = 16, i += 2;
  else if ((base == 8 || base == 0) && prefixed('o')) base = 8, i += 2;
  else if ((base == 2 || base == 0) && prefixed('b')) base = 2, i += 2;
  int64_t shown = base == 0 ? 10 : base;
  if (base == 0) base = 10;
  if (i >= s.size()) return bad_int_literal(sv, shown);
  Int128 v = 0;
  bool last_digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' && last_digit && i + 1 < s.size()) {
      last_digit = false;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return bad_int_literal(sv, shown);
    v = v * base + d;
    if (v > (static_cast<Int128>(1) << 64)) overflow_error("integer overflow (LoopLab ints are 64-bit)");
    last_digit = true;
  }
  if (!last_digit) return bad_int_literal(sv, shown);
  return make_int_checked(neg ? -v : v);
}

Value int_ctor(Args& a) {
  check_args(a, "int", 0, 2);
  Value base = a.n > 1 ? a[1] : a.kwarg("base");
  if (a.n == 0) return Value::integer(0);
  const Value& x = a[0];
  if (!base.is_null()) {
    if (!is_str(x)) type_error("int() can't convert non-string with explicit base");
    int64_t b = to_index(base);
    if (b != 0 && (b < 2 || b > 36)) value_error("int() base must be >= 2 and <= 36, or 0");
    return parse_int(x, b);
  }
  if (x.is_intlike()) return Value::integer(x.as_int());
  if (x.is_float()) {
    double d = x.as_float();
    if (std::isnan(d)) value_error("cannot convert float NaN to integer");
    if (std::isinf(d)) overflow_error("cannot convert float infinity to integer");
    double t = std::trunc(d);
    if (t >= 9.2233720368547758e18 || t < -9.2233720368547758e18) {
      overflow_error("integer overflow (LoopLab ints are 64-bit)");
    }
    return Value::integer(static_cast<int64_t>(t));
  }
  if (is_str(x)) return parse_int(x, 10);
  for (const char* m : {"__int__", "__index__", "__trunc__"}) {
    Value f = lookup_special(x, m);
    if (!f.is_null()) return vm().call0(f);
  }
  type_error(std::string("int() argument must be a string, a bytes-like object or a real number, not '") +
             type_name(x) + "'");
}

Value float_ctor(Args& a) {
  check_args(a, "float", 0, 1);
  if (a.n == 0) return Value::floating(0.0);
  const Value& x = a[0];
  if (x.is_float()) return x;
  if (x.is_intlike()) return Value::floating(static_cast<double>(x.as_int()));
  if (is_str(x)) {
    std::string s = strip_ws(str_view(x));
    std::string clean;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '_' && i > 0 && i + 1 < s.size() && isdigit(s[i - 1]) && isdigit(s[i + 1])) continue;
      clean += s[i];
    }
    std::string low;
    for (char c : clean) low += static_cast<char>(c | 0x20);
    std::string body = low.size() && (low[0] == '+' || low[0] == '-') ? low.substr(1) : low;
    double sign = low.size() && low[0] == '-' ? -1.0 : 1.0;
    if (body == "inf" || body == "infinity") return Value::floating(sign * INFINITY);
    if (body == "nan") return Value::floating(NAN);
    char* end = nullptr;
    bool ok = !clean.empty() && body.find_first_of("x") == std::string::npos;
    double d = ok ? std::strtod(clean.c_str(), &end) : 0.0;
    if (!ok || end != clean.c_str() + clean.size()) {
      return fail(vm().hot_exc.value_error, "could not convert string to float: " + repr(x));
    }
    return Value::floating(d);
  }
  Value f = lookup_special(x, "__float__");
  if (!f.is_null()) return vm().call0(f);
  type_error(std::string("float() argument must be a string or a real number, not '") + type_name(x) + "'");
}

Value bool_ctor(Args& a) {
  check_args(a, "bool", 0, 1);
  return Value::boolean(a.n == 1 && truthy(a[0]));
}

Value str_ctor(Args& a) {
  check_args(a, "str", 0, 1);
  return a.n == 0 ? make_str("") : str_value(a[0]);
}

Value int_bit_length(Args& a) {
  int64_t x = a[0].as_int();
  uint64_t u = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  int n = 0;
  while (u) {
    ++n;
    u >>= 1;
  }
  return Value::integer(n);
}

Value int_bit_count(Args& a) {
  int64_t x = a[0].as_int();
  uint64_t u = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  return Value::integer(std::popcount(u));
}

// float.hex(): one hex digit before the point, always 13 after (53 bits), and the
// exponent of 2 with its sign; subnormals keep the minimum exponent, as CPython's.
Value float_hex(Args& a) {
  double x = a[0].as_float();
  if (std::isnan(x)) return make_str("nan");
  if (std::isinf(x)) return make_str(x < 0 ? "-inf" : "inf");
  std::string out = std::signbit(x) ? "-0x" : "0x";
  if (x == 0.0) return make_str(out + "0.0p+0");
  int e = 0;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  const char* digits = "0123456789abcdef";
  int lead = static_cast<int>(m);
  out += digits[lead];
  out += '.';
  m -= lead;
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int d = static_cast<int>(m);
    out += digits[d];
    m -= d;
  }
  return make_str(out + "p" + (e < 0 ? "-" : "+") + std::to_string(std::abs(e)));
}

// float.fromhex(s): the grammar is checked here; strtod, which rounds hex input
// correctly, does the conversion ("0x" is optional in Python, not in C).
Value float_fromhex(Args& a) {
  check_args(a, "fromhex", 2, 2);
  if (!is_str(a[1])) type_error(std::string("must be str, not ") + type_name(a[1]));
  std::string s = strip_ws(str_view(a[1]));
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t i = lower[0] == '+' || lower[0] == '-' ? 1 : 0;
  std::string_view body = std::string_view(lower).substr(std::min(i, lower.size()));
  if (body == "inf" || body == "infinity" || body == "nan") {
    double special = body == "nan" ? NAN : INFINITY;
    return Value::floating(i == 1 && lower[0] == '-' ? -special : special);
  }
  if (body.substr(0, 2) == "0x") i += 2;
  size_t start = i, digits = 0;
  while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) ++i, ++digits;
  if (i < lower.size() && lower[i] == '.') {
    ++i;
    while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) ++i, ++digits;
  }
  bool valid = digits > 0;
  if (valid && i < lower.size() && lower[i] == 'p') {
    ++i;
    if (i < lower.size() && (lower[i] == '+' || lower[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]))) ++i, ++exp_digits;
    valid = exp_digits > 0;
  }
  if (!valid || i != lower.size()) value_error("invalid hexadecimal floating-point string");
  std::string sign = lower.substr(0, lower[0] == '+' || lower[0] == '-' ? 1 : 0);
  std::string c_input = sign + "0x" + lower.substr(start);
  errno = 0;
  double d = std::strtod(c_input.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(d)) overflow_error("hexadecimal value too large to represent as a float");
  return Value::floating(d);
}

// int.__add__(x, y) and friends, for code that names the slot: NotImplemented unless
// both operands are of the method's own kind (an int's methods do not take floats).
template <ast::BinOpKind Op, bool FloatSlot>
Value number_dunder(Args& a) {
  check_args(a, "number method", 2, 2);
  auto accepted = [](const Value& x) { return x.is_intlike() || (FloatSlot && x.is_float()); };
  if (!accepted(a[1])) return vm().not_implemented;
  return binary_op(Op, a[0], a[1], false);
}

template <bool FloatSlot>
void def_number_dunders(Type* t) {
  using K = ast::BinOpKind;
  def_method(t, "__add__", number_dunder<K::Add, FloatSlot>);
  def_method(t, "__sub__", number_dunder<K::Sub, FloatSlot>);
  def_method(t, "__mul__", number_dunder<K::Mult, FloatSlot>);
  def_method(t, "__truediv__", number_dunder<K::Div, FloatSlot>);
  def_method(t, "__floordiv__", number_dunder<K::FloorDiv, FloatSlot>);
  def_method(t, "__mod__", number_dunder<K::Mod, FloatSlot>);
  def_method(t, "__pow__", number_dunder<K::Pow, FloatSlot>);
}

Value float_is_integer(Args& a) {
  double d = a[0].as_float();
  return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

Value float_as_integer_ratio(Args& a) {
  double d = a[0].as_float();
  if (!std::isfinite(d)) overflow_error("cannot convert Infinity to integer ratio");
  int exp;
  double m = std::frexp(d, &exp);
  int64_t den = 1;
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --exp;
  }
  int64_t num = static_cast<int64_t>(m);
  // |m| < 2**53 here, so the shifts stay in range exactly when these bounds hold.
  if (exp > 10 || exp < -62) overflow_error("integer overflow (LoopLab ints are 64-bit)");
  if (exp > 0) num *= int64_t{1} << exp;
  else den <<= -exp;
  return make_tuple({Value::integer(num), Value::integer(den)});
}

// [SECTION] Containers and iterators ----------------------------------------------------------------

Value range_ctor(Args& a) {
  check_args(a, "range", 1, 3);
  no_kwargs(a, "range");
  int64_t start = 0, stop, step = 1;
  if (a.n == 1) {
    stop = to_index(a[0]);
  } else {
    start = to_index(a[0]);
    stop = to_index(a[1]);
    if (a.n == 3) step = to_index(a[2]);
  }
  if (step == 0) value_error("range() arg 3 must not be zero");
  // Range's length and indexing work in int64: a non-empty range whose span (or step)
  // int64 cannot hold is refused here, where the program can see why.
  Int128 span = static_cast<Int128>(stop) - start;
  if ((step > 0 && span > INT64_MAX) || (step < 0 && span < 0 && (span < -INT64_MAX || step == INT64_MIN))) {
    overflow_error("integer overflow (LoopLab ints are 64-bit)");
  }
  return Value(new Range(start, stop, step));
}

Value slice_ctor(Args& a) {
  check_args(a, "slice", 1, 3);
  if (a.n == 1) return Value(new Slice(Value::none(), a[0], Value::none()));
  return Value(new Slice(a[0], a[1], a.n == 3 ? a[2] : Value::none()));
}

Value enumerate_ctor(Args& a) {
  Value start = a.n > 1 ? a[1] : a.kwarg("start");
  if (a.n < 1) type_error("enumerate() missing required argument 'iterable' (pos 1)");
  auto* it = new NativeIter(vm().t.enumerate);
  Value out(it);
  it->items.push_back(get_iter(a[0]));
  it->count = start.is_null() ? 0 : to_index(start);
  return out;
}

Value zip_ctor(Args& a) {
  auto* it = new NativeIter(vm().t.zip);
  Value out(it);
  Value strict = a.kwarg("strict");
  it->strict = !strict.is_null() && truthy(strict);
  for (size_t i = 0; i < a.n; ++i) it->items.push_back(get_iter(a[i]));
  return out;
}

Value map_ctor(Args& a) {
  if (a.n < 2) type_error("map() must have at least two arguments.");
  auto* it = new NativeIter(vm().t.map);
  Value out(it);
  it->func = a[0];
  for (size_t i = 1; i < a.n; ++i) it->items.push_back(get_iter(a[i]));
  return out;
}

Value filter_ctor(Args& a) {
  check_args(a, "filter", 2, 2);
  auto* it = new NativeIter(vm().t.filter);
  Value out(it);
  it->func = a[0];
  it->items.push_back(get_iter(a[1]));
  return out;
}

// The type CPython's reversed(x) has when x is a built-in container without its own
// reverse iterator in LoopLab (a copy of the items is walked backwards).
Type* reversed_copy_type(const Type* ty) {
  const CoreTypes& t = vm().t;
  if (ty == t.dict || ty == t.dict_keys) return t.dict_revkeyiter;
  if (ty == t.dict_values) return t.dict_revvalueiter;
  if (ty == t.dict_items) return t.dict_revitemiter;
  return t.reversed;
}

Value reversed_ctor(Args& a) {
  check_args(a, "reversed", 1, 1);
  const CoreTypes& t = vm().t;
  const Value& x = a[0];
  if (x.type() == t.list || x.type() == t.tuple) {
    int64_t n = length(x);
    return Value(new SeqIter(x.type() == t.list ? t.list_reviter : t.reversed, IterKind::Reversed, x, n - 1));
  }
  if (x.type() == t.range) {
    auto* r = x.as<Range>();
    int64_t n = r->length();
    int64_t last = r->start + (n - 1) * r->step;
    auto* rr = new Range(last, last - n * r->step, -r->step);
    Value hold(rr);
    return get_iter(hold);
  }
  Value f = lookup_special(x, "__reversed__");
  if (!f.is_null()) return vm().call0(f);
  if (x.type() == t.str || x.type() == t.dict || x.type() == t.dict_keys || x.type() == t.dict_values ||
      x.type() == t.dict_items) {
    std::vector<Value> items = to_vector(x);
    Value l = make_list(std::move(items));
    return Value(new SeqIter(reversed_copy_type(x.type()), IterKind::Reversed, l, length(l) - 1));
  }
  if (!lookup_special(x, "__getitem__").is_null()) {
    int64_t n = length(x);  // as CPython: a sequence without __len__ is not reversible
    return Value(new SeqIter(t.reversed, IterKind::ReversedGetItem, x, n - 1));
  }
  type_error(std::string("'") + type_name(x) + "' object is not reversible");
}

// type(name, bases, dict): the class a `class` statement with that body would make
// (one base at most, as LoopLab's classes have), its namespace a copy of `dict`.
Value new_type(Args& a) {
  VM& v = vm();
  if (!is_str(a[0])) type_error(std::string("type.__new__() argument 1 must be str, not ") + type_name(a[0]));
  auto* bases = a[1].if_type<Tuple>(v.t.tuple);
  if (!bases) type_error(std::string("type.__new__() argument 2 must be tuple, not ") + type_name(a[1]));
  auto* source = a[2].if_type<DictObj>(v.t.dict);
  if (!source) type_error(std::string("type.__new__() argument 3 must be dict, not ") + type_name(a[2]));
  if (bases->items.size() > 1) not_supported("multiple inheritance");
  Type* base = v.t.object;
  if (!bases->items.empty()) {
    base = bases->items[0].if_type<Type>(v.t.type);
    if (!base) type_error("bases must be types");
    if (!base->subclassable) not_supported("subclassing '" + base->name + "'");
  }
  auto* ns = new DictObj();
  Value ns_hold(ns);
  for (const auto& e : source->table.entries()) {
    if (!e.key.is_null()) ns->table.set(e.key, e.value, e.hash);
  }
  Str* module_key = v.intern("__module__");
  if (!ns->table.find_str(module_key)) ns->table.set(Value(module_key), make_str("__main__"));
  if (ns->table.find_str(v.intern("__eq__")) && !ns->table.find_str(v.intern("__hash__"))) {
    ns->table.set(Value(v.intern("__hash__")), Value::none());
  }
  auto* cls = new Type(std::string(str_view(a[0])), base, base->layout);
  Value out(cls);
  cls->is_heap = true;
  cls->dict = ns_hold;
  cls->module = to_str(*ns->table.find_str(module_key));
  cls->has_del = !cls->lookup("__del__").is_null();
  return out;
}

Value type_ctor(Args& a) {
  if (a.n == 1) return Value(a[0].type());
  if (a.n == 3) return new_type(a);
  type_error("type() takes 1 or 3 arguments");
}

Value object_ctor(Args& a) {
  if (a.n > 0) type_error("object() takes no arguments");
  return Value(new Instance(vm().t.object));
}

// type(None)(), type(...)() and type(NotImplemented)() return their singleton.
Value singleton(const Args& a, const char* type_name, Value only) {
  if (a.n > 0 || a.nkw() > 0) type_error(std::string(type_name) + " takes no arguments");
  return only;
}
Value none_ctor(Args& a) { return singleton(a, "NoneType", Value::none()); }
Value ellipsis_ctor(Args& a) { return singleton(a, "EllipsisType", vm().ellipsis); }
Value not_implemented_ctor(Args& a) {
  return singleton(a, "NotImplementedType", vm().not_implemented);
}

// [SECTION] Descriptors ---------------------------------------------------------------------------

Value property_ctor(Args& a) {
  auto* p = new Property();
  Value out(p);
  auto pick = [&](size_t i, const char* kw) {
    Value v = i < a.n ? a[i] : a.kwarg(kw);
    return v.is_null() || v.is_none() ? Value() : v;
  };
  p->fget = pick(0, "fget");
  p->fset = pick(1, "fset");
  p->fdel = pick(2, "fdel");
  p->doc = pick(3, "doc");
  return out;
}

Value property_copy(const Value& self, int which, const Value& f) {
  auto* src = self.as<Property>();
  auto* p = new Property();
  Value out(p);
  p->fget = which == 0 ? f : src->fget;
  p->fset = which == 1 ? f : src->fset;
  p->fdel = which == 2 ? f : src->fdel;
  p->doc = src->doc;
  return out;
}

Value property_getter(Args& a) { check_args(a, "getter", 2, 2); return property_copy(a[0], 0, a[1]); }
Value property_setter(Args& a) { check_args(a, "setter", 2, 2); return property_copy(a[0], 1, a[1]); }
Value property_deleter(Args& a) { check_args(a, "deleter", 2, 2); return property_copy(a[0], 2, a[1]); }

Value staticmethod_ctor(Args& a) {
  check_args(a, "staticmethod", 1, 1);
  return Value(new MethodWrapper(vm().t.staticmethod, a[0]));
}

Value classmethod_ctor(Args& a) {
  check_args(a, "classmethod", 1, 1);
  return Value(new MethodWrapper(vm().t.classmethod, a[0]));
}

// super() without arguments reads the calling frame's first argument and __class__ cell.
Value super_ctor(Args& a) {
  VM& v = vm();
  if (a.n == 2) {
    auto* t = a[0].if_type<Type>(v.t.type);
    if (!t) type_error("super() argument 1 must be a type");
    return Value(new Super(t, a[1]));
  }
  Frame* f = v.frame;
  if (!f || f->code->argcount == 0) raise("RuntimeError", "super(): no arguments");
  Value self = f->slots[0];
  Code* c = f->code;
  for (size_t i = 0; i < c->cellnames.size(); ++i) {
    if (c->cell2arg[i] == 0) self = f->cells()[i].as<Cell>()->value;
  }
  for (size_t i = 0; i < c->freenames.size(); ++i) {
    if (c->freenames[i].as<Str>()->s != "__class__") continue;
    Value cls = f->cells()[c->cellnames.size() + i].as<Cell>()->value;
    auto* t = cls.if_type<Type>(v.t.type);
    if (!t) raise("RuntimeError", "super(): empty __class__ cell");
    return Value(new Super(t, self));
  }
  raise("RuntimeError", "super(): __class__ cell not found");
}

// [SECTION] object --------------------------------------------------------------------------------

Value object_init(Args&) { return Value::none(); }

Value object_new(Args& a) {
  if (a.n < 1) type_error("object.__new__(): not enough arguments");
  auto* t = a[0].if_type<Type>(vm().t.type);
  if (!t) type_error("object.__new__(X): X is not a type object");
  if (t->layout == Layout::Exception) {
    auto* e = new ExcObj(t);
    Value out(e);
    e->args = make_tuple(std::vector<Value>(a.pos + 1, a.pos + a.n));
    return out;
  }
  return Value(new Instance(t));
}

Value object_repr(Args& a) {
  Type* t = a[0].type();
  std::string tn = t->module == "builtins" ? t->name : t->module + "." + t->name;
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(object_id(a[0])));
  return make_str("<" + tn + " object at " + buf + ">");
}

Value object_str(Args& a) { return repr_value(a[0]); }
Value object_eq(Args& a) { return a[0].same(a[1]) ? Value::boolean(true) : vm().not_implemented; }
Value object_ne(Args& a) { return a[0].same(a[1]) ? Value::boolean(false) : vm().not_implemented; }
Value object_hash(Args& a) { return Value::integer(static_cast<int64_t>(a[0].obj()->serial)); }
Value object_setattr(Args& a) {
  set_attr(a[0], vm().intern(str_view(a[1])), a[2]);
  return Value::none();
}
Value object_getattribute(Args& a) { return get_attr(a[0], vm().intern(str_view(a[1]))); }

// [SECTION] Generators ----------------------------------------------------------------------------

Generator* self_gen(const Args& a) { return a[0].as<Generator>(); }

Value finish_send(Value r, bool returned) {
  if (!returned) return r;
  stop_iteration(r.is_none() ? Value() : r);
}

Value gen_send(Args& a) {
  check_args(a, "send", 2, 2);
  bool returned;
  Value r = vm().gen_resume(self_gen(a), a[1], Value(), returned);
  return finish_send(std::move(r), returned);
}

Value gen_next(Args& a) {
  bool returned;
  Value r = vm().gen_resume(self_gen(a), Value::none(), Value(), returned);
  return finish_send(std::move(r), returned);
}

Value make_thrown(const Value& typ, const Value& val) {
  VM& v = vm();
  Type* base = v.exc_type("BaseException");
  if (auto* t = typ.if_type<Type>(v.t.type); t && t->is_subtype(base)) {
    if (!val.is_null() && !val.is_none()) {
      if (val.is_obj() && val.type()->is_subtype(t)) return val;
      return v.call1(typ, val);
    }
    return v.call0(typ);
  }
  if (typ.is_obj() && typ.type()->is_subtype(base)) return typ;
  type_error("exceptions must be classes or instances deriving from BaseException, not " +
             std::string(type_name(typ)));
}

Value gen_throw(Args& a) {
  check_args(a, "throw", 2, 4);
  Value exc = make_thrown(a[1], a.n > 2 ? a[2] : Value());
  bool returned;
  Value r = vm().gen_resume(self_gen(a), Value::none(), exc, returned);
  return finish_send(std::move(r), returned);
}

Value gen_close(Args& a) {
  Generator* g = self_gen(a);
  if (!g->frame) return Value::none();
  if (!g->started) {
    Frame::destroy(g->frame);
    g->frame = nullptr;
    return Value::none();
  }
  VM& v = vm();
  try {
    bool returned;
    v.gen_resume(g, Value::none(), new_exception(v.exc_type("GeneratorExit"), ""), returned);
    if (!returned) raise("RuntimeError", "generator ignored GeneratorExit");
  } catch (PyException& e) {
    if (!exc_matches(e.exc, "GeneratorExit") && !exc_matches(e.exc, "StopIteration")) throw;
  }
  return Value::none();
}

Value iter_self(Args& a) { return a[0]; }
Value iter_next_method(Args& a) {
  Value r = iter_next(a[0]);
  if (r.is_null()) stop_iteration(Value());
  return r;
}

}  // namespace

Value gen_close_value(const Value& gen) {
  Value self = gen;
  Args a{&self, 1, nullptr, nullptr};
  return gen_close(a);
}

static Value range_index(Args& a) {
  check_args(a, "index", 2, 2);
  auto* r = a[0].as<Range>();
  if (a[1].is_intlike() && contains(a[0], a[1])) return Value::integer((a[1].as_int() - r->start) / r->step);
  value_error(repr(a[1]) + " is not in range");
}

static Value range_count(Args& a) {
  check_args(a, "count", 2, 2);
  return Value::integer(contains(a[0], a[1]) ? 1 : 0);
}

static Value slice_indices_method(Args& a) {
  check_args(a, "indices", 2, 2);
  int64_t len = to_index(a[1]);
  if (len < 0) value_error("length should not be negative");
  int64_t start, stop, step;
  slice_indices(a[0].as<Slice>(), len, start, stop, step);
  return make_tuple({Value::integer(start), Value::integer(stop), Value::integer(step)});
}

static void init_range_slice(VM& v) {
  def_method(v.t.range, "index", range_index);
  def_method(v.t.range, "count", range_count);
  def_method(v.t.slice, "indices", slice_indices_method);
}

void init_object_methods(VM& v) {
  init_range_slice(v);
  CoreTypes& t = v.t;
  t.int_->ctor = int_ctor;
  t.bool_->ctor = bool_ctor;
  t.float_->ctor = float_ctor;
  t.str->ctor = str_ctor;
  t.range->ctor = range_ctor;
  t.slice->ctor = slice_ctor;
  t.enumerate->ctor = enumerate_ctor;
  t.zip->ctor = zip_ctor;
  t.map->ctor = map_ctor;
  t.filter->ctor = filter_ctor;
  t.reversed->ctor = reversed_ctor;
  t.type->ctor = type_ctor;
  t.object->ctor = object_ctor;
  t.none->ctor = none_ctor;
  t.ellipsis->ctor = ellipsis_ctor;
  t.not_implemented->ctor = not_implemented_ctor;
  t.property->ctor = property_ctor;
  t.staticmethod->ctor = staticmethod_ctor;
  t.classmethod->ctor = classmethod_ctor;
  t.super->ctor = super_ctor;
  def_method(t.object, "__init__", object_init);
  def_method(t.object, "__new__", object_new);
  def_method(t.object, "__repr__", object_repr);
  def_method(t.object, "__str__", object_str);
  def_method(t.object, "__eq__", object_eq);
  def_method(t.object, "__ne__", object_ne);
  def_method(t.object, "__hash__", object_hash);
  def_method(t.object, "__setattr__", object_setattr);
  def_method(t.object, "__getattribute__", object_getattribute);
  Value new_fn = t.object->lookup("__new__");
  t.object->d()->table.set(Value(v.intern("__new__")), Value(new MethodWrapper(t.staticmethod, new_fn)));
  def_method(t.int_, "bit_length", int_bit_length);
  def_method(t.int_, "bit_count", int_bit_count);
  def_number_dunders<false>(t.int_);
  def_number_dunders<true>(t.float_);
  def_method(t.float_, "hex", float_hex);
  Value fromhex(new Builtin("fromhex", float_fromhex));
  t.float_->d()->table.set(Value(v.intern("fromhex")), Value(new MethodWrapper(t.classmethod, fromhex)));
  def_method(t.float_, "is_integer", float_is_integer);
  def_method(t.float_, "as_integer_ratio", float_as_integer_ratio);
  def_method(t.generator, "send", gen_send);
  def_method(t.generator, "throw", gen_throw);
  def_method(t.generator, "close", gen_close);
  init_coroutine_types();
  def_method(t.generator, "__next__", gen_next);
  def_method(t.generator, "__iter__", iter_self);
  for (Type* it : t.iterators) {
    def_method(it, "__next__", iter_next_method);
    def_method(it, "__iter__", iter_self);
  }
  def_method(t.property, "getter", property_getter);
  def_method(t.property, "setter", property_setter);
  def_method(t.property, "deleter", property_deleter);
}

}  // namespace looplab::lang
