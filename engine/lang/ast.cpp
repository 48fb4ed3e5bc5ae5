// Operator spellings and the AST dumper. dump() prints exactly what CPython 3.11's
// `ast.dump(tree)` prints, so tests compare the parser against CPython itself.

#include "engine/lang/ast.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace looplab::lang::ast {

// [SECTION] Operators -------------------------------------------------------------------

const char* op_symbol(BinOpKind op) {
  static const char* const kSymbols[] = {"+", "-", "*", "@", "/", "%", "**",
                                         "<<", ">>", "|", "^", "&", "//"};
  return kSymbols[static_cast<int>(op)];
}

const char* op_symbol(UnaryOpKind op) {
  static const char* const kSymbols[] = {"~", "not", "+", "-"};
  return kSymbols[static_cast<int>(op)];
}

const char* op_symbol(CmpOpKind op) {
  static const char* const kSymbols[] = {"==", "!=", "<", "<=", ">", ">=",
                                         "is", "is not", "in", "not in"};
  return kSymbols[static_cast<int>(op)];
}

const char* op_name(BinOpKind op) {
  static const char* const kNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                       "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                       "BitXor", "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(op)];
}

const char* op_name(UnaryOpKind op) {
  static const char* const kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(op)];
}

const char* op_name(CmpOpKind op) {
  static const char* const kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                       "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(op)];
}

namespace {

// [SECTION] Python reprs of constants --------------------------------------------------------

// repr(float): the shortest digits that round-trip, laid out as Python's float_repr.
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s(buf);
  size_t e = s.find('e');
  int exponent = std::atoi(s.c_str() + e + 1);
  std::string mantissa = s.substr(0, e);
  bool negative = mantissa[0] == '-';
  std::string digits;
  for (char c : mantissa)
    if (c >= '0' && c <= '9') digits.push_back(c);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  if (exponent < 0) return out + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  size_t int_len = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= int_len) return out + digits + std::string(int_len - digits.size(), '0') + ".0";
  return out + digits.substr(0, int_len) + "." + digits.substr(int_len);
}

bool printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp < 0xA0) return false;
  if (cp == 0xAD || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) return false;
  return true;
}

