// Expressions: CPython's grammar from star_expressions down to atom. The rules that bind
// names (comprehension clauses, parameters, assignment targets) are in parser_target.cpp.

#include <cerrno>
#include <cstdlib>

#include "engine/lang/parser_impl.hpp"

namespace looplab::lang::detail {

using namespace ast;

// [SECTION] Lists of expressions -------------------------------------------------------

bool Parser::at_expression_start(size_t ahead) {
  const Token& t = peek(ahead);
  switch (t.kind) {
    case Tok::Number:
    case Tok::String:
      return true;
    case Tok::Name:
      return !is_keyword(t.text) || t.text == "True" || t.text == "False" || t.text == "None" ||
             t.text == "not" || t.text == "lambda" || t.text == "await";
    case Tok::Op:
      return t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace || t.op == Op::Minus ||
             t.op == Op::Plus || t.op == Op::Tilde || t.op == Op::Ellipsis;
    default:
      return false;
  }
}

// star_expressions: a bare tuple when there is a comma.
Expr* Parser::star_expressions() {
  Expr* first = star_expression();
  if (!at_op(Op::Comma)) return first;
  auto* tuple = make<Tuple>(first->span);
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (!at_expression_start() && !at_op(Op::Star)) break;
    tuple->elts.push_back(star_expression());
  }
  tuple->span = span_from(*first);
  return tuple;
}

Expr* Parser::star_expression() {
  if (!at_op(Op::Star)) return expression();
  Token star = advance();
  auto* s = make<Starred>({});
  s->value = bitwise_or();
  s->span = span_from(star);
  return s;
}

Expr* Parser::star_named_expression() {
  if (!at_op(Op::Star)) return named_expression();
  Token star = advance();
  auto* s = make<Starred>({});
  s->value = bitwise_or();
  s->span = span_from(star);
  return s;
}

