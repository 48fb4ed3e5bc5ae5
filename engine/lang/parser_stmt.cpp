// Statements: CPython's grammar from `statements` down to each simple and compound
// statement, with CPython's messages for the common mistakes.

#include "engine/lang/parser_impl.hpp"

namespace looplab::lang::detail {

using namespace ast;

// [SECTION] Blocks ------------------------------------------------------------------------

void Parser::statement(StmtList& out) {
  if (peek().kind == Tok::Indent) fail_invalid_syntax();
  if (Stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

StmtList Parser::statements_until_dedent() {
  StmtList body;
  while (peek().kind != Tok::Dedent && peek().kind != Tok::EndMarker) statement(body);
  if (peek().kind == Tok::Dedent) advance();
  return body;
}

// `after` names the statement for "expected an indented block after ... on line N".
StmtList Parser::block(const std::string& after, int line) {
  if (peek().kind != Tok::Newline) {
    StmtList body;
    simple_stmts(body);
    return body;
  }
  advance();
  const Token& next = peek();
  if (next.kind != Tok::Indent) {
    std::string message = "expected an indented block after " + after + " on line " +
                          std::to_string(line);
    if (next.kind == Tok::Dedent && !next.at_eof) {
      fail_raw(next.line, 0, 0, message, "IndentationError");
    }
    fail_at_token(next, message, "IndentationError");
  }
  advance();
  return statements_until_dedent();
}

void Parser::simple_stmts(StmtList& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (!accept_op(Op::Semi) || peek().kind == Tok::Newline) break;
  }
  if (peek().kind != Tok::Newline) fail_invalid_syntax();
  advance();
}

// [SECTION] Simple statements ---------------------------------------------------------------

Stmt* Parser::simple_stmt() {
  const Token& t = peek();
  if (t.kind == Tok::Name) {
    std::string_view kw = t.text;
    if (kw == "pass" || kw == "break" || kw == "continue") {
      Token first = advance();
      Span span = span_from(first);
      if (kw == "pass") return make<Pass>(span);
      if (kw == "break") return make<Break>(span);
      return make<Continue>(span);
    }
    if (kw == "return") return return_stmt();
    if (kw == "raise") return raise_stmt();
    if (kw == "del") return del_stmt();
    if (kw == "assert") return assert_stmt();
    if (kw == "global" || kw == "nonlocal") return global_stmt(kw == "nonlocal");
    if (kw == "import") return import_stmt();
    if (kw == "from") return from_import_stmt();
  }
  return expression_statement();
}

namespace {

bool augmented_operator(const Token& t, BinOpKind& out) {
  if (t.kind != Tok::Op) return false;
  switch (t.op) {
    case Op::PlusEqual: out = BinOpKind::Add; return true;
    case Op::MinEqual: out = BinOpKind::Sub; return true;
    case Op::StarEqual: out = BinOpKind::Mult; return true;
    case Op::AtEqual: out = BinOpKind::MatMult; return true;
    case Op::SlashEqual: out = BinOpKind::Div; return true;
    case Op::PercentEqual: out = BinOpKind::Mod; return true;
    case Op::AmperEqual: out = BinOpKind::BitAnd; return true;
    case Op::VBarEqual: out = BinOpKind::BitOr; return true;
    case Op::CircumflexEqual: out = BinOpKind::BitXor; return true;
    case Op::LeftShiftEqual: out = BinOpKind::LShift; return true;
    case Op::RightShiftEqual: out = BinOpKind::RShift; return true;
    case Op::DoubleStarEqual: out = BinOpKind::Pow; return true;
    case Op::DoubleSlashEqual: out = BinOpKind::FloorDiv; return true;
    default: return false;
  }
}

bool is_yield(const Expr* e) {
  return e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom;
}

bool is_keyword_constant(const Expr* e) {
  if (e->kind != ExprKind::Constant) return false;
  ConstantKind k = e->as<Constant>().value_kind;
  return k == ConstantKind::True || k == ConstantKind::False || k == ConstantKind::None;
}

// CPython's "did you mean '=='" rules only match a `bitwise_or`: anything looser
// (comparison, not, and/or, if-else, lambda, :=) gets the plain message.
bool binds_tighter_than_comparison(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
      return false;
    case ExprKind::UnaryOp:
      return e->as<UnaryOp>().op != UnaryOpKind::Not;
    default:
      return true;
  }
}

}  // namespace

Stmt* Parser::expression_statement() {
  Token first = peek();
  Expr* e = at_kw("yield") ? yield_expr() : star_expressions();
  if (at_op(Op::Colon)) return annotated_rest(first, e);
  if (at_op(Op::Equal)) return assignment_rest(first, e);
  BinOpKind op;
  if (augmented_operator(peek(), op)) {
    bool has_value = at_kw("yield", 1) || at_expression_start(1) || at_op(Op::Star, 1);
    if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute &&
        e->kind != ExprKind::Subscript) {
      if (!has_value) fail_at_token(peek(), "invalid syntax");
      fail_span(e->span, std::string("'") + expr_name(e) +
                             "' is an illegal expression for augmented assignment");
    }
    advance();
    auto* aug = make<AugAssign>({});
    set_context(e, ExprContext::Store);
    aug->target = e;
    aug->op = op;
    aug->value = at_kw("yield") ? yield_expr() : star_expressions();
    aug->span = span_from(first);
    return aug;
  }
  bool legacy = e->kind == ExprKind::Name && !is_parenthesized(e) &&
                (e->as<Name>().id == "print" || e->as<Name>().id == "exec");
  if (legacy && at_expression_start()) {
    const std::string& id = e->as<Name>().id;
    star_expressions();
    fail_span(span_from(first),
              "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
  }
  auto* s = make<ExprStmt>(e->span);
  s->value = e;
  return s;
}

Stmt* Parser::assignment_rest(const Token& first, Expr* target) {
  auto* assign = make<Assign>({});
  assign->targets.push_back(target);
  while (accept_op(Op::Equal)) {
    if (!at_kw("yield") && !at_expression_start() && !at_op(Op::Star)) {
      fail_assignment_target(assign->targets, nullptr);
      fail_invalid_syntax();
    }
    assign->targets.push_back(at_kw("yield") ? yield_expr() : star_expressions());
  }
  assign->value = assign->targets.back();
  assign->targets.pop_back();
  fail_assignment_target(assign->targets, assign->value);
  for (Expr* t : assign->targets) set_context(t, ExprContext::Store);
  assign->span = span_from(first);
  return assign;
}

// The first invalid target, worded as CPython words it. `value` is null when the
// statement ends right after an '='.
void Parser::fail_assignment_target(const ExprList& targets, const Expr* value) {
  for (size_t i = 0; i < targets.size(); ++i) {
    Expr* t = targets[i];
    if (is_yield(t)) fail_span(t->span, "assignment to yield expression not possible");
    Expr* bad = invalid_target(t, TargetKind::Assign);
    if (!bad) continue;
    bool second_is_bare_tuple = targets.size() > 1 && targets[1]->kind == ExprKind::Tuple &&
                                !is_parenthesized(targets[1]);
    if (i == 0 && value && (targets.size() == 1 || second_is_bare_tuple)) {
      fail_first_target(t, bad, targets.size() == 1 ? value : targets[1]);
    }
    fail_span(bad->span, std::string("cannot assign to ") + expr_name(bad));
  }
}

// `T = value` looks like a mistyped comparison to CPython when the bitwise_or after the
// '=' is not followed by another '=': it then judges the last element of T (its
// invalid_named_expression rule). `value` is what follows the first '='.
void Parser::fail_first_target(Expr* t, Expr* bad, const Expr* value) {
  const Expr* first_value = value;
  if (value->kind == ExprKind::Tuple && !is_parenthesized(value) && !value->as<Tuple>().elts.empty()) {
    first_value = value->as<Tuple>().elts[0];
  }
  bool value_is_bitwise_or =
      !is_yield(first_value) && first_value->kind != ExprKind::Starred &&
      first_value->kind != ExprKind::Lambda &&
      !(first_value->kind == ExprKind::UnaryOp && first_value->as<UnaryOp>().op == UnaryOpKind::Not);
  bool unparenthesized_tuple = t->kind == ExprKind::Tuple && !is_parenthesized(t);
  bool excluded = (t->kind == ExprKind::Tuple && !unparenthesized_tuple) ||
                  t->kind == ExprKind::List || t->kind == ExprKind::GeneratorExp;
  Expr* last = unparenthesized_tuple ? t->as<Tuple>().elts.back() : t;
  if (value_is_bitwise_or && !excluded) {
    if (last->kind == ExprKind::Name && !is_parenthesized(last)) {
      fail_span(join(last->span, first_value->span),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (!is_keyword_constant(last) && last->kind != ExprKind::Starred &&
        binds_tighter_than_comparison(last)) {
      fail_span(last->span, std::string("cannot assign to ") + expr_name(last) +
                                " here. Maybe you meant '==' instead of '='?");
    }
  }
  fail_span(bad->span, std::string("cannot assign to ") + expr_name(bad));
}

Stmt* Parser::annotated_rest(const Token& first, Expr* target) {
  bool valid_target = target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
                      target->kind == ExprKind::Subscript;
  if (!valid_target && !at_expression_start(1)) fail_at_token(peek(), "invalid syntax");
  if (target->kind == ExprKind::Tuple) {
    const auto& elts = target->as<Tuple>().elts;
    Span where = is_parenthesized(target) || elts.empty() ? target->span : elts[0]->span;
    fail_span(where, "only single target (not tuple) can be annotated");
  }
  if (target->kind == ExprKind::List) {
    fail_span(target->span, "only single target (not list) can be annotated");
  }
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
      target->kind != ExprKind::Subscript) {
    fail_span(target->span, "illegal target for annotation");
  }
  advance();
  auto* ann = make<AnnAssign>({});
  set_context(target, ExprContext::Store);
  ann->target = target;
  ann->simple = target->kind == ExprKind::Name && !is_parenthesized(target);
  ann->annotation = expression();
  if (accept_op(Op::Equal)) ann->value = at_kw("yield") ? yield_expr() : star_expressions();
  ann->span = span_from(first);
  return ann;
}

Stmt* Parser::return_stmt() {
  Token first = advance();
  auto* r = make<Return>({});
  if (at_expression_start() || at_op(Op::Star)) r->value = star_expressions();
  r->span = span_from(first);
  return r;
}

Stmt* Parser::raise_stmt() {
  Token first = advance();
  auto* r = make<Raise>({});
  if (at_expression_start()) {
    r->exc = expression();
    if (accept_kw("from")) r->cause = expression();
  }
  r->span = span_from(first);
  return r;
}

Stmt* Parser::del_stmt() {
  Token first = advance();
  auto* d = make<Delete>({});
  do {
    if (!at_expression_start()) break;
    Expr* t = bitwise_or();
    validate_target(t, TargetKind::Del);
    d->targets.push_back(t);
  } while (accept_op(Op::Comma));
  if (d->targets.empty()) fail_invalid_syntax();
  if (peek().kind != Tok::Newline && !at_op(Op::Semi)) fail_invalid_syntax();
  d->span = span_from(first);
  return d;
}

Stmt* Parser::assert_stmt() {
  Token first = advance();
  auto* a = make<Assert>({});
  a->test = expression();
  if (accept_op(Op::Comma)) a->msg = expression();
  a->span = span_from(first);
  return a;
}

Stmt* Parser::global_stmt(bool nonlocal) {
  Token first = advance();
  std::vector<std::string> names;
  do {
    names.push_back(expect_name());
  } while (accept_op(Op::Comma));
  if (nonlocal) {
    auto* n = make<Nonlocal>(span_from(first));
    n->names = std::move(names);
    return n;
  }
  auto* g = make<Global>(span_from(first));
  g->names = std::move(names);
  return g;
}

// [SECTION] Imports -----------------------------------------------------------------------------

Alias* Parser::dotted_alias(bool dotted) {
  Token first = peek();
  auto* alias = make<Alias>({});
  alias->name = expect_name();
  while (dotted && accept_op(Op::Dot)) alias->name += "." + expect_name();
  if (accept_kw("as")) alias->asname = expect_name();
  alias->span = span_from(first);
  return alias;
}

Stmt* Parser::import_stmt() {
  Token first = advance();
  auto* imp = make<Import>({});
  do {
    imp->names.push_back(dotted_alias(true));
  } while (accept_op(Op::Comma));
  imp->span = span_from(first);
  return imp;
}

Stmt* Parser::from_import_stmt() {
  Token first = advance();
  auto* imp = make<ImportFrom>({});
  while (at_op(Op::Dot) || at_op(Op::Ellipsis)) imp->level += advance().op == Op::Dot ? 1 : 3;
  if (imp->level == 0 || !at_kw("import")) {
    imp->module = expect_name();
    while (accept_op(Op::Dot)) imp->module += "." + expect_name();
  }
  expect_kw("import");
  if (at_op(Op::Star)) {
    Token star = advance();
    auto* alias = make<Alias>(span_from(star));
    alias->name = "*";
    imp->names.push_back(alias);
  } else {
    bool paren = accept_op(Op::LPar);
    do {
      if (paren && at_op(Op::RPar)) break;
      if (!paren && peek().kind == Tok::Newline && !imp->names.empty()) {
        fail_at_token(peek(), "trailing comma not allowed without surrounding parentheses");
      }
      imp->names.push_back(dotted_alias(false));
    } while (accept_op(Op::Comma));
    if (paren) expect_op(Op::RPar);
  }
  imp->span = span_from(first);
  if (imp->level > 0) unsupported("relative imports", imp->span);
  return imp;
}

// [SECTION] Compound statements -------------------------------------------------------------------

Stmt* Parser::compound_stmt() {
  const Token& t = peek();
  if (t.kind == Tok::Op && t.op == Op::At) return decorated();
  if (t.kind != Tok::Name) return nullptr;
  std::string_view kw = t.text;
  if (kw == "if") return if_stmt();
  if (kw == "while") return while_stmt();
  if (kw == "for") return for_stmt(advance(), false);
  if (kw == "with") return with_stmt(advance(), false);
  if (kw == "try") return try_stmt();
  if (kw == "def") return function_def(advance(), {}, false);
  if (kw == "class") return class_def(advance(), {});
  if (kw == "async") return async_stmt();
  if (kw == "match" && at_match_statement()) return skip_match_statement();
  return nullptr;
}

// The condition of if/elif/while, where `=` is most likely a mistyped `==`.
Expr* Parser::condition() {
  Expr* e = named_expression();
  if (at_op(Op::Equal)) fail_mistyped_equal(e);
  return e;
}

// `target = ...` where an expression was expected (CPython's invalid_named_expression).
void Parser::fail_mistyped_equal(Expr* e) {
  size_t equal_pos = pos_;
  advance();
  if (at_expression_start()) {
    Expr* rhs = bitwise_or();
    bool lone_equal = !at_op(Op::Equal) && !at_op(Op::ColonEqual);
    if (lone_equal && e->kind == ExprKind::Name && !is_parenthesized(e)) {
      fail_span(join(e->span, rhs->span),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    bool excluded = e->kind == ExprKind::List || e->kind == ExprKind::Tuple ||
                    e->kind == ExprKind::GeneratorExp || is_keyword_constant(e);
    if (lone_equal && !excluded && binds_tighter_than_comparison(e)) {
      fail_span(e->span, std::string("cannot assign to ") + expr_name(e) +
                             " here. Maybe you meant '==' instead of '='?");
    }
  }
  pos_ = equal_pos;
  fail_invalid_syntax();
}

Stmt* Parser::if_stmt() {
  Token first = advance();
  auto* root = make<If>({});
  root->test = condition();
  expect_colon();
  root->body = block("'if' statement", first.line);
  std::vector<If*> chain{root};
  Nesting depth(*this, 0);
  while (at_kw("elif")) {
    Token elif = advance();
    depth.add();
    auto* branch = make<If>({});
    branch->test = condition();
    expect_colon();
    branch->body = block("'elif' statement", elif.line);
    branch->span = span_from(elif);
    chain.back()->orelse.push_back(branch);
    chain.push_back(branch);
  }
  if (at_kw("else")) {
    Token else_tok = advance();
    expect_forced(Op::Colon);
    chain.back()->orelse = block("'else' statement", else_tok.line);
  }
  for (If* branch : chain) {
    branch->span.end_line = last_significant_.end_line;
    branch->span.end_col = last_significant_.end_col;
  }
  root->span = span_from(first);
  return root;
}

Stmt* Parser::while_stmt() {
  Token first = advance();
  auto* w = make<While>({});
  w->test = condition();
  expect_colon();
  w->body = block("'while' statement", first.line);
  if (at_kw("else")) {
    Token else_tok = advance();
    expect_forced(Op::Colon);
    w->orelse = block("'else' statement", else_tok.line);
  }
  w->span = span_from(first);
  return w;
}

Stmt* Parser::for_stmt(const Token& first, bool is_async) {
  Token for_tok = is_async ? advance() : last_;
  auto* f = make<For>({});
  f->is_async = is_async;
  f->target = star_targets();
  expect_kw("in");
  f->iter = star_expressions();
  expect_colon();
  f->body = block("'for' statement", for_tok.line);
  if (at_kw("else")) {
    Token else_tok = advance();
    expect_forced(Op::Colon);
    f->orelse = block("'else' statement", else_tok.line);
  }
  f->span = span_from(first);
  return f;
}

// `with (a as b, c):` is the parenthesized form only when ':' follows the ')'.
bool Parser::with_is_parenthesized() {
  if (!at_op(Op::LPar)) return false;
  int depth = 0;
  for (size_t k = 0;; ++k) {
    const Token& t = peek(k);
    if (t.kind == Tok::Newline || t.kind == Tok::EndMarker) return false;
    if (t.kind != Tok::Op) continue;
    if (t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace) ++depth;
    if (t.op == Op::RPar || t.op == Op::RSqb || t.op == Op::RBrace) {
      if (--depth == 0) return at_op(Op::Colon, k + 1);
    }
  }
}

WithItem Parser::with_item() {
  WithItem item;
  item.context_expr = expression();
  if (accept_kw("as")) {
    item.optional_vars = star_target();
    validate_target(item.optional_vars, TargetKind::Assign);
  }
  return item;
}

Stmt* Parser::with_stmt(const Token& first, bool is_async) {
  Token with_tok = is_async ? advance() : last_;
  auto* w = make<With>({});
  w->is_async = is_async;
  if (with_is_parenthesized()) {
    advance();
    do {
      if (at_op(Op::RPar)) break;
      w->items.push_back(with_item());
    } while (accept_op(Op::Comma));
    expect_op(Op::RPar);
  } else {
    do {
      w->items.push_back(with_item());
    } while (accept_op(Op::Comma));
  }
  expect_colon();
  w->body = block("'with' statement", with_tok.line);
  w->span = span_from(first);
  return w;
}

Stmt* Parser::try_stmt() {
  Token first = advance();
  auto* t = make<Try>({});
  expect_forced(Op::Colon);
  t->body = block("'try' statement", first.line);
  bool seen_star = false;
  bool seen_plain = false;
  while (at_kw("except")) t->handlers.push_back(except_block(t->is_star, seen_star, seen_plain));
  if (!t->handlers.empty() && at_kw("else")) {
    Token else_tok = advance();
    expect_forced(Op::Colon);
    t->orelse = block("'else' statement", else_tok.line);
  }
  if (at_kw("finally")) {
    Token fin = advance();
    expect_forced(Op::Colon);
    t->finalbody = block("'finally' statement", fin.line);
  }
  if (t->handlers.empty() && t->finalbody.empty()) {
    fail_at_token(peek(), "expected 'except' or 'finally' block");
  }
  t->span = span_from(first);
  return t;
}

ExceptHandler* Parser::except_block(bool& is_star, bool& seen_star, bool& seen_plain) {
  Token first = advance();
  bool star = accept_op(Op::Star);
  if ((star && seen_plain) || (!star && seen_star)) {
    fail_at_token(first, "cannot have both 'except' and 'except*' on the same 'try'");
  }
  (star ? seen_star : seen_plain) = true;
  is_star = star;
  auto* h = make<ExceptHandler>({});
  if (at_op(Op::Colon) && star) fail_at_token(peek(), "expected one or more exception types");
  if (!at_op(Op::Colon)) {
    h->type = expression();
    if (at_op(Op::Comma)) {
      advance();
      Expr* rest = star_expressions();
      fail_span(join(h->type->span, rest->span), "multiple exception types must be parenthesized");
    }
    if (accept_kw("as")) h->name = expect_name();
  }
  expect_colon();
  h->body = block(star ? "'except*' statement" : "'except' statement", first.line);
  h->span = span_from(first);
  return h;
}

Stmt* Parser::function_def(const Token& first, ExprList decorators, bool is_async) {
  Token def_tok = is_async ? advance() : last_;
  if (!at_name()) fail_invalid_syntax();
  auto* f = make<FunctionDef>({});
  f->is_async = is_async;
  f->decorator_list = std::move(decorators);
  f->name = expect_name();
  expect_forced(Op::LPar);
  parameters(f->args, Op::RPar, true);
  expect_op(Op::RPar);
  if (accept_op(Op::RArrow)) f->returns = expression();
  expect_forced(Op::Colon);
  f->body = block("function definition", def_tok.line);
  f->span = span_from(first);
  return f;
}

Stmt* Parser::class_def(const Token& first, ExprList decorators) {
  auto* c = make<ClassDef>({});
  c->decorator_list = std::move(decorators);
  c->name = expect_name();
  if (accept_op(Op::LPar)) {
    Call header;
    call_arguments(header);
    c->bases = std::move(header.args);
    c->keywords = std::move(header.keywords);
    if (!c->keywords.empty()) unsupported("class keyword arguments", c->keywords[0]->span);
  }
  expect_colon();
  c->body = block("class definition", first.line);
  c->span = span_from(first);
  return c;
}

Stmt* Parser::decorated() {
  ExprList decorators;
  while (accept_op(Op::At)) {
    decorators.push_back(named_expression());
    if (peek().kind != Tok::Newline) fail_invalid_syntax();
    advance();
  }
  if (at_kw("def")) return function_def(advance(), std::move(decorators), false);
  if (at_kw("class")) return class_def(advance(), std::move(decorators));
  if (at_kw("async") && at_kw("def", 1)) {
    return function_def(advance(), std::move(decorators), true);
  }
  fail_invalid_syntax();
}

Stmt* Parser::async_stmt() {
  Token first = advance();
  if (at_kw("def")) return function_def(first, {}, true);
  if (at_kw("with")) return with_stmt(first, true);
  if (at_kw("for")) return for_stmt(first, true);
  fail_invalid_syntax();
}

// `match` is a soft keyword: a statement starting with it is a match statement when its
// first line ends with ':' (an expression statement never does).
bool Parser::at_match_statement() {
  int depth = 0;
  for (size_t k = 1;; ++k) {
    const Token& t = peek(k);
    if (t.kind == Tok::Newline || t.kind == Tok::EndMarker) {
      return k > 1 && depth == 0 && at_op(Op::Colon, k - 1);
    }
    if (t.kind != Tok::Op) continue;
    if (t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace) ++depth;
    if (t.op == Op::RPar || t.op == Op::RSqb || t.op == Op::RBrace) --depth;
  }
}

Stmt* Parser::skip_match_statement() {
  Token first = advance();
  unsupported("match statements", span_from(first));
  while (peek().kind != Tok::Newline) advance();
  advance();
  if (peek().kind != Tok::Indent) return make<Pass>(span_from(first));
  int depth = 0;
  do {
    Tok k = advance().kind;
    if (k == Tok::Indent) ++depth;
    if (k == Tok::Dedent) --depth;
  } while (depth > 0 && peek().kind != Tok::EndMarker);
  return make<Pass>(span_from(first));
}

}  // namespace looplab::lang::detail
