// The abstract protocol, part 1: construction, type names, text (repr/str/format),
// truth, comparison and hashing. Attributes and containers are in attr.cpp, arithmetic
// in arith.cpp.
#include <optional>
#include "engine/lang/ops.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "engine/lang/support/float_format.hpp"
#include "engine/lang/support/format_spec.hpp"
#include "engine/lang/support/hash.hpp"
#include "engine/lang/support/unicode_printable.hpp"
#include "engine/lang/support/utf8.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

Type* Value::type() const noexcept {
  const CoreTypes& t = vm().t;
  switch (tag_) {
    case Tag::None: return t.none;
    case Tag::Bool: return t.bool_;
    case Tag::Int: return t.int_;
    case Tag::Float: return t.float_;
    case Tag::Obj: return o_->type;
    case Tag::Null: return t.none;
  }
  return t.none;
}

// [SECTION] Construction and type tests ---------------------------------------------------

Value make_str(std::string s) { return Value(new Str(std::move(s))); }
Value make_tuple(std::vector<Value> items) { return Value(new Tuple(std::move(items))); }
Value make_list(std::vector<Value> items) { return Value(new List(std::move(items))); }
Value make_dict() { return Value(new DictObj()); }

Value make_int_checked(Int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) overflow_error("integer overflow (LoopLab ints are 64-bit)");
  return Value::integer(static_cast<int64_t>(v));
}

const char* type_name(const Value& v) { return v.type()->name.c_str(); }
bool is_str(const Value& v) { return v.is_obj() && v.obj()->type == vm().t.str; }
Str* as_str(const Value& v) { return is_str(v) ? v.as<Str>() : nullptr; }
std::string_view str_view(const Value& v) { return v.as<Str>()->s; }
bool is_instance(const Value& v, const Type* t) { return v.type()->is_subtype(t); }
int64_t object_id(const Value& v) {
  if (v.is_obj()) return static_cast<int64_t>(0x7f0000000000 + v.obj()->serial * 16);
  if (v.is_int() || v.is_bool()) return 0x7e0000000000 + v.as_int() * 32;
  return 0x7d0000000000 + static_cast<int64_t>(v.tag()) * 16;
}

// A user-defined special method on the value's (heap) type, or Null: built-in types and
// methods inherited from built-in bases use the C++ behaviour instead.
static Value user_special(const Value& v, std::string_view name) {
  if (!v.is_obj() || !v.obj()->type->is_heap) return Value();
  Value f = v.obj()->type->lookup(name);
  if (f.is_null() || f.if_type<Builtin>(vm().t.builtin)) return Value();
  return f;
}

static Value call_special(const Value& f, const Value& self) {
  return vm().call(bind_descriptor(f, self, self.type()), nullptr, 0);
}

// [SECTION] Text --------------------------------------------------------------------------