Expr* Parser::named_expression() {
  if (at_name() && at_op(Op::ColonEqual, 1)) {
    Token name_tok = advance();
    advance();
    auto* target = make<Name>(span_from(name_tok));
    target->id = std::string(name_tok.text);
    target->ctx = ExprContext::Store;
    auto* named = make<NamedExpr>({});
    named->target = target;
    named->value = expression();
    named->span = span_from(name_tok);
    return named;
  }
  Expr* e = expression();
  if (at_op(Op::ColonEqual)) {
    fail_span(e->span, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  return e;
}

// [SECTION] Conditional, lambda, boolean and comparison ----------------------------------

Expr* Parser::expression() {
  Nesting guard(*this);
  if (at_kw("lambda")) return lambdef();
  Expr* body = disjunction();
  if (!at_kw("if")) return body;
  advance();
  Expr* test = disjunction();
  if (!accept_kw("else")) {
    if (at_op(Op::Colon)) fail_invalid_syntax();
    fail_span(join(body->span, test->span), "expected 'else' after 'if' expression");
  }
  auto* e = make<IfExp>({});
  e->body = body;
  e->test = test;
  e->orelse = expression();
  e->span = span_from(*body);
  return e;
}

Expr* Parser::lambdef() {
  Token first = advance();
  auto* lambda = make<Lambda>({});
  parameters(lambda->args, Op::Colon, false);
  expect_op(Op::Colon);
  lambda->body = expression();
  lambda->span = span_from(first);
  return lambda;
}

Expr* Parser::disjunction() {
  Expr* first = conjunction();
  if (!at_kw("or")) return first;
  auto* op = make<BoolOp>({});
  op->op = BoolOpKind::Or;
  op->values.push_back(first);
  while (accept_kw("or")) op->values.push_back(conjunction());
  op->span = span_from(*first);
  return op;
}

Expr* Parser::conjunction() {
  Expr* first = inversion();
  if (!at_kw("and")) return first;
  auto* op = make<BoolOp>({});
  op->op = BoolOpKind::And;
  op->values.push_back(first);
  while (accept_kw("and")) op->values.push_back(inversion());
  op->span = span_from(*first);
  return op;
}

Expr* Parser::inversion() {
  if (!at_kw("not")) return comparison();
  Nesting guard(*this);
  Token first = advance();
  auto* op = make<UnaryOp>({});
  op->op = UnaryOpKind::Not;
  op->operand = inversion();
  op->span = span_from(first);
  return op;
}

namespace {

bool comparison_operator(Parser& p, CmpOpKind& out, int& width) {
  const Token& t = p.peek();
  width = 1;
  if (t.kind == Tok::Op) {
    switch (t.op) {
      case Op::EqEqual: out = CmpOpKind::Eq; return true;
      case Op::NotEqual: out = CmpOpKind::NotEq; return true;
      case Op::Less: out = CmpOpKind::Lt; return true;
      case Op::LessEqual: out = CmpOpKind::LtE; return true;
      case Op::Greater: out = CmpOpKind::Gt; return true;
      case Op::GreaterEqual: out = CmpOpKind::GtE; return true;
      default: return false;
    }
  }
  if (p.at_kw("in")) {
    out = CmpOpKind::In;
    return true;
  }
  if (p.at_kw("not") && p.at_kw("in", 1)) {
    out = CmpOpKind::NotIn;
    width = 2;
    return true;
  }
  if (p.at_kw("is")) {
    bool is_not = p.at_kw("not", 1);
    out = is_not ? CmpOpKind::IsNot : CmpOpKind::Is;
    width = is_not ? 2 : 1;
    return true;
  }
  return false;
}

}  // namespace

Expr* Parser::comparison() {
  Expr* left = bitwise_or();
  CmpOpKind op;
  int width;
  if (!comparison_operator(*this, op, width)) return left;
  auto* cmp = make<Compare>({});
  cmp->left = left;
  while (comparison_operator(*this, op, width)) {
    for (int i = 0; i < width; ++i) advance();
    cmp->ops.push_back(op);
    cmp->comparators.push_back(bitwise_or());
  }
  cmp->span = span_from(*left);
  return cmp;
}

// [SECTION] Binary operators ---------------------------------------------------------------

namespace {

struct BinaryRow {
  Op op;
  BinOpKind kind;
  int level;  // 0 = loosest ('|') ... 5 = tightest ('*', '/', ...)
};

constexpr BinaryRow kBinaryRows[] = {
    {Op::VBar, BinOpKind::BitOr, 0},       {Op::Circumflex, BinOpKind::BitXor, 1},
    {Op::Amper, BinOpKind::BitAnd, 2},     {Op::LeftShift, BinOpKind::LShift, 3},
    {Op::RightShift, BinOpKind::RShift, 3}, {Op::Plus, BinOpKind::Add, 4},
    {Op::Minus, BinOpKind::Sub, 4},        {Op::Star, BinOpKind::Mult, 5},
    {Op::Slash, BinOpKind::Div, 5},        {Op::DoubleSlash, BinOpKind::FloorDiv, 5},
    {Op::Percent, BinOpKind::Mod, 5},      {Op::At, BinOpKind::MatMult, 5},
};
constexpr int kTightestBinaryLevel = 5;

const BinaryRow* binary_row(const Token& t, int level) {
  if (t.kind != Tok::Op) return nullptr;
  for (const auto& row : kBinaryRows)
    if (row.op == t.op && row.level == level) return &row;
  return nullptr;
}

}  // namespace

Expr* Parser::bitwise_or() { return binary_level(0); }

// Left-associative operators of one precedence level; each link of the chain counts as
// one level of nesting, since the tree it builds is that deep.
Expr* Parser::binary_level(int level) {
  auto operand = [&] { return level == kTightestBinaryLevel ? factor() : binary_level(level + 1); };
  Expr* left = operand();
  Nesting chain(*this, 0);
  while (const BinaryRow* row = binary_row(peek(), level)) {
    advance();
    chain.add();
    auto* bin = make<BinOp>({});
    bin->left = left;
    bin->op = row->kind;
    bin->right = operand();
    bin->span = span_from(*left);
    left = bin;
  }
  return left;
}

Expr* Parser::factor() {
  const Token& t = peek();
  if (t.kind == Tok::Op && (t.op == Op::Plus || t.op == Op::Minus || t.op == Op::Tilde)) {
    Nesting guard(*this);
    Token first = advance();
    auto* op = make<UnaryOp>({});
    op->op = first.op == Op::Plus ? UnaryOpKind::UAdd
             : first.op == Op::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
    op->operand = factor();
    op->span = span_from(first);
    return op;
  }
  return power();
}

Expr* Parser::power() {
  Expr* base = await_primary();
  if (!accept_op(Op::DoubleStar)) return base;
  Nesting guard(*this);
  auto* bin = make<BinOp>({});
  bin->left = base;
  bin->op = BinOpKind::Pow;
  bin->right = factor();
  bin->span = span_from(*base);
  return bin;
}

Expr* Parser::await_primary() {
  if (!at_kw("await")) return primary();
  Nesting guard(*this);
  Token first = advance();
  auto* e = make<Await>({});
  e->value = primary();
  e->span = span_from(first);
  return e;
}

// [SECTION] Primaries: attribute, call, subscript ---------------------------------------------

Expr* Parser::primary() {
  Expr* e = atom();
  Nesting chain(*this, 0);
  for (;;) {
    if (accept_op(Op::Dot)) {
      chain.add();
      auto* attr = make<Attribute>({});
      attr->value = e;
      attr->attr = expect_name();
      attr->span = span_from(*e);
      e = attr;
    } else if (at_op(Op::LPar)) {
      chain.add();
      advance();
      auto* call = make<Call>({});
      call->func = e;
      call_arguments(*call);
      call->span = span_from(*e);
      e = call;
    } else if (at_op(Op::LSqb)) {
      chain.add();
      advance();
      auto* sub = make<Subscript>({});
      sub->value = e;
      sub->slice = slices();
      if (!at_op(Op::RSqb)) check_invalid_syntax_after(sub->slice);
      advance();
      sub->span = span_from(*e);
      e = sub;
    } else {
      return e;
    }
  }
}

Expr* Parser::slices() {
  Expr* first = slice();
  if (!at_op(Op::Comma) && first->kind != ExprKind::Starred) return first;
  auto* tuple = make<Tuple>({});
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RSqb)) break;
    tuple->elts.push_back(slice());
  }
  tuple->span = span_from(*first);
  return tuple;
}

