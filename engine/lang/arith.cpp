// The abstract protocol, part 3: arithmetic on numbers, sequences, sets and user classes.
#include <cmath>
#include <deque>

#include "engine/lang/ops.hpp"
#include "engine/lang/support/percent_format.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

using ast::BinOpKind;

namespace {

const char* const kDunder[] = {"__add__",    "__sub__",    "__mul__", "__matmul__", "__truediv__",
                               "__mod__",    "__pow__",    "__lshift__", "__rshift__", "__or__",
                               "__xor__",    "__and__",    "__floordiv__"};
const char* const kRDunder[] = {"__radd__",    "__rsub__",    "__rmul__", "__rmatmul__", "__rtruediv__",
                                "__rmod__",    "__rpow__",    "__rlshift__", "__rrshift__", "__ror__",
                                "__rxor__",    "__rand__",    "__rfloordiv__"};
const char* const kIDunder[] = {"__iadd__",    "__isub__",    "__imul__", "__imatmul__", "__itruediv__",
                                "__imod__",    "__ipow__",    "__ilshift__", "__irshift__", "__ior__",
                                "__ixor__",    "__iand__",    "__ifloordiv__"};

[[noreturn]] void int_overflow() { overflow_error("integer overflow (LoopLab ints are 64-bit)"); }

int64_t floor_div(int64_t x, int64_t y) {
  if (y == 0) zero_division("integer division or modulo by zero");
  if (x == INT64_MIN && y == -1) int_overflow();
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}

int64_t floor_mod(int64_t x, int64_t y) {
  if (y == 0) zero_division("integer modulo by zero");
  if (y == -1) return 0;
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}

double float_mod(double x, double y) {
  if (y == 0.0) zero_division("float modulo");
  double m = std::fmod(x, y);
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return m;
}

double float_floordiv(double x, double y) {
  if (y == 0.0) zero_division("float floor division by zero");
  double m = std::fmod(x, y);
  double div = (x - m) / y;
  if (m != 0.0 && ((y < 0) != (m < 0))) div -= 1.0;
  if (div == 0.0) return std::copysign(0.0, x / y);
  double f = std::floor(div);
  if (div - f > 0.5) f += 1.0;
  return f;
}

Value float_pow(double x, double y) {
  if (x == 0.0 && y < 0.0) zero_division("0.0 cannot be raised to a negative power");
  if (x < 0.0 && y != std::floor(y) && std::isfinite(y)) not_supported("complex numbers");
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
    raise("OverflowError", "(34, 'Numerical result out of range')");
  }
  return Value::floating(r);
}

Value int_arith(BinOpKind op, int64_t x, int64_t y) {
  int64_t r;
  switch (op) {
    case BinOpKind::Add: if (__builtin_add_overflow(x, y, &r)) int_overflow(); return Value::integer(r);
    case BinOpKind::Sub: if (__builtin_sub_overflow(x, y, &r)) int_overflow(); return Value::integer(r);
    case BinOpKind::Mult: if (__builtin_mul_overflow(x, y, &r)) int_overflow(); return Value::integer(r);
    case BinOpKind::Div:
      if (y == 0) zero_division("division by zero");
      return Value::floating(static_cast<double>(x) / static_cast<double>(y));
    case BinOpKind::FloorDiv: return Value::integer(floor_div(x, y));
    case BinOpKind::Mod: return Value::integer(floor_mod(x, y));
    case BinOpKind::Pow: return int_pow(x, y);
    case BinOpKind::LShift:
      if (y < 0) value_error("negative shift count");
      if (x == 0) return Value::integer(0);
      if (y >= 64 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) int_overflow();
      return Value::integer(static_cast<int64_t>(static_cast<uint64_t>(x) << y));
    case BinOpKind::RShift:
      if (y < 0) value_error("negative shift count");
      return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case BinOpKind::BitOr: return Value::integer(x | y);
    case BinOpKind::BitXor: return Value::integer(x ^ y);
    case BinOpKind::BitAnd: return Value::integer(x & y);
    default: return Value();
  }
}