namespace {

// Objects whose repr is being computed, so `l.append(l)` prints [[...]].
thread_local std::unordered_set<const Obj*> t_repr_active;

struct ReprGuard {
  const Obj* o;
  bool recursive;
  explicit ReprGuard(const Obj* p) : o(p), recursive(!t_repr_active.insert(p).second) {}
  ~ReprGuard() {
    if (!recursive) t_repr_active.erase(o);
  }
};

std::string address(const Value& v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(object_id(v)));
  return buf;
}

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      support::unicode::append_code_point_escape(out, c);
    } else if (c >= 0x80) {
      size_t next = i;
      char32_t cp = support::utf8::decode(s, next);
      if (support::unicode::is_printable(cp)) {
        out.append(s, i, next - i);
      } else {
        support::unicode::append_code_point_escape(out, cp);
      }
      i = next - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string join_reprs(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out;
}

std::string dict_repr(const DictObj* d) {
  std::string out = "{";
  bool first = true;
  for (const auto& e : d->table.entries()) {
    if (e.key.is_null()) continue;
    if (!first) out += ", ";
    first = false;
    out += repr(e.key) + ": " + repr(e.value);
  }
  return out + "}";
}

std::string set_items_repr(const SetObj* s) {
  std::string out;
  bool first = true;
  for (const auto& slot : s->table.slots()) {
    if (slot.key.is_null()) continue;
    if (!first) out += ", ";
    first = false;
    out += repr(slot.key);
  }
  return out;
}

std::string type_repr(const Type* t) {
  if (t->module == "builtins") return "<class '" + t->name + "'>";
  return "<class '" + t->module + "." + t->name + "'>";
}

std::string exc_repr(const Value& v) {
  auto* e = v.as<ExcObj>();
  auto& args = e->args.as<Tuple>()->items;
  std::string inner = args.size() == 1 ? repr(args[0]) : join_reprs(args);
  return v.type()->name + "(" + inner + ")";
}

std::string container_repr(const Value& v, const CoreTypes& t) {
  Type* ty = v.obj()->type;
  if (ty == t.list) return "[" + join_reprs(v.as<List>()->items) + "]";
  if (ty == t.tuple) {
    auto& items = v.as<Tuple>()->items;
    return items.size() == 1 ? "(" + repr(items[0]) + ",)" : "(" + join_reprs(items) + ")";
  }
  if (ty == t.dict) return dict_repr(v.as<DictObj>());
  if (ty == t.set) {
    auto* s = v.as<SetObj>();
    return s->table.size() == 0 ? "set()" : "{" + set_items_repr(s) + "}";
  }
  auto* s = v.as<SetObj>();
  return s->table.size() == 0 ? "frozenset()" : "frozenset({" + set_items_repr(s) + "})";
}

std::string view_repr(const Value& v, const CoreTypes& t) {
  Type* ty = v.obj()->type;
  Value items = make_list(to_vector(v));
  std::string name = ty == t.dict_keys ? "dict_keys" : ty == t.dict_values ? "dict_values" : "dict_items";
  return name + "(" + repr(items) + ")";
}

std::string object_repr(const Value& v) {
  const CoreTypes& t = vm().t;
  Obj* o = v.obj();
  Type* ty = o->type;
  if (ty == t.str) return str_repr(v.as<Str>()->s);
  if (ty == t.list || ty == t.tuple || ty == t.dict || ty == t.set || ty == t.frozenset) {
    ReprGuard g(o);
    if (g.recursive) {
      if (ty == t.list) return "[...]";
      if (ty == t.dict) return "{...}";
      return "(...)";
    }
    return container_repr(v, t);
  }
  if (ty == t.range) {
    auto* r = v.as<Range>();
    std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    return s + (r->step != 1 ? ", " + std::to_string(r->step) + ")" : ")");
  }
  if (ty == t.slice) {
    auto* s = v.as<Slice>();
    return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
  }
  if (ty == t.type) return type_repr(v.as<Type>());
  if (ty == t.function) {
    return "<function " + v.as<Function>()->qualname.as<Str>()->s + " at " + address(v) + ">";
  }
  if (ty == t.builtin) return "<built-in function " + v.as<Builtin>()->name + ">";
  if (ty == t.method) {
    auto* m = v.as<BoundMethod>();
    if (auto* b = m->func.if_type<Builtin>(t.builtin)) {
      return "<built-in method " + b->name + " of " + type_name(m->self) + " object at " +
             address(m->self) + ">";
    }
    std::string qn = m->func.if_type<Function>(t.function)
                         ? m->func.as<Function>()->qualname.as<Str>()->s
                         : "?";
    return "<bound method " + qn + " of " + repr(m->self) + ">";
  }
  if (ty == t.module) return "<module '" + v.as<Module>()->name + "' (built-in)>";
  if (ty == t.generator || ty == t.coroutine) {
    auto* g = v.as<Generator>();
    const char* kind = g->kind == GenKind::Coroutine ? "coroutine"
                       : g->kind == GenKind::AsyncGenerator ? "async_generator"
                                                             : "generator";
    return std::string("<") + kind + " object " + g->qualname.as<Str>()->s + " at " + address(v) + ">";
  }
  if (ty == t.dict_keys || ty == t.dict_values || ty == t.dict_items) return view_repr(v, t);
  if (ty == t.ellipsis) return "Ellipsis";
  if (ty == t.not_implemented) return "NotImplemented";
  if (ty->layout == Layout::Exception) return exc_repr(v);
  // Native types of the modules (asyncio.Future...) bring their own __repr__.
  if (ty->layout == Layout::Other && ty != t.object) {
    Value r = ty->lookup("__repr__");
    if (auto* b = r.if_type<Builtin>(t.builtin); b && !r.same(t.object->lookup("__repr__"))) {
      Value self = v;
      Args a{&self, 1, nullptr, nullptr};
      return to_str(b->fn(a));
    }
  }
  std::string tn = ty->module == "builtins" ? ty->name : ty->module + "." + ty->name;
  return "<" + tn + " object at " + address(v) + ">";
}

}  // namespace