Expr* Parser::slice() {
  if (at_op(Op::Star)) return star_expression();
  Token first = peek();
  Expr* lower = nullptr;
  if (!at_op(Op::Colon)) {
    lower = named_expression();
    if (!at_op(Op::Colon)) return lower;
  }
  auto* s = make<Slice>({});
  s->lower = lower;
  advance();
  auto bound_follows = [&] { return !at_op(Op::Colon) && !at_op(Op::Comma) && !at_op(Op::RSqb); };
  if (bound_follows()) s->upper = expression();
  if (accept_op(Op::Colon) && bound_follows()) s->step = expression();
  s->span = span_from(first);
  return s;
}

namespace {

// CPython reports a misplaced positional argument once the whole argument list is read
// (at the token after it); a misplaced `*` at once, at the star.
const char* argument_order_error(const Call& call, bool starred) {
  bool unpacked_kwargs = false;
  bool named_kwargs = false;
  for (const Keyword* k : call.keywords) (k->arg.empty() ? unpacked_kwargs : named_kwargs) = true;
  if (starred && unpacked_kwargs) return "iterable argument unpacking follows keyword argument unpacking";
  if (!starred && unpacked_kwargs) return "positional argument follows keyword argument unpacking";
  if (!starred && named_kwargs) return "positional argument follows keyword argument";
  return nullptr;
}

}  // namespace

