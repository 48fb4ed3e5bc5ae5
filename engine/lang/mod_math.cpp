// `math`, over support/pymath for the parts whose errors and rounding CPython defines.
#include <cmath>

#include "engine/lang/builtins.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/support/pymath.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

namespace pm = support::pymath;

double num(const Args& a, size_t i) {
  if (i >= a.n) type_error("math function missing an argument");
  const Value& v = a[i];
  if (v.is_float() || v.is_intlike()) return to_double(v);
  type_error(std::string("must be real number, not ") + type_name(v));
}

// A float result with CPython's checks: domain errors give nan from finite input,
// overflow gives inf from finite input.
Value checked(double r, double x) {
  if (std::isnan(r) && !std::isnan(x)) value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x)) overflow_error("math range error");
  return Value::floating(r);
}

template <double (*F)(double)>
Value unary(Args& a) {
  check_args(a, "math", 1, 1);
  double x = num(a, 0);
  return checked(F(x), x);
}

Value m_sqrt(Args& a) {
  check_args(a, "sqrt", 1, 1);
  double x = num(a, 0);
  if (x < 0) value_error("math domain error");
  return Value::floating(std::sqrt(x));
}

Value m_floor(Args& a) {
  check_args(a, "floor", 1, 1);
  if (a[0].is_intlike()) return Value::integer(a[0].as_int());
  return Value::integer(unwrap(pm::floor(num(a, 0))));
}

Value m_ceil(Args& a) {
  check_args(a, "ceil", 1, 1);
  if (a[0].is_intlike()) return Value::integer(a[0].as_int());
  return Value::integer(unwrap(pm::ceil(num(a, 0))));
}

Value m_trunc(Args& a) {
  check_args(a, "trunc", 1, 1);
  if (a[0].is_intlike()) return Value::integer(a[0].as_int());
  return Value::integer(unwrap(pm::trunc_to_int(num(a, 0))));
}

Value m_log(Args& a) {
  check_args(a, "log", 1, 2);
  double x = num(a, 0);
  if (a[0].is_intlike() && a[0].as_int() <= 0) value_error("math domain error");
  if (a.n == 2) return Value::floating(unwrap(pm::log(x, num(a, 1))));
  return Value::floating(unwrap(pm::log(x)));
}

Value m_log2(Args& a) { check_args(a, "log2", 1, 1); return Value::floating(unwrap(pm::log2(num(a, 0)))); }
Value m_log10(Args& a) { check_args(a, "log10", 1, 1); return Value::floating(unwrap(pm::log10(num(a, 0)))); }

Value m_pow(Args& a) {
  check_args(a, "pow", 2, 2);
  double x = num(a, 0), y = num(a, 1);
  if (x == 0.0 && y < 0.0) value_error("math domain error");
  double r = std::pow(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) value_error("math domain error");
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) overflow_error("math range error");
  return Value::floating(r);
}

Value m_gamma(Args& a) { check_args(a, "gamma", 1, 1); return Value::floating(unwrap(pm::gamma(num(a, 0)))); }
Value m_lgamma(Args& a) { check_args(a, "lgamma", 1, 1); return Value::floating(unwrap(pm::lgamma(num(a, 0)))); }

Value m_atan2(Args& a) { check_args(a, "atan2", 2, 2); return Value::floating(std::atan2(num(a, 0), num(a, 1))); }
Value m_fmod(Args& a) {
  check_args(a, "fmod", 2, 2);
  double y = num(a, 1);
  if (y == 0.0) value_error("math domain error");
  return Value::floating(std::fmod(num(a, 0), y));
}
Value m_copysign(Args& a) { check_args(a, "copysign", 2, 2); return Value::floating(std::copysign(num(a, 0), num(a, 1))); }

Value m_hypot(Args& a) {
  double acc = 0.0;
  for (size_t i = 0; i < a.n; ++i) acc = std::hypot(acc, num(a, i));
  return Value::floating(acc);
}

Value m_fabs(Args& a) { check_args(a, "fabs", 1, 1); return Value::floating(std::fabs(num(a, 0))); }
Value m_degrees(Args& a) { check_args(a, "degrees", 1, 1); return Value::floating(num(a, 0) * (180.0 / M_PI)); }
Value m_radians(Args& a) { check_args(a, "radians", 1, 1); return Value::floating(num(a, 0) * (M_PI / 180.0)); }
Value m_isfinite(Args& a) { check_args(a, "isfinite", 1, 1); return Value::boolean(std::isfinite(num(a, 0))); }
Value m_isinf(Args& a) { check_args(a, "isinf", 1, 1); return Value::boolean(std::isinf(num(a, 0))); }
Value m_isnan(Args& a) { check_args(a, "isnan", 1, 1); return Value::boolean(std::isnan(num(a, 0))); }

Value m_modf(Args& a) {
  check_args(a, "modf", 1, 1);
  double ip;
  double fp = std::modf(num(a, 0), &ip);
  return make_tuple({Value::floating(fp), Value::floating(ip)});
}

Value m_frexp(Args& a) {
  check_args(a, "frexp", 1, 1);
  int e;
  double m = std::frexp(num(a, 0), &e);
  return make_tuple({Value::floating(m), Value::integer(e)});
}