std::string repr(const Value& v) {
  switch (v.tag()) {
    case Tag::Null: return "<NULL>";
    case Tag::None: return "None";
    case Tag::Bool: return v.as_bool() ? "True" : "False";
    case Tag::Int: return std::to_string(v.as_int());
    case Tag::Float: return support::float_repr(v.as_float());
    case Tag::Obj: break;
  }
  Value f = user_special(v, "__repr__");
  if (!f.is_null()) {
    Value r = call_special(f, v);
    if (!is_str(r)) {
      type_error(std::string("__repr__ returned non-string (type ") + type_name(r) + ")");
    }
    return r.as<Str>()->s;
  }
  return object_repr(v);
}

// OSError's str as CPython's OSError_str words it: "[Errno N] text", then the file name(s).
static std::optional<std::string> os_error_str(const Value& v) {
  if (!v.type()->is_subtype(vm().exc_type("OSError"))) return std::nullopt;
  auto field = [&](const char* name) {
    Value f = get_attr_opt(v, vm().intern(name));
    return f.is_null() ? Value::none() : f;
  };
  Value errno_value = field("errno"), strerror = field("strerror");
  Value filename = field("filename"), filename2 = field("filename2");
  std::string head = "[Errno " + to_str(errno_value) + "] " + to_str(strerror);
  if (!filename.is_none()) {
    head += ": " + repr(filename);
    if (!filename2.is_none()) head += " -> " + repr(filename2);
    return head;
  }
  if (!errno_value.is_none() && !strerror.is_none()) return head;
  return std::nullopt;
}

static std::string exc_str(const Value& v) {
  if (auto os = os_error_str(v)) return *os;
  auto* e = v.as<ExcObj>();
  if (!e->message.is_null() && !e->exceptions.is_null()) {
    size_t n = e->exceptions.as<Tuple>()->items.size();
    return to_str(e->message) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
  }
  auto& args = e->args.as<Tuple>()->items;
  if (args.empty()) return "";
  if (args.size() == 1) {
    if (v.type()->is_subtype(vm().exc_type("KeyError"))) return repr(args[0]);
    return to_str(args[0]);
  }
  return repr(e->args);
}

std::string to_str(const Value& v) {
  if (auto* s = as_str(v)) return s->s;
  if (!v.is_obj()) return repr(v);
  Value f = user_special(v, "__str__");
  if (!f.is_null()) {
    Value r = call_special(f, v);
    if (!is_str(r)) {
      type_error(std::string("__str__ returned non-string (type ") + type_name(r) + ")");
    }
    return r.as<Str>()->s;
  }
  if (v.obj()->type->layout == Layout::Exception) return exc_str(v);
  return repr(v);
}

Value repr_value(const Value& v) { return make_str(repr(v)); }

std::string ascii_repr(const Value& v) {
  std::string r = repr(v);
  std::string out;
  size_t pos = 0;
  while (pos < r.size()) {
    char32_t c = support::utf8::decode(r, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    support::unicode::append_code_point_escape(out, c);
  }
  return out;
}
Value str_value(const Value& v) { return is_str(v) ? v : make_str(to_str(v)); }

std::string format_value(const Value& v, std::string_view spec) {
  if (spec.empty() && v.is_intlike()) return v.is_bool() ? repr(v) : std::to_string(v.as_int());
  if (v.is_intlike()) return unwrap(support::format_int(v.as_int(), spec, type_name(v)));
  if (v.is_float()) return unwrap(support::format_float(v.as_float(), spec));
  if (auto* s = as_str(v)) return unwrap(support::format_str(s->s, spec));
  Value f = user_special(v, "__format__");
  if (!f.is_null()) {
    Value r = vm().call1(bind_descriptor(f, v, v.type()), make_str(std::string(spec)));
    if (!is_str(r)) type_error("__format__ must return a str");
    return r.as<Str>()->s;
  }
  if (!spec.empty()) {
    type_error(std::string("unsupported format string passed to ") + type_name(v) + ".__format__");
  }
  return to_str(v);
}

// [SECTION] Truth -------------------------------------------------------------------------

bool truthy(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
    case Tag::None: return false;
    case Tag::Bool:
    case Tag::Int: return v.as_int() != 0;
    case Tag::Float: return v.as_float() != 0.0;
    case Tag::Obj: break;
  }
  const CoreTypes& t = vm().t;
  Type* ty = v.obj()->type;
  if (ty == t.str) return v.as<Str>()->s.size() > 0;
  if (ty == t.list) return !v.as<List>()->items.empty();
  if (ty == t.tuple) return !v.as<Tuple>()->items.empty();
  if (ty == t.dict) return v.as<DictObj>()->table.size() > 0;
  if (ty == t.set || ty == t.frozenset) return v.as<SetObj>()->table.size() > 0;
  if (ty == t.range) return v.as<Range>()->length() > 0;
  if (!ty->is_heap) return true;
  Value f = user_special(v, "__bool__");
  if (!f.is_null()) {
    Value r = call_special(f, v);
    if (!r.is_bool()) {
      type_error(std::string("__bool__ should return bool, returned ") + type_name(r));
    }
    return r.as_bool();
  }
  if (!user_special(v, "__len__").is_null()) return length(v) > 0;
  return true;
}