uint32_t next_code_point(const std::string& s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  uint32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

// repr(str), as Python prints it.
std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = next_code_point(s, i);
    char buf[16];
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!printable(cp)) {
      const char* fmt = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
      std::snprintf(buf, sizeof buf, fmt, static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  out += quote;
  return out;
}

// Decimal digits of a non-negative integer literal's text in any base.
std::string int_text_in_decimal(const Constant& c) {
  if (!c.int_overflow) return std::to_string(c.int_value);
  std::string digits = c.text;
  int base = 10;
  if (digits.size() > 1 && digits[0] == '0' && std::isalpha(static_cast<unsigned char>(digits[1]))) {
    char p = static_cast<char>(digits[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    digits = digits.substr(2);
  }
  if (base == 10) return digits;
  std::string decimal = "0";
  for (char ch : digits) {
    int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    int carry = d;
    for (auto it = decimal.rbegin(); it != decimal.rend(); ++it) {
      int v = (*it - '0') * base + carry;
      *it = static_cast<char>('0' + v % 10);
      carry = v / 10;
    }
    while (carry) {
      decimal.insert(decimal.begin(), static_cast<char>('0' + carry % 10));
      carry /= 10;
    }
  }
  return decimal;
}

// [SECTION] The dumper ---------------------------------------------------------------------

class Dumper {
 public:
  std::string out;

  void expr(const Expr* e);
  void stmt(const Stmt* s);
  void body(const StmtList& stmts) { list(stmts, [&](const Stmt* s) { stmt(s); }); }
  void exprs(const ExprList& xs) { list(xs, [&](const Expr* e) { expr(e); }); }

 private:
  template <class T, class F>
  void list(const std::vector<T>& xs, F&& each) {
    out += '[';
    for (size_t i = 0; i < xs.size(); ++i) {
      if (i) out += ", ";
      each(xs[i]);
    }
    out += ']';
  }

  // Writes "name=" (with a separating comma unless it is the first field).
  void field(const char* name, bool& first) {
    if (!first) out += ", ";
    first = false;
    out += name;
    out += '=';
  }
  void opt(const char* name, const Expr* e, bool& first) {
    if (!e) return;
    field(name, first);
    expr(e);
  }
  void ctx(ExprContext c, bool& first) {
    field("ctx", first);
    out += c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
  }
  void arg(const Arg* a) {
    out += "arg(arg=" + str_repr(a->name);
    if (a->annotation) {
      out += ", annotation=";
      expr(a->annotation);
    }
    out += ')';
  }
  void args_list(const std::vector<Arg*>& xs) { list(xs, [&](const Arg* a) { arg(a); }); }
  void arguments(const Arguments& a);
  void generators(const std::vector<Comprehension*>& gens);
  void keywords(const std::vector<Keyword*>& ks);
  void constant(const Constant& c);
  void expr_fields(const Expr& e);
  void stmt_fields(const Stmt& s);
  void compound_fields(const Stmt& s, bool& first);
};

void Dumper::arguments(const Arguments& a) {
  out += "arguments(posonlyargs=";
  args_list(a.posonlyargs);
  out += ", args=";
  args_list(a.args);
  if (a.vararg) {
    out += ", vararg=";
    arg(a.vararg);
  }
  out += ", kwonlyargs=";
  args_list(a.kwonlyargs);
  out += ", kw_defaults=";
  list(a.kw_defaults, [&](const Expr* e) {
    if (e) {
      expr(e);
    } else {
      out += "None";
    }
  });
  if (a.kwarg) {
    out += ", kwarg=";
    arg(a.kwarg);
  }
  out += ", defaults=";
  exprs(a.defaults);
  out += ')';
}

void Dumper::generators(const std::vector<Comprehension*>& gens) {
  list(gens, [&](const Comprehension* g) {
    out += "comprehension(target=";
    expr(g->target);
    out += ", iter=";
    expr(g->iter);
    out += ", ifs=";
    exprs(g->ifs);
    out += g->is_async ? ", is_async=1)" : ", is_async=0)";
  });
}

void Dumper::keywords(const std::vector<Keyword*>& ks) {
  list(ks, [&](const Keyword* k) {
    out += "keyword(";
    if (!k->arg.empty()) out += "arg=" + str_repr(k->arg) + ", ";
    out += "value=";
    expr(k->value);
    out += ')';
  });
}

void Dumper::constant(const Constant& c) {
  out += "value=";
  switch (c.value_kind) {
    case ConstantKind::None: out += "None"; break;
    case ConstantKind::True: out += "True"; break;
    case ConstantKind::False: out += "False"; break;
    case ConstantKind::Ellipsis: out += "Ellipsis"; break;
    case ConstantKind::Int: out += int_text_in_decimal(c); break;
    case ConstantKind::Float: out += float_repr(c.float_value); break;
    case ConstantKind::Str: out += str_repr(c.text); break;
  }
}

const char* expr_kind_name(ExprKind k) {
  static const char* const kNames[] = {
      "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
      "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
      "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
      "List", "Tuple", "Slice"};
  return kNames[static_cast<int>(k)];
}

void Dumper::expr(const Expr* e) {
  out += expr_kind_name(e->kind);
  out += '(';
  expr_fields(*e);
  out += ')';
}

void Dumper::expr_fields(const Expr& e) {
  bool first = true;
  switch (e.kind) {
    case ExprKind::BoolOp:
      out += e.as<BoolOp>().op == BoolOpKind::And ? "op=And(), values=" : "op=Or(), values=";
      exprs(e.as<BoolOp>().values);
      break;
    case ExprKind::NamedExpr:
      opt("target", e.as<NamedExpr>().target, first);
      opt("value", e.as<NamedExpr>().value, first);
      break;
    case ExprKind::BinOp:
      opt("left", e.as<BinOp>().left, first);
      out += ", op=" + std::string(op_name(e.as<BinOp>().op)) + "()";
      opt("right", e.as<BinOp>().right, first);
      break;
    case ExprKind::UnaryOp:
      out += "op=" + std::string(op_name(e.as<UnaryOp>().op)) + "(), operand=";
      expr(e.as<UnaryOp>().operand);
      break;
    case ExprKind::Lambda:
      out += "args=";
      arguments(e.as<Lambda>().args);
      out += ", body=";
      expr(e.as<Lambda>().body);
      break;
    case ExprKind::IfExp:
      opt("test", e.as<IfExp>().test, first);
      opt("body", e.as<IfExp>().body, first);
      opt("orelse", e.as<IfExp>().orelse, first);
      break;
    case ExprKind::Dict:
      out += "keys=";
      list(e.as<Dict>().keys, [&](const Expr* k) {
        if (k) {
          expr(k);
        } else {
          out += "None";
        }
      });
      out += ", values=";
      exprs(e.as<Dict>().values);
      break;
    case ExprKind::Set: out += "elts="; exprs(e.as<Set>().elts); break;
    case ExprKind::ListComp:
      opt("elt", e.as<ListComp>().elt, first);
      out += ", generators=";
      generators(e.as<ListComp>().generators);
      break;
    case ExprKind::SetComp:
      opt("elt", e.as<SetComp>().elt, first);
      out += ", generators=";
      generators(e.as<SetComp>().generators);
      break;
    case ExprKind::GeneratorExp:
      opt("elt", e.as<GeneratorExp>().elt, first);
      out += ", generators=";
      generators(e.as<GeneratorExp>().generators);
      break;
    case ExprKind::DictComp:
      opt("key", e.as<DictComp>().key, first);
      opt("value", e.as<DictComp>().value, first);
      out += ", generators=";
      generators(e.as<DictComp>().generators);
      break;
    case ExprKind::Await: opt("value", e.as<Await>().value, first); break;
    case ExprKind::Yield: opt("value", e.as<Yield>().value, first); break;
    case ExprKind::YieldFrom: opt("value", e.as<YieldFrom>().value, first); break;
    case ExprKind::Compare:
      opt("left", e.as<Compare>().left, first);
      out += ", ops=";
      list(e.as<Compare>().ops, [&](CmpOpKind op) { out += std::string(op_name(op)) + "()"; });
      out += ", comparators=";
      exprs(e.as<Compare>().comparators);
      break;
    case ExprKind::Call:
      opt("func", e.as<Call>().func, first);
      out += ", args=";
      exprs(e.as<Call>().args);
      out += ", keywords=";
      keywords(e.as<Call>().keywords);
      break;
    case ExprKind::FormattedValue:
      opt("value", e.as<FormattedValue>().value, first);
      out += ", conversion=" + std::to_string(e.as<FormattedValue>().conversion);
      opt("format_spec", e.as<FormattedValue>().format_spec, first);
      break;
    case ExprKind::JoinedStr: out += "values="; exprs(e.as<JoinedStr>().values); break;
    case ExprKind::Constant: constant(e.as<Constant>()); break;
    case ExprKind::Attribute:
      opt("value", e.as<Attribute>().value, first);
      out += ", attr=" + str_repr(e.as<Attribute>().attr);
      ctx(e.as<Attribute>().ctx, first);
      break;
    case ExprKind::Subscript:
      opt("value", e.as<Subscript>().value, first);
      opt("slice", e.as<Subscript>().slice, first);
      ctx(e.as<Subscript>().ctx, first);
      break;
    case ExprKind::Starred:
      opt("value", e.as<Starred>().value, first);
      ctx(e.as<Starred>().ctx, first);
      break;
    case ExprKind::Name:
      out += "id=" + str_repr(e.as<Name>().id);
      first = false;
      ctx(e.as<Name>().ctx, first);
      break;
    case ExprKind::List:
      out += "elts=";
      exprs(e.as<List>().elts);
      first = false;
      ctx(e.as<List>().ctx, first);
      break;
    case ExprKind::Tuple:
      out += "elts=";
      exprs(e.as<Tuple>().elts);
      first = false;
      ctx(e.as<Tuple>().ctx, first);
      break;
    case ExprKind::Slice:
      opt("lower", e.as<Slice>().lower, first);
      opt("upper", e.as<Slice>().upper, first);
      opt("step", e.as<Slice>().step, first);
      break;
  }
}

const char* stmt_kind_name(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::FunctionDef: return s.as<FunctionDef>().is_async ? "AsyncFunctionDef" : "FunctionDef";
    case StmtKind::ClassDef: return "ClassDef";
    case StmtKind::Return: return "Return";
    case StmtKind::Delete: return "Delete";
    case StmtKind::Assign: return "Assign";
    case StmtKind::AugAssign: return "AugAssign";
    case StmtKind::AnnAssign: return "AnnAssign";
    case StmtKind::For: return s.as<For>().is_async ? "AsyncFor" : "For";
    case StmtKind::While: return "While";
    case StmtKind::If: return "If";
    case StmtKind::With: return s.as<With>().is_async ? "AsyncWith" : "With";
    case StmtKind::Raise: return "Raise";
    case StmtKind::Try: return s.as<Try>().is_star ? "TryStar" : "Try";
    case StmtKind::Assert: return "Assert";
    case StmtKind::Import: return "Import";
    case StmtKind::ImportFrom: return "ImportFrom";
    case StmtKind::Global: return "Global";
    case StmtKind::Nonlocal: return "Nonlocal";
    case StmtKind::Expr: return "Expr";
    case StmtKind::Pass: return "Pass";
    case StmtKind::Break: return "Break";
    case StmtKind::Continue: return "Continue";
  }
  return "?";
}

void Dumper::stmt(const Stmt* s) {
  out += stmt_kind_name(*s);
  out += '(';
  stmt_fields(*s);
  out += ')';
}

void Dumper::stmt_fields(const Stmt& s) {
  bool first = true;
  auto names = [&](const std::vector<std::string>& ns) {
    out += "names=";
    list(ns, [&](const std::string& n) { out += str_repr(n); });
  };
  auto aliases = [&](const std::vector<Alias*>& as) {
    list(as, [&](const Alias* a) {
      out += "alias(name=" + str_repr(a->name);
      if (!a->asname.empty()) out += ", asname=" + str_repr(a->asname);
      out += ')';
    });
  };
  switch (s.kind) {
    case StmtKind::Return: opt("value", s.as<Return>().value, first); break;
    case StmtKind::Delete: out += "targets="; exprs(s.as<Delete>().targets); break;
    case StmtKind::Assign:
      out += "targets=";
      exprs(s.as<Assign>().targets);
      first = false;
      opt("value", s.as<Assign>().value, first);
      break;
    case StmtKind::AugAssign:
      opt("target", s.as<AugAssign>().target, first);
      out += ", op=" + std::string(op_name(s.as<AugAssign>().op)) + "()";
      opt("value", s.as<AugAssign>().value, first);
      break;
    case StmtKind::AnnAssign:
      opt("target", s.as<AnnAssign>().target, first);
      opt("annotation", s.as<AnnAssign>().annotation, first);
      opt("value", s.as<AnnAssign>().value, first);
      out += s.as<AnnAssign>().simple ? ", simple=1" : ", simple=0";
      break;
    case StmtKind::Raise:
      opt("exc", s.as<Raise>().exc, first);
      opt("cause", s.as<Raise>().cause, first);
      break;
    case StmtKind::Assert:
      opt("test", s.as<Assert>().test, first);
      opt("msg", s.as<Assert>().msg, first);
      break;
    case StmtKind::Import: out += "names="; aliases(s.as<Import>().names); break;
    case StmtKind::ImportFrom:
      if (!s.as<ImportFrom>().module.empty()) out += "module=" + str_repr(s.as<ImportFrom>().module) + ", ";
      out += "names=";
      aliases(s.as<ImportFrom>().names);
      out += ", level=" + std::to_string(s.as<ImportFrom>().level);
      break;
    case StmtKind::Global: names(s.as<Global>().names); break;
    case StmtKind::Nonlocal: names(s.as<Nonlocal>().names); break;
    case StmtKind::Expr: opt("value", s.as<ExprStmt>().value, first); break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    default: compound_fields(s, first); break;
  }
}

void Dumper::compound_fields(const Stmt& s, bool& first) {
  switch (s.kind) {
    case StmtKind::FunctionDef: {
      const auto& f = s.as<FunctionDef>();
      out += "name=" + str_repr(f.name) + ", args=";
      arguments(f.args);
      out += ", body=";
      body(f.body);
      out += ", decorator_list=";
      exprs(f.decorator_list);
      first = false;
      opt("returns", f.returns, first);
      break;
    }
    case StmtKind::ClassDef: {
      const auto& c = s.as<ClassDef>();
      out += "name=" + str_repr(c.name) + ", bases=";
      exprs(c.bases);
      out += ", keywords=";
      keywords(c.keywords);
      out += ", body=";
      body(c.body);
      out += ", decorator_list=";
      exprs(c.decorator_list);
      break;
    }
    case StmtKind::For:
      opt("target", s.as<For>().target, first);
      opt("iter", s.as<For>().iter, first);
      out += ", body=";
      body(s.as<For>().body);
      out += ", orelse=";
      body(s.as<For>().orelse);
      break;
    case StmtKind::While:
      opt("test", s.as<While>().test, first);
      out += ", body=";
      body(s.as<While>().body);
      out += ", orelse=";
      body(s.as<While>().orelse);
      break;
    case StmtKind::If:
      opt("test", s.as<If>().test, first);
      out += ", body=";
      body(s.as<If>().body);
      out += ", orelse=";
      body(s.as<If>().orelse);
      break;
    case StmtKind::With:
      out += "items=";
      list(s.as<With>().items, [&](const WithItem& item) {
        out += "withitem(context_expr=";
        expr(item.context_expr);
        if (item.optional_vars) {
          out += ", optional_vars=";
          expr(item.optional_vars);
        }
        out += ')';
      });
      out += ", body=";
      body(s.as<With>().body);
      break;
    case StmtKind::Try:
      out += "body=";
      body(s.as<Try>().body);
      out += ", handlers=";
      list(s.as<Try>().handlers, [&](const ExceptHandler* h) {
        out += "ExceptHandler(";
        bool f = true;
        opt("type", h->type, f);
        if (!h->name.empty()) {
          field("name", f);
          out += str_repr(h->name);
        }
        field("body", f);
        body(h->body);
        out += ')';
      });
      out += ", orelse=";
      body(s.as<Try>().orelse);
      out += ", finalbody=";
      body(s.as<Try>().finalbody);
      break;
    default: break;
  }
}

}  // namespace

std::string dump(const Expr& e) {
  Dumper d;
  d.expr(&e);
  return d.out;
}

std::string dump(const Stmt& s) {
  Dumper d;
  d.stmt(&s);
  return d.out;
}

std::string dump(const Module& m) {
  Dumper d;
  d.out += "Module(body=";
  d.body(m.body);
  d.out += ", type_ignores=[])";
  return d.out;
}

}  // namespace looplab::lang::ast