Value m_ldexp(Args& a) {
  check_args(a, "ldexp", 2, 2);
  double x = num(a, 0);
  return checked(std::ldexp(x, static_cast<int>(to_index(a[1]))), x);
}

Value m_isclose(Args& a) {
  check_args(a, "isclose", 2, 2);
  Value rt = a.kwarg("rel_tol"), at = a.kwarg("abs_tol");
  double rel = rt.is_null() ? 1e-09 : to_double(rt);
  double abs = at.is_null() ? 0.0 : to_double(at);
  return Value::boolean(unwrap(pm::isclose(num(a, 0), num(a, 1), rel, abs)));
}

std::vector<int64_t> ints(const Args& a) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < a.n; ++i) out.push_back(to_index(a[i]));
  return out;
}

Value m_gcd(Args& a) { return Value::integer(unwrap(pm::gcd(ints(a)))); }
Value m_lcm(Args& a) { return Value::integer(unwrap(pm::lcm(ints(a)))); }
Value m_factorial(Args& a) {
  check_args(a, "factorial", 1, 1);
  if (a[0].is_float()) type_error("'float' object cannot be interpreted as an integer");
  return Value::integer(unwrap(pm::factorial(to_index(a[0]))));
}
Value m_comb(Args& a) { check_args(a, "comb", 2, 2); return Value::integer(unwrap(pm::comb(to_index(a[0]), to_index(a[1])))); }
Value m_perm(Args& a) {
  check_args(a, "perm", 1, 2);
  std::optional<int64_t> k;
  if (a.n == 2 && !a[1].is_none()) k = to_index(a[1]);
  return Value::integer(unwrap(pm::perm(to_index(a[0]), k)));
}
Value m_isqrt(Args& a) { check_args(a, "isqrt", 1, 1); return Value::integer(unwrap(pm::isqrt(to_index(a[0])))); }

Value m_fsum(Args& a) {
  check_args(a, "fsum", 1, 1);
  std::vector<double> xs;
  for (auto& v : to_vector(a[0])) xs.push_back(to_double(v));
  return Value::floating(unwrap(pm::fsum(xs)));
}

Value m_prod(Args& a) {
  check_args(a, "prod", 1, 1);
  Value start = a.kwarg("start");
  Value acc = start.is_null() ? Value::integer(1) : start;
  for (auto& v : to_vector(a[0])) acc = binary_op(ast::BinOpKind::Mult, acc, v, false);
  return acc;
}

Value m_dist(Args& a) {
  check_args(a, "dist", 2, 2);
  auto p = to_vector(a[0]), q = to_vector(a[1]);
  if (p.size() != q.size()) value_error("both points must have the same number of dimensions");
  double acc = 0.0;
  for (size_t i = 0; i < p.size(); ++i) acc = std::hypot(acc, to_double(p[i]) - to_double(q[i]));
  return Value::floating(acc);
}

}  // namespace

Value make_math_module() {
  Value m = new_module(
      "math",
      {{"sqrt", m_sqrt},       {"floor", m_floor},     {"ceil", m_ceil},       {"trunc", m_trunc},
       {"log", m_log},         {"log2", m_log2},       {"log10", m_log10},     {"pow", m_pow},
       {"exp", unary<std::exp>}, {"sin", unary<std::sin>}, {"cos", unary<std::cos>},
       {"tan", unary<std::tan>}, {"asin", unary<std::asin>}, {"acos", unary<std::acos>},
       {"atan", unary<std::atan>}, {"sinh", unary<std::sinh>}, {"cosh", unary<std::cosh>},
       {"tanh", unary<std::tanh>}, {"atan2", m_atan2},  {"fmod", m_fmod},
       {"log1p", unary<std::log1p>}, {"expm1", unary<std::expm1>}, {"erf", unary<std::erf>},
       {"erfc", unary<std::erfc>}, {"gamma", m_gamma}, {"lgamma", m_lgamma},
       {"cbrt", unary<std::cbrt>}, {"exp2", unary<std::exp2>}, {"asinh", unary<std::asinh>},
       {"acosh", unary<std::acosh>}, {"atanh", unary<std::atanh>},
       {"copysign", m_copysign}, {"hypot", m_hypot},   {"fabs", m_fabs},       {"degrees", m_degrees},
       {"radians", m_radians}, {"isfinite", m_isfinite}, {"isinf", m_isinf},   {"isnan", m_isnan},
       {"modf", m_modf},       {"isclose", m_isclose}, {"gcd", m_gcd},         {"lcm", m_lcm},
       {"factorial", m_factorial}, {"comb", m_comb},   {"perm", m_perm},       {"isqrt", m_isqrt},
       {"frexp", m_frexp},     {"ldexp", m_ldexp},
       {"fsum", m_fsum},       {"prod", m_prod},       {"dist", m_dist}});
  module_set(m, "pi", Value::floating(M_PI));
  module_set(m, "e", Value::floating(M_E));
  module_set(m, "tau", Value::floating(2 * M_PI));
  module_set(m, "inf", Value::floating(INFINITY));
  module_set(m, "nan", Value::floating(NAN));
  return m;
}

}  // namespace looplab::lang
