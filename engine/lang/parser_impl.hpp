#pragma once
// The recursive-descent parser, shared by parser.cpp (tokens, errors, entry points),
// parser_expr.cpp, parser_stmt.cpp and parser_string.cpp. Not part of the public API:
// include parser.hpp instead.
//
// One function per grammar rule of CPython's Grammar/python.gram, simplified to an LL
// parser. Errors are reported the first time they are found (CPython reports only the
// first one): the message is stored in the shared ParseState and ParseFailure unwinds
// to the entry point. The rule names in comments are CPython's.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/lexer.hpp"
#include "engine/lang/syntax_error.hpp"

namespace looplab::lang::detail {

struct ParseFailure {};

struct ParseState {
  std::string_view source;
  std::string filename;
  ast::Module* module = nullptr;
  std::optional<SyntaxErrorInfo> error;
  bool error_from_lexer = false;
  // "unexpected indent" is final: CPython does not look for tokenizer errors after it.
  bool skip_rescan = false;
  // The first construct outside LoopLab's subset; reported only if the file is otherwise
  // valid Python, because CPython would report its syntax errors instead.
  std::optional<SyntaxErrorInfo> unsupported;
};

// How deep expressions and statement chains may nest before the parser gives up with
// CPython's compile-time RecursionError (keeps every later recursive pass safe).
constexpr int kMaxNesting = 1000;

// Which kind of assignment target is being validated (CPython's TARGETS_TYPE).
enum class TargetKind { Assign, For, Del };

class Parser {
 public:
  Parser(ParseState& state, Lexer& lexer, bool in_fstring = false);

  void parse_file();
  int furthest_line() const { return tokens_.empty() ? 0 : tokens_.back().line; }
  ast::Expr* parse_fstring_field();  // the expression of an f-string replacement field

  // [SECTION] Tokens and errors (parser.cpp)
  const Token& peek(size_t ahead = 0);
  Token advance();
  bool at_op(Op op, size_t ahead = 0);
  bool at_kw(std::string_view kw, size_t ahead = 0);
  bool at_name(size_t ahead = 0);
  bool accept_op(Op op);
  bool accept_kw(std::string_view kw);
  Token expect_op(Op op);
  void expect_kw(std::string_view kw);
  std::string expect_name();
  void expect_colon();
  void expect_forced(Op op);

  [[noreturn]] void fail_invalid_syntax();
  [[noreturn]] void fail_at_token(const Token& t, const std::string& message,
                                  const char* type = "SyntaxError");
  [[noreturn]] void fail_span(const ast::Span& s, const std::string& message,
                              const char* type = "SyntaxError");
  [[noreturn]] void fail_raw(int line, int offset, int end_offset, const std::string& message,
                             const char* type = "SyntaxError");
  void unsupported(const std::string& what, const ast::Span& where);

  template <class T>
  T* make(const ast::Span& span) {
    return st_.module->arena.make<T>(span);
  }
  ast::Span span_from(const Token& first) const;
  ast::Span span_from(const ast::Node& first) const;
  static ast::Span join(const ast::Span& a, const ast::Span& b);
  // CPython's parser reports byte columns (+1) for errors in a file.
  static int column_offset(int byte_col) { return byte_col + 1; }
  int span_end_offset(const ast::Span& s) const;
  void set_fstring_origin(int line, int byte_col, std::string expression);
  void relocate_to_fstring(SyntaxErrorInfo& e, bool char_columns) const;
  [[noreturn]] void fail_mistyped_equal(ast::Expr* target);

  // Guards recursion and left-nested chains (a.b.c..., 1+1+...) alike.
  class Nesting {
   public:
    Nesting(Parser& p, int amount = 1);
    ~Nesting();
    void add(int amount = 1);

   private:
    Parser& p_;
    int amount_;
  };