Value float_arith(BinOpKind op, double x, double y) {
  switch (op) {
    case BinOpKind::Add: return Value::floating(x + y);
    case BinOpKind::Sub: return Value::floating(x - y);
    case BinOpKind::Mult: return Value::floating(x * y);
    case BinOpKind::Div:
      if (y == 0.0) zero_division("float division by zero");
      return Value::floating(x / y);
    case BinOpKind::FloorDiv: return Value::floating(float_floordiv(x, y));
    case BinOpKind::Mod: return Value::floating(float_mod(x, y));
    case BinOpKind::Pow: return float_pow(x, y);
    default: return Value();
  }
}

Value repeat(const std::vector<Value>& items, int64_t n, bool tuple) {
  std::vector<Value> out;
  if (n > 0) {
    if (items.size() * static_cast<size_t>(n) > (size_t{1} << 28)) raise("MemoryError", "");
    out.reserve(items.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  }
  return tuple ? make_tuple(std::move(out)) : make_list(std::move(out));
}

Value repeat_str(const std::string& s, int64_t n) {
  if (n <= 0) return make_str("");
  if (s.size() * static_cast<size_t>(n) > (size_t{1} << 30)) raise("MemoryError", "");
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += s;
  return make_str(std::move(out));
}

// printf-style `str % args` through the support library.
class VmPercentArgs : public support::PercentArgs {
 public:
  explicit VmPercentArgs(const Value& operand) : operand_(operand) {}
  Shape shape() override {
    const CoreTypes& t = vm().t;
    if (operand_.if_type<Tuple>(t.tuple)) return Shape::Tuple;
    if (operand_.is_obj() && !is_str(operand_) && operand_.obj()->type != t.tuple &&
        (operand_.obj()->type == t.dict || operand_.obj()->type == t.list ||
         !operand_.obj()->type->lookup("__getitem__").is_null())) {
      return Shape::Mapping;
    }
    return Shape::Single;
  }
  size_t tuple_size() override { return operand_.as<Tuple>()->items.size(); }
  support::PercentArg tuple_item(size_t i) override { return arg(operand_.as<Tuple>()->items[i]); }
  support::PercentArg operand() override { return arg(operand_); }
  support::Outcome<support::PercentArg> lookup(std::string_view key) override {
    return arg(get_item(operand_, make_str(std::string(key))));
  }
  support::Outcome<std::string> to_str(const support::PercentArg& a) override {
    return lang::to_str(handles_[a.handle]);
  }
  support::Outcome<std::string> to_repr(const support::PercentArg& a) override {
    return repr(handles_[a.handle]);
  }
  support::Outcome<std::string> to_ascii(const support::PercentArg& a) override {
    return ascii_repr(handles_[a.handle]);
  }

 private:
  support::PercentArg arg(const Value& v) {
    support::PercentArg a;
    a.handle = handles_.size();
    handles_.push_back(v);
    a.type_name = handles_.back().type()->name;
    if (v.is_intlike()) {
      a.kind = support::PercentArg::Kind::Int;
      a.int_value = v.as_int();
    } else if (v.is_float()) {
      a.kind = support::PercentArg::Kind::Float;
      a.float_value = v.as_float();
    } else if (is_str(v)) {
      a.kind = support::PercentArg::Kind::Str;
      a.text = v.as<Str>()->s;
    }
    return a;
  }
  Value operand_;
  std::deque<Value> handles_;
};

Value set_op(BinOpKind op, SetObj* a, SetObj* b, bool frozen) {
  auto* out = new SetObj(frozen);
  Value r(out);
  auto in = [](SetObj* s, const SetTable::Slot& slot) { return s->table.contains(slot.key, slot.hash); };
  for (const auto& s : a->table.slots()) {
    if (s.key.is_null()) continue;
    bool keep = op == BinOpKind::BitOr || (op == BinOpKind::BitAnd && in(b, s)) ||
                ((op == BinOpKind::Sub || op == BinOpKind::BitXor) && !in(b, s));
    if (keep) out->table.add(s.key, s.hash);
  }
  if (op == BinOpKind::BitOr || op == BinOpKind::BitXor) {
    for (const auto& s : b->table.slots()) {
      if (s.key.is_null()) continue;
      if (op == BinOpKind::BitOr || !in(a, s)) out->table.add(s.key, s.hash);
    }
  }
  return r;
}

// Built-in behaviour of `a op b`, or Null when the types have none.
Value builtin_binary(BinOpKind op, const Value& a, const Value& b, bool inplace) {
  if (a.is_intlike() && b.is_intlike()) {
    if (a.is_bool() && b.is_bool() &&
        (op == BinOpKind::BitAnd || op == BinOpKind::BitOr || op == BinOpKind::BitXor)) {
      Value r = int_arith(op, a.as_int(), b.as_int());
      return Value::boolean(r.as_int() != 0);
    }
    return int_arith(op, a.as_int(), b.as_int());
  }
  if ((a.is_float() || a.is_intlike()) && (b.is_float() || b.is_intlike())) {
    return float_arith(op, to_double(a), to_double(b));
  }
  const CoreTypes& t = vm().t;
  Type* ta = a.type();
  Type* tb = b.type();
  if (ta == t.str) {
    if (op == BinOpKind::Add && tb == t.str) return make_str(a.as<Str>()->s + b.as<Str>()->s);
    if (op == BinOpKind::Mult && b.is_intlike()) return repeat_str(a.as<Str>()->s, b.as_int());
    if (op == BinOpKind::Mod) {
      VmPercentArgs args(b);
      return make_str(unwrap(support::percent_format(a.as<Str>()->s, args)));
    }
  }
  if (tb == t.str && op == BinOpKind::Mult && a.is_intlike()) return repeat_str(b.as<Str>()->s, a.as_int());
  if (ta == t.list) {
    if (op == BinOpKind::Add && tb == t.list) {
      if (inplace) {
        auto& dst = a.as<List>()->items;
        auto src = b.as<List>()->items;
        dst.insert(dst.end(), src.begin(), src.end());
        return a;
      }
      std::vector<Value> out = a.as<List>()->items;
      auto& src = b.as<List>()->items;
      out.insert(out.end(), src.begin(), src.end());
      return make_list(std::move(out));
    }
    if (op == BinOpKind::Add && inplace) {
      auto items = to_vector(b);
      auto& dst = a.as<List>()->items;
      dst.insert(dst.end(), items.begin(), items.end());
      return a;
    }
    if (op == BinOpKind::Mult && b.is_intlike()) {
      if (inplace) {
        Value r = repeat(a.as<List>()->items, b.as_int(), false);
        a.as<List>()->items = std::move(r.as<List>()->items);
        return a;
      }
      return repeat(a.as<List>()->items, b.as_int(), false);
    }
  }
  if (tb == t.list && op == BinOpKind::Mult && a.is_intlike()) return repeat(b.as<List>()->items, a.as_int(), false);
  if (ta == t.tuple) {
    if (op == BinOpKind::Add && tb == t.tuple) {
      std::vector<Value> out = a.as<Tuple>()->items;
      auto& src = b.as<Tuple>()->items;
      out.insert(out.end(), src.begin(), src.end());
      return make_tuple(std::move(out));
    }
    if (op == BinOpKind::Mult && b.is_intlike()) return repeat(a.as<Tuple>()->items, b.as_int(), true);
  }
  if (tb == t.tuple && op == BinOpKind::Mult && a.is_intlike()) return repeat(b.as<Tuple>()->items, a.as_int(), true);
  bool set_like_op = op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub ||
                     op == BinOpKind::BitXor;
  bool va = ta == t.dict_keys || ta == t.dict_items, vb = tb == t.dict_keys || tb == t.dict_items;
  if ((va || vb) && set_like_op) {
    Value x = set_of(a), y = set_of(b);
    return set_op(op, x.as<SetObj>(), y.as<SetObj>(), false);
  }
  bool sa = ta == t.set || ta == t.frozenset, sb = tb == t.set || tb == t.frozenset;
  if (sa && sb && (op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub ||
                   op == BinOpKind::BitXor)) {
    Value r = set_op(op, a.as<SetObj>(), b.as<SetObj>(), ta == t.frozenset);
    if (inplace && ta == t.set) {
      a.as<SetObj>()->table = std::move(r.as<SetObj>()->table);
      return a;
    }
    return r;
  }
  if (ta == t.dict && tb == t.dict && op == BinOpKind::BitOr) {
    DictObj* out = inplace ? a.as<DictObj>() : new DictObj();
    Value r(out);
    if (!inplace) {
      for (const auto& e : a.as<DictObj>()->table.entries()) {
        if (!e.key.is_null()) out->table.set(e.key, e.value, e.hash);
      }
    }
    for (const auto& e : b.as<DictObj>()->table.entries()) {
      if (!e.key.is_null()) out->table.set(e.key, e.value, e.hash);
    }
    return r;
  }
  return Value();
}

Value try_user(const Value& self, const char* name, const Value& other) {
  if (!self.is_obj() || !self.obj()->type->is_heap) return Value();
  Value f = self.obj()->type->lookup(name);
  if (f.is_null() || f.if_type<Builtin>(vm().t.builtin)) return Value();
  Value r = vm().call1(bind_descriptor(f, self, self.type()), other);
  if (r.same(vm().not_implemented)) return Value();
  return r;
}

[[noreturn]] void binary_type_error(BinOpKind op, const Value& a, const Value& b, bool inplace) {
  const CoreTypes& t = vm().t;
  Type* ta = a.type();
  if (op == BinOpKind::Add && !inplace && (ta == t.str || ta == t.list || ta == t.tuple)) {
    type_error("can only concatenate " + ta->name + " (not \"" + b.type()->name + "\") to " + ta->name);
  }
  if (op == BinOpKind::Mult && (ta == t.str || ta == t.list || ta == t.tuple)) {
    type_error("can't multiply sequence by non-int of type '" + b.type()->name + "'");
  }
  if (op == BinOpKind::Mult && (b.type() == t.str || b.type() == t.list || b.type() == t.tuple)) {
    type_error("can't multiply sequence by non-int of type '" + ta->name + "'");
  }
  std::string sym = ast::op_symbol(op);
  if (inplace) sym += "=";
  if (op == BinOpKind::Pow && !inplace) sym = "** or pow()";
  type_error("unsupported operand type(s) for " + sym + ": '" + ta->name + "' and '" +
             b.type()->name + "'");
}

}  // namespace