// [SECTION] Comparison ----------------------------------------------------------------------

namespace {

const char* const kCmpDunder[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
const ast::CmpOpKind kSwapped[] = {ast::CmpOpKind::Eq, ast::CmpOpKind::NotEq, ast::CmpOpKind::Gt,
                                    ast::CmpOpKind::GtE, ast::CmpOpKind::Lt, ast::CmpOpKind::LtE};

bool is_number(const Value& v) { return v.is_intlike() || v.is_float(); }

bool cmp_result(ast::CmpOpKind op, int c) {
  switch (op) {
    case ast::CmpOpKind::Eq: return c == 0;
    case ast::CmpOpKind::NotEq: return c != 0;
    case ast::CmpOpKind::Lt: return c < 0;
    case ast::CmpOpKind::LtE: return c <= 0;
    case ast::CmpOpKind::Gt: return c > 0;
    default: return c >= 0;
  }
}

Value compare_sequences(ast::CmpOpKind op, const std::vector<Value>& a, const std::vector<Value>& b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    if (a[i].is_int() && b[i].is_int()) {  // the common sort key, without the generic path
      int64_t x = a[i].as_int(), y = b[i].as_int();
      if (x == y) continue;
      return Value::boolean(cmp_result(op, x < y ? -1 : 1));
    }
    if (a[i].same(b[i]) || equals(a[i], b[i])) continue;
    if (op == ast::CmpOpKind::Eq) return Value::boolean(false);
    if (op == ast::CmpOpKind::NotEq) return Value::boolean(true);
    return compare(op, a[i], b[i]);
  }
  int c = a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  return Value::boolean(cmp_result(op, c));
}

bool set_subset(SetObj* a, SetObj* b) {
  if (a->table.size() > b->table.size()) return false;
  for (const auto& s : a->table.slots()) {
    if (!s.key.is_null() && !b->table.contains(s.key, s.hash)) return false;
  }
  return true;
}

Value compare_sets(ast::CmpOpKind op, SetObj* a, SetObj* b) {
  switch (op) {
    case ast::CmpOpKind::Eq: return Value::boolean(a->table.size() == b->table.size() && set_subset(a, b));
    case ast::CmpOpKind::NotEq: return Value::boolean(!(a->table.size() == b->table.size() && set_subset(a, b)));
    case ast::CmpOpKind::LtE: return Value::boolean(set_subset(a, b));
    case ast::CmpOpKind::Lt: return Value::boolean(a->table.size() < b->table.size() && set_subset(a, b));
    case ast::CmpOpKind::GtE: return Value::boolean(set_subset(b, a));
    default: return Value::boolean(b->table.size() < a->table.size() && set_subset(b, a));
  }
}

bool dicts_equal(DictObj* a, DictObj* b) {
  if (a->table.size() != b->table.size()) return false;
  for (const auto& e : a->table.entries()) {
    if (e.key.is_null()) continue;
    Value* other = b->table.find(e.key, e.hash);
    if (!other || !equals(e.value, *other)) return false;
  }
  return true;
}

// Built-in comparisons; Null when the types do not compare natively.
Value builtin_compare(ast::CmpOpKind op, const Value& a, const Value& b) {
  if (is_number(a) && is_number(b)) {
    if (a.is_intlike() && b.is_intlike()) {
      int64_t x = a.as_int(), y = b.as_int();
      return Value::boolean(cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
    }
    if (a.is_intlike()) {
      double y = b.as_float();
      if (y != y) return Value::boolean(op == ast::CmpOpKind::NotEq);
      return Value::boolean(cmp_result(op, compare_int_float(a.as_int(), y)));
    }
    if (b.is_intlike()) {
      double x = a.as_float();
      if (x != x) return Value::boolean(op == ast::CmpOpKind::NotEq);
      return Value::boolean(cmp_result(op, -compare_int_float(b.as_int(), x)));
    }
    double x = a.as_float(), y = b.as_float();
    if (x != x || y != y) return Value::boolean(op == ast::CmpOpKind::NotEq);
    return Value::boolean(cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
  }
  if (a.is_none() && b.is_none()) {
    if (op == ast::CmpOpKind::Eq || op == ast::CmpOpKind::NotEq) {
      return Value::boolean(op == ast::CmpOpKind::Eq);
    }
    return Value();
  }
  if (!a.is_obj() || !b.is_obj()) return Value();
  const CoreTypes& t = vm().t;
  Type* ta = a.obj()->type;
  Type* tb = b.obj()->type;
  if (ta == t.str && tb == t.str) {
    int c = a.as<Str>()->s.compare(b.as<Str>()->s);
    return Value::boolean(cmp_result(op, c));
  }
  if ((ta == t.list && tb == t.list)) return compare_sequences(op, a.as<List>()->items, b.as<List>()->items);
  if ((ta == t.tuple && tb == t.tuple)) return compare_sequences(op, a.as<Tuple>()->items, b.as<Tuple>()->items);
  bool sa = ta == t.set || ta == t.frozenset, sb = tb == t.set || tb == t.frozenset;
  if (sa && sb) return compare_sets(op, a.as<SetObj>(), b.as<SetObj>());
  // keys and items views compare with sets and with each other as sets do.
  bool va = ta == t.dict_keys || ta == t.dict_items, vb = tb == t.dict_keys || tb == t.dict_items;
  if ((va && (vb || sb)) || (vb && sa)) {
    Value x = sa ? a : set_of(a), y = sb ? b : set_of(b);
    return compare_sets(op, x.as<SetObj>(), y.as<SetObj>());
  }
  if (ta == t.slice && tb == t.slice) {
    auto *x = a.as<Slice>(), *y = b.as<Slice>();
    return compare_sequences(op, {x->start, x->stop, x->step}, {y->start, y->stop, y->step});
  }
  bool eq_op = op == ast::CmpOpKind::Eq || op == ast::CmpOpKind::NotEq;
  if (ta == t.dict && tb == t.dict && eq_op) {
    return Value::boolean(dicts_equal(a.as<DictObj>(), b.as<DictObj>()) == (op == ast::CmpOpKind::Eq));
  }
  if (ta == t.range && tb == t.range && eq_op) {
    auto *x = a.as<Range>(), *y = b.as<Range>();
    bool same = x->length() == y->length() &&
                (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
    return Value::boolean(same == (op == ast::CmpOpKind::Eq));
  }
  return Value();
}

}  // namespace

Value compare(ast::CmpOpKind op, const Value& a, const Value& b) {
  switch (op) {
    case ast::CmpOpKind::Is: return Value::boolean(a.same(b));
    case ast::CmpOpKind::IsNot: return Value::boolean(!a.same(b));
    case ast::CmpOpKind::In: return Value::boolean(contains(b, a));
    case ast::CmpOpKind::NotIn: return Value::boolean(!contains(b, a));
    default: break;
  }
  Value r = builtin_compare(op, a, b);
  if (!r.is_null()) return r;
  size_t i = static_cast<size_t>(op);
  VM& v = vm();
  Value f = user_special(a, kCmpDunder[i]);
  if (!f.is_null()) {
    r = v.call1(bind_descriptor(f, a, a.type()), b);
    if (!r.same(v.not_implemented)) return r;
  }
  size_t j = static_cast<size_t>(kSwapped[i]);
  f = user_special(b, kCmpDunder[j]);
  if (!f.is_null()) {
    r = v.call1(bind_descriptor(f, b, b.type()), a);
    if (!r.same(v.not_implemented)) return r;
  }
  if (op == ast::CmpOpKind::NotEq) {
    f = user_special(a, "__eq__");
    if (!f.is_null()) {
      r = v.call1(bind_descriptor(f, a, a.type()), b);
      if (!r.same(v.not_implemented)) return Value::boolean(!truthy(r));
    }
  }
  if (op == ast::CmpOpKind::Eq) return Value::boolean(a.same(b));
  if (op == ast::CmpOpKind::NotEq) return Value::boolean(!a.same(b));
  type_error(std::string("'") + ast::op_symbol(op) + "' not supported between instances of '" +
             type_name(a) + "' and '" + type_name(b) + "'");
}

bool equals(const Value& a, const Value& b) {
  if (a.same(b) && !a.is_float()) return true;
  return truthy(compare(ast::CmpOpKind::Eq, a, b));
}

bool keys_equal(const Value& a, const Value& b) { return equals(a, b); }

int compare_int_float(int64_t i, double f) {
  // Converting i to double may round (beyond 2**53), so compare f's integer part as an
  // int and break ties on its fraction, as float_richcompare does.
  constexpr double kTwo63 = 9223372036854775808.0;
  if (f >= kTwo63) return -1;
  if (f < -kTwo63) return 1;
  double whole = std::trunc(f);
  auto w = static_cast<int64_t>(whole);
  if (i != w) return i < w ? -1 : 1;
  double frac = f - whole;
  return frac > 0.0 ? -1 : frac < 0.0 ? 1 : 0;
}

bool less_than(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  return truthy(compare(ast::CmpOpKind::Lt, a, b));
}

// [SECTION] Hashing -------------------------------------------------------------------------

int64_t hash_value(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
    case Tag::None: return 0x1f5e3c0;
    case Tag::Bool:
    case Tag::Int: return support::hash_int(v.as_int());
    case Tag::Float: return support::hash_float(v.as_float(), 0);
    case Tag::Obj: break;
  }
  const CoreTypes& t = vm().t;
  Obj* o = v.obj();
  Type* ty = o->type;
  if (ty == t.str) {
    auto* s = static_cast<Str*>(o);
    if (s->hash == -1) {
      if (s->ascii && !s->s.empty()) {
        // CPython hashes 1 byte per code point here: exactly the UTF-8 bytes.
        auto h = static_cast<int64_t>(support::siphash13_zero_key(
            reinterpret_cast<const unsigned char*>(s->s.data()), s->s.size()));
        s->hash = h == -1 ? -2 : h;
      } else {
        s->hash = support::hash_str(s->s);
      }
    }
    return s->hash;
  }
  if (ty == t.tuple) {
    std::vector<int64_t> hs;
    for (const auto& x : v.as<Tuple>()->items) hs.push_back(hash_value(x));
    return support::hash_tuple(hs);
  }
  if (ty == t.list || ty == t.dict || ty == t.set) {
    type_error(std::string("unhashable type: '") + ty->name + "'");
  }
  if (ty == t.frozenset) {
    uint64_t h = 0;
    for (const auto& s : v.as<SetObj>()->table.slots()) {
      if (!s.key.is_null()) h ^= (static_cast<uint64_t>(s.hash) ^ 89869747ULL) * 3644798167ULL;
    }
    return static_cast<int64_t>(h == static_cast<uint64_t>(-1) ? 590923713ULL : h);
  }
  if (ty->is_heap) {
    for (Type* m : ty->mro) {
      if (!m->is_heap) break;
      Value* h = m->d()->table.find_str(vm().intern("__hash__"));
      if (h) {
        if (h->is_none()) type_error(std::string("unhashable type: '") + ty->name + "'");
        Value r = call_special(*h, v);
        if (!r.is_intlike()) type_error("__hash__ method should return an integer");
        int64_t x = r.as_int();
        return x == -1 ? -2 : x;
      }
      if (m->d()->table.find_str(vm().intern("__eq__"))) {
        type_error(std::string("unhashable type: '") + ty->name + "'");
      }
    }
  }
  return static_cast<int64_t>(o->serial);
}

Value set_of(const Value& iterable) {
  Value out(new SetObj(false));
  for (auto& x : to_vector(iterable)) out.as<SetObj>()->table.add(std::move(x));
  return out;
}

}  // namespace looplab::lang