  // [SECTION] Expressions (parser_expr.cpp)
  ast::Expr* star_expressions();
  ast::Expr* star_expression();
  ast::Expr* star_named_expression();
  ast::Expr* named_expression();
  ast::Expr* expression();
  ast::Expr* yield_expr();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or();
  ast::Expr* binary_level(int level);
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* await_primary();
  ast::Expr* primary();
  ast::Expr* atom();
  ast::Expr* lambdef();
  ast::Expr* paren_atom();
  ast::Expr* list_atom();
  ast::Expr* brace_atom();
  ast::Expr* dict_rest(const Token& open, ast::Expr* first_key, ast::Expr* first_value);
  ast::Expr* set_rest(const Token& open, ast::Expr* first);
  ast::Expr* number_atom();
  ast::Expr* slices();
  ast::Expr* slice();
  void call_arguments(ast::Call& call);
  std::vector<ast::Comprehension*> for_if_clauses();
  bool at_comprehension();
  ast::Expr* star_targets();
  ast::Expr* star_target();
  void parameters(ast::Arguments& args, Op closer, bool annotations);
  ast::Arg* parameter(bool annotations);
  void check_invalid_syntax_after(ast::Expr* e);
  bool at_expression_start(size_t ahead = 0);

  // Targets (parser_expr.cpp)
  void set_context(ast::Expr* e, ast::ExprContext ctx);
  ast::Expr* invalid_target(ast::Expr* e, TargetKind kind);
  void validate_target(ast::Expr* e, TargetKind kind);
  static const char* expr_name(const ast::Expr* e);
  bool is_parenthesized(const ast::Expr* e) const { return parenthesized_.count(e) != 0; }

  // [SECTION] Statements (parser_stmt.cpp)
  ast::StmtList statements_until_dedent();
  void statement(ast::StmtList& out);
  void simple_stmts(ast::StmtList& out);
  ast::Stmt* simple_stmt();
  ast::Stmt* compound_stmt();
  ast::StmtList block(const std::string& after, int line);
  ast::Stmt* expression_statement();
  ast::Stmt* assignment_rest(const Token& first, ast::Expr* target);
  ast::Stmt* annotated_rest(const Token& first, ast::Expr* target);
  void fail_assignment_target(const ast::ExprList& targets, const ast::Expr* value);
  [[noreturn]] void fail_first_target(ast::Expr* target, ast::Expr* bad, const ast::Expr* value);
  ast::Stmt* return_stmt();
  ast::Stmt* raise_stmt();
  ast::Stmt* del_stmt();
  ast::Stmt* assert_stmt();
  ast::Stmt* global_stmt(bool nonlocal);
  ast::Stmt* import_stmt();
  ast::Stmt* from_import_stmt();
  ast::Alias* dotted_alias(bool dotted);
  ast::Stmt* if_stmt();
  ast::Stmt* while_stmt();
  ast::Stmt* for_stmt(const Token& first, bool is_async);
  ast::Stmt* with_stmt(const Token& first, bool is_async);
  bool with_is_parenthesized();
  ast::WithItem with_item();
  ast::Stmt* try_stmt();
  ast::ExceptHandler* except_block(bool& is_star, bool& seen_star, bool& seen_plain);
  ast::Stmt* function_def(const Token& first, ast::ExprList decorators, bool is_async);
  ast::Stmt* class_def(const Token& first, ast::ExprList decorators);
  ast::Stmt* decorated();
  ast::Stmt* async_stmt();
  bool at_match_statement();
  ast::Stmt* skip_match_statement();
  ast::Expr* condition();

  // [SECTION] Strings (parser_string.cpp)
  ast::Expr* strings();

 private:
  friend class FStringParser;
  ParseState& st_;
  Lexer& lexer_;
  bool in_fstring_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  Token last_;
  Token last_significant_;  // last consumed token other than NEWLINE/INDENT/DEDENT
  // Where an f-string replacement field's expression starts; CPython reports errors
  // in it against the text "(expression)".
  int fstring_line_ = 0;
  int fstring_col_ = 0;
  std::string fstring_text_;
  int nesting_ = 0;
  std::unordered_set<const ast::Expr*> parenthesized_;
};

}  // namespace looplab::lang::detail