Value int_pow(int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) zero_division("0.0 cannot be raised to a negative power");
    return Value::floating(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1;
  int64_t b = base;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, b, &result)) int_overflow();
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(b, b, &b)) int_overflow();
  }
  return Value::integer(result);
}

double to_double(const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.is_intlike()) return static_cast<double>(v.as_int());
  type_error(std::string("must be real number, not ") + type_name(v));
}

int64_t to_index(const Value& v) {
  if (v.is_intlike()) return v.as_int();
  type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
}

Value binary_op(BinOpKind op, const Value& a, const Value& b, bool inplace) {
  size_t i = static_cast<size_t>(op);
  if (inplace) {
    Value r = try_user(a, kIDunder[i], b);
    if (!r.is_null()) return r;
  }
  Value r = builtin_binary(op, a, b, inplace);
  if (!r.is_null()) return r;
  r = try_user(a, kDunder[i], b);
  if (!r.is_null()) return r;
  r = try_user(b, kRDunder[i], a);
  if (!r.is_null()) return r;
  binary_type_error(op, a, b, inplace);
}

Value unary_op(ast::UnaryOpKind op, const Value& a) {
  using ast::UnaryOpKind;
  if (op == UnaryOpKind::Not) return Value::boolean(!truthy(a));
  if (a.is_intlike()) {
    int64_t x = a.as_int();
    if (op == UnaryOpKind::USub) {
      if (x == INT64_MIN) int_overflow();
      return Value::integer(-x);
    }
    if (op == UnaryOpKind::UAdd) return Value::integer(x);
    return Value::integer(~x);
  }
  if (a.is_float()) {
    if (op == UnaryOpKind::USub) return Value::floating(-a.as_float());
    if (op == UnaryOpKind::UAdd) return a;
  }
  const char* name = op == UnaryOpKind::USub ? "__neg__" : op == UnaryOpKind::UAdd ? "__pos__" : "__invert__";
  if (a.is_obj() && a.obj()->type->is_heap) {
    Value f = a.obj()->type->lookup(name);
    if (!f.is_null() && !f.if_type<Builtin>(vm().t.builtin)) {
      return vm().call0(bind_descriptor(f, a, a.type()));
    }
  }
  type_error(std::string("bad operand type for unary ") + ast::op_symbol(op) + ": '" + type_name(a) + "'");
}

}  // namespace looplab::lang
