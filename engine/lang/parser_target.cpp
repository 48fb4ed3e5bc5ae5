// The grammar rules that bind names: comprehension clauses, yield, def/lambda parameters
// and assignment targets with their validation (the "cannot assign to ..." family of errors).

#include "engine/lang/parser_impl.hpp"

namespace looplab::lang::detail {

using namespace ast;

// [SECTION] Comprehensions and yield -----------------------------------------------------------

bool Parser::at_comprehension() { return at_kw("for") || (at_kw("async") && at_kw("for", 1)); }

std::vector<Comprehension*> Parser::for_if_clauses() {
  std::vector<Comprehension*> out;
  while (at_comprehension()) {
    Token first = peek();
    auto* comp = make<Comprehension>({});
    comp->is_async = accept_kw("async");
    advance();
    comp->target = star_targets();
    if (!at_kw("in")) check_invalid_syntax_after(comp->target);
    advance();
    comp->iter = disjunction();
    while (accept_kw("if")) comp->ifs.push_back(disjunction());
    comp->span = span_from(first);
    out.push_back(comp);
  }
  return out;
}

Expr* Parser::yield_expr() {
  Token first = advance();
  if (accept_kw("from")) {
    auto* y = make<YieldFrom>({});
    y->value = expression();
    y->span = span_from(first);
    return y;
  }
  auto* y = make<Yield>({});
  if (at_expression_start() || at_op(Op::Star)) y->value = star_expressions();
  y->span = span_from(first);
  return y;
}

// [SECTION] Parameters (def and lambda) ------------------------------------------------------

Arg* Parser::parameter(bool annotations) {
  Token first = peek();
  auto* arg = make<Arg>({});
  arg->name = expect_name();
  if (annotations && accept_op(Op::Colon)) arg->annotation = expression();
  arg->span = span_from(first);
  return arg;
}

void Parser::parameters(Arguments& args, Op closer, bool annotations) {
  bool seen_slash = false;
  bool seen_star = false;
  bool bare_star = false;
  Token star_token;
  bool seen_default = false;
  while (!at_op(closer)) {
    Token first = peek();
    if (accept_op(Op::Slash)) {
      if (seen_star) fail_at_token(first, "/ must be ahead of *");
      if (seen_slash) fail_at_token(first, "/ may appear only once");
      if (args.args.empty()) fail_at_token(first, "at least one argument must precede /");
      args.posonlyargs = std::move(args.args);
      args.args.clear();
      seen_slash = true;
    } else if (accept_op(Op::DoubleStar)) {
      args.kwarg = parameter(annotations);
      if (at_op(Op::Equal)) fail_at_token(peek(), "var-keyword argument cannot have default value");
      if (accept_op(Op::Comma) && !at_op(closer)) fail_at_token(peek(), "arguments cannot follow var-keyword argument");
      break;
    } else if (accept_op(Op::Star)) {
      if (seen_star) fail_at_token(first, "* argument may appear only once");
      seen_star = true;
      star_token = first;
      bare_star = at_op(Op::Comma) || at_op(closer);
      if (!bare_star) args.vararg = parameter(annotations);
      if (at_op(Op::Equal)) fail_at_token(peek(), "var-positional argument cannot have default value");
    } else {
      Arg* arg = parameter(annotations);
      Expr* def = nullptr;
      if (at_op(Op::Equal)) {
        Token equal = advance();
        if (at_op(Op::Comma) || at_op(closer)) fail_at_token(equal, "expected default value expression");
        def = expression();
      }
      if (seen_star) {
        args.kwonlyargs.push_back(arg);
        args.kw_defaults.push_back(def);
      } else {
        if (!def && seen_default) fail_span(arg->span, "non-default argument follows default argument");
        seen_default = seen_default || def;
        args.args.push_back(arg);
        if (def) args.defaults.push_back(def);
      }
    }
    if (!accept_op(Op::Comma)) break;
  }
  if (bare_star && args.kwonlyargs.empty()) fail_at_token(star_token, "named arguments must follow bare *");
}

// [SECTION] Assignment targets ------------------------------------------------------------------

Expr* Parser::star_targets() {
  Expr* first = star_target();
  if (!at_op(Op::Comma)) {
    validate_target(first, TargetKind::For);
    return first;
  }
  auto* tuple = make<Tuple>({});
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (!at_expression_start() && !at_op(Op::Star)) break;
    tuple->elts.push_back(star_target());
  }
  tuple->span = span_from(*first);
  validate_target(tuple, TargetKind::For);
  return tuple;
}

Expr* Parser::star_target() {
  if (!at_op(Op::Star)) return bitwise_or();
  Token star = advance();
  auto* s = make<Starred>({});
  s->value = star_target();
  s->span = span_from(star);
  return s;
}

void Parser::set_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name: e->as<Name>().ctx = ctx; break;
    case ExprKind::Attribute: e->as<Attribute>().ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>().ctx = ctx; break;
    case ExprKind::Starred:
      e->as<Starred>().ctx = ctx;
      set_context(e->as<Starred>().value, ctx);
      break;
    case ExprKind::List:
      e->as<List>().ctx = ctx;
      for (Expr* x : e->as<List>().elts) set_context(x, ctx);
      break;
    case ExprKind::Tuple:
      e->as<Tuple>().ctx = ctx;
      for (Expr* x : e->as<Tuple>().elts) set_context(x, ctx);
      break;
    default: break;
  }
}

// CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be bound.
Expr* Parser::invalid_target(Expr* e, TargetKind kind) {
  switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return nullptr;
    case ExprKind::List:
    case ExprKind::Tuple: {
      const ExprList& elts = e->kind == ExprKind::List ? e->as<List>().elts : e->as<Tuple>().elts;
      for (Expr* x : elts)
        if (Expr* bad = invalid_target(x, kind)) return bad;
      return nullptr;
    }
    case ExprKind::Starred:
      return kind == TargetKind::Del ? e : invalid_target(e->as<Starred>().value, kind);
    case ExprKind::Compare:
      if (kind == TargetKind::For) {
        const auto& cmp = e->as<Compare>();
        return cmp.ops[0] == CmpOpKind::In ? invalid_target(cmp.left, kind) : nullptr;
      }
      return e;
    default:
      return e;
  }
}

void Parser::validate_target(Expr* e, TargetKind kind) {
  if (Expr* bad = invalid_target(e, kind)) {
    std::string verb = kind == TargetKind::Del ? "cannot delete " : "cannot assign to ";
    fail_span(bad->span, verb + expr_name(bad));
  }
  set_context(e, kind == TargetKind::Del ? ExprContext::Del : ExprContext::Store);
}

const char* Parser::expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
      switch (e->as<Constant>().value_kind) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
  }
  return "expression";
}

}  // namespace looplab::lang::detail