// The '(' is consumed; consumes through ')'.
void Parser::call_arguments(Call& call) {
  Token open = last_;
  const char* misplaced_positional = nullptr;
  while (!at_op(Op::RPar)) {
    if (at_op(Op::DoubleStar) || (at_name() && at_op(Op::Equal, 1))) {
      Token first = peek();
      auto* kw = make<Keyword>({});
      if (accept_op(Op::DoubleStar)) {
        kw->value = expression();
      } else {
        kw->arg = expect_name();
        advance();
        kw->value = expression();
      }
      kw->span = span_from(first);
      call.keywords.push_back(kw);
    } else if (at_op(Op::Star)) {
      if (const char* message = argument_order_error(call, true)) fail_at_token(peek(), message);
      call.args.push_back(star_expression());
    } else {
      if (peek().kind == Tok::Name && (peek().text == "True" || peek().text == "False" ||
                                       peek().text == "None") && at_op(Op::Equal, 1)) {
        const Token& name = peek();
        const Token& equal = peek(1);
        fail_span({name.line, name.col, equal.end_line, equal.end_col},
                  "cannot assign to " + std::string(name.text));
      }
      Expr* arg = named_expression();
      if (at_op(Op::Equal)) {
        advance();
        fail_span(span_from(*arg), "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (at_comprehension()) {
        auto* gen = make<GeneratorExp>({});
        gen->elt = arg;
        gen->generators = for_if_clauses();
        if (!call.args.empty() || !call.keywords.empty() || !at_op(Op::RPar)) {
          fail_span(span_from(*arg), "Generator expression must be parenthesized");
        }
        advance();
        gen->span = span_from(open);
        call.args.push_back(gen);
        return;
      }
      if (!misplaced_positional) misplaced_positional = argument_order_error(call, false);
      call.args.push_back(arg);
    }
    if (!accept_op(Op::Comma)) break;
  }
  if (!at_op(Op::RPar)) {
    Expr* last = call.keywords.empty() ? (call.args.empty() ? nullptr : call.args.back())
                                       : call.keywords.back()->value;
    if (last) check_invalid_syntax_after(last);
    fail_invalid_syntax();
  }
  if (misplaced_positional) fail_at_token(peek(), misplaced_positional);
  advance();
}

// [SECTION] Atoms ----------------------------------------------------------------------------

Expr* Parser::atom() {
  const Token& t = peek();
  if (t.kind == Tok::Name) {
    Token name = advance();
    auto constant = [&](ConstantKind k) {
      auto* c = make<Constant>(span_from(name));
      c->value_kind = k;
      return c;
    };
    if (name.text == "True") return constant(ConstantKind::True);
    if (name.text == "False") return constant(ConstantKind::False);
    if (name.text == "None") return constant(ConstantKind::None);
    if (is_keyword(name.text)) {
      --pos_;
      fail_invalid_syntax();
    }
    auto* n = make<Name>(span_from(name));
    n->id = std::string(name.text);
    return n;
  }
  if (t.kind == Tok::Number) return number_atom();
  if (t.kind == Tok::String) return strings();
  if (t.kind == Tok::Op) {
    switch (t.op) {
      case Op::LPar: return paren_atom();
      case Op::LSqb: return list_atom();
      case Op::LBrace: return brace_atom();
      case Op::Ellipsis: {
        Token dots = advance();
        auto* c = make<Constant>(span_from(dots));
        c->value_kind = ConstantKind::Ellipsis;
        return c;
      }
      default: break;
    }
  }
  fail_invalid_syntax();
}

namespace {

// Parses an integer literal's digits (underscores already removed) in `base`.
bool parse_int(std::string_view digits, int base, int64_t& out) {
  uint64_t value = 0;
  for (char c : digits) {
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    if (value > (static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(d)) /
                    static_cast<uint64_t>(base)) {
      return false;
    }
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  out = static_cast<int64_t>(value);
  return true;
}

}  // namespace

Expr* Parser::number_atom() {
  Token t = advance();
  auto* c = make<Constant>(span_from(t));
  std::string text;
  for (char ch : t.text)
    if (ch != '_') text.push_back(ch);
  char last = static_cast<char>(text.back() | 0x20);
  bool prefixed = text.size() > 1 && text[0] == '0' && std::isalpha(static_cast<unsigned char>(text[1]));
  if (last == 'j') {
    unsupported("complex numbers", c->span);
    c->value_kind = ConstantKind::Float;
    c->text = text;
    return c;
  }
  if (!prefixed && text.find_first_of(".eE") != std::string::npos) {
    c->value_kind = ConstantKind::Float;
    c->float_value = std::strtod(text.c_str(), nullptr);
    c->text = text;
    return c;
  }
  c->value_kind = ConstantKind::Int;
  c->text = text;
  int base = 10;
  std::string_view digits = text;
  if (prefixed) {
    char p = static_cast<char>(text[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    digits.remove_prefix(2);
  }
  c->int_overflow = !parse_int(digits, base, c->int_value);
  return c;
}

// '(' ... ')': empty tuple, parenthesized expression, tuple, generator expression or
// parenthesized yield.
Expr* Parser::paren_atom() {
  Token open = advance();
  if (accept_op(Op::RPar)) return make<Tuple>(span_from(open));
  if (at_kw("yield")) {
    Expr* y = yield_expr();
    expect_op(Op::RPar);
    parenthesized_.insert(y);
    return y;
  }
  Expr* first = star_named_expression();
  if (at_comprehension()) {
    if (first->kind == ExprKind::Starred) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
    auto* gen = make<GeneratorExp>({});
    gen->elt = first;
    gen->generators = for_if_clauses();
    expect_op(Op::RPar);
    gen->span = span_from(open);
    return gen;
  }
  if (at_op(Op::Comma)) {
    auto* tuple = make<Tuple>({});
    tuple->elts.push_back(first);
    while (accept_op(Op::Comma) && !at_op(Op::RPar)) tuple->elts.push_back(star_named_expression());
    if (!at_op(Op::RPar)) check_invalid_syntax_after(tuple->elts.back());
    advance();
    tuple->span = span_from(open);
    parenthesized_.insert(tuple);
    return tuple;
  }
  if (!at_op(Op::RPar)) check_invalid_syntax_after(first);
  advance();
  if (first->kind == ExprKind::Starred) fail_span(first->span, "cannot use starred expression here");
  parenthesized_.insert(first);
  return first;
}

Expr* Parser::list_atom() {
  Token open = advance();
  auto* list = make<List>({});
  if (!at_op(Op::RSqb)) {
    Expr* first = star_named_expression();
    if (at_comprehension()) {
      if (first->kind == ExprKind::Starred) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
      auto* comp = make<ListComp>({});
      comp->elt = first;
      comp->generators = for_if_clauses();
      expect_op(Op::RSqb);
      comp->span = span_from(open);
      return comp;
    }
    list->elts.push_back(first);
    while (accept_op(Op::Comma) && !at_op(Op::RSqb)) list->elts.push_back(star_named_expression());
    if (!at_op(Op::RSqb)) check_invalid_syntax_after(list->elts.back());
  }
  advance();
  list->span = span_from(open);
  return list;
}

Expr* Parser::brace_atom() {
  Token open = advance();
  if (accept_op(Op::RBrace)) return make<Dict>(span_from(open));
  if (accept_op(Op::DoubleStar)) return dict_rest(open, nullptr, bitwise_or());
  Expr* first = star_named_expression();
  if (first->kind != ExprKind::Starred && accept_op(Op::Colon)) {
    if (at_op(Op::Comma) || at_op(Op::RBrace)) {
      fail_at_token(last_, "expression expected after dictionary key and ':'");
    }
    Expr* value = expression();
    if (!at_comprehension()) return dict_rest(open, first, value);
    auto* comp = make<DictComp>({});
    comp->key = first;
    comp->value = value;
    comp->generators = for_if_clauses();
    expect_op(Op::RBrace);
    comp->span = span_from(open);
    return comp;
  }
  if (!at_comprehension()) return set_rest(open, first);
  if (first->kind == ExprKind::Starred) fail_span(first->span, "iterable unpacking cannot be used in comprehension");
  auto* comp = make<SetComp>({});
  comp->elt = first;
  comp->generators = for_if_clauses();
  expect_op(Op::RBrace);
  comp->span = span_from(open);
  return comp;
}

Expr* Parser::dict_rest(const Token& open, Expr* first_key, Expr* first_value) {
  auto* dict = make<Dict>({});
  dict->keys.push_back(first_key);
  dict->values.push_back(first_value);
  while (accept_op(Op::Comma) && !at_op(Op::RBrace)) {
    if (accept_op(Op::DoubleStar)) {
      dict->keys.push_back(nullptr);
      dict->values.push_back(bitwise_or());
      continue;
    }
    Expr* key = expression();
    if (!at_op(Op::Colon) && (at_op(Op::Comma) || at_op(Op::RBrace))) {
      int offset = column_offset(key->span.end_col - 1);
      fail_raw(key->span.end_line, offset, 0, "':' expected after dictionary key");
    }
    expect_op(Op::Colon);
    if (at_op(Op::Comma) || at_op(Op::RBrace)) {
      fail_at_token(last_, "expression expected after dictionary key and ':'");
    }
    dict->keys.push_back(key);
    dict->values.push_back(expression());
  }
  if (!at_op(Op::RBrace)) check_invalid_syntax_after(dict->values.back());
  advance();
  dict->span = span_from(open);
  return dict;
}

Expr* Parser::set_rest(const Token& open, Expr* first) {
  auto* set = make<Set>({});
  set->elts.push_back(first);
  while (accept_op(Op::Comma) && !at_op(Op::RBrace)) set->elts.push_back(star_named_expression());
  if (!at_op(Op::RBrace)) check_invalid_syntax_after(set->elts.back());
  advance();
  set->span = span_from(open);
  return set;
}

// A bracketed element list stopped at an unexpected token: CPython points out the
// missing comma when another expression follows directly.
void Parser::check_invalid_syntax_after(Expr* e) {
  if (at_op(Op::Equal)) fail_mistyped_equal(e);
  bool name_then_string = e->kind == ExprKind::Name && peek().kind == Tok::String;
  if (at_expression_start() && !name_then_string) {
    size_t saved = pos_;
    Expr* next = nullptr;
    try {
      next = expression();
    } catch (const ParseFailure&) {
      if (st_.error_from_lexer || st_.error->type == "RecursionError") throw;
      st_.error.reset();
      pos_ = saved;
    }
    if (next) fail_span(join(e->span, next->span), "invalid syntax. Perhaps you forgot a comma?");
  }
  fail_invalid_syntax();
}

}  // namespace looplab::lang::detail
