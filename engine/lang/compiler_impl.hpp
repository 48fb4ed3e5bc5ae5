#pragma once
// The compiler's internals, shared by compiler.cpp (units, statements) and
// compiler_expr.cpp (expressions). Not a public header.

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/lang/compiler.hpp"
#include "engine/lang/symtable.hpp"

namespace looplab::lang {

// Raised inside the compiler for a construct outside the subset; becomes the result's
// NotImplementedError.
struct Unsupported {
  std::string what;
  int line;
};

// What a `break`, `continue` or `return` must undo on its way out (CPython's fblocks).
enum class FBlockKind : uint8_t {
  WhileLoop, ForLoop, TryExcept, TryFinally, FinallyEnd, HandlerCleanup, With, AsyncWith
};

struct FBlock {
  FBlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const ast::StmtList* finalbody = nullptr;
  std::string handler_name;
};

// One Code object being built.
struct Unit {
  Scope* scope;
  Value code_ref;
  Code* code;
  std::string qualname;
  std::vector<FBlock> fblocks;
  std::unordered_map<std::string, int> varindex, derefindex, nameindex;
  std::vector<int> label_pos, label_depth;
  std::vector<std::pair<size_t, int>> patches;  // instruction index, label
  int depth = 0, max_depth = 0;
  int line = 1;
};

// The docstring of a function or class body, or null.
const ast::Constant* docstring(const ast::StmtList& body);

class Compiler {
 public:
  Compiler(const ast::Module& m, std::string_view source);
  Value compile();

  // [SECTION] Units and emission (compiler.cpp)
  void enter_unit(Scope* s, std::string name, std::string qualname, int line);
  Value leave_unit();
  void emit(Op op, uint32_t arg = 0);
  int new_label();
  void emit_jump(Op op, int label);
  void bind_label(int label);
  void set_label_depth(int label, int depth);
  uint32_t add_const(Value v);
  uint32_t add_name(const std::string& n);
  std::string child_qualname(const std::string& name) const;
  [[noreturn]] void unsupported(const std::string& what, int line);

  // [SECTION] Statements (compiler.cpp)
  void stmt(const ast::Stmt& s);
  void body(const ast::StmtList& b);
  void function_def(const ast::FunctionDef& f);
  void class_def(const ast::ClassDef& c);
  void assign(const ast::Assign& a);
  void aug_assign(const ast::AugAssign& a);
  void for_stmt(const ast::For& f);
  void while_stmt(const ast::While& w);
  void if_stmt(const ast::If& i);
  void try_stmt(const ast::Try& t);
  void try_except(const ast::Try& t);
  void try_star(const ast::Try& t);
  void with_stmt(const ast::With& w, size_t item);
  void raise_stmt(const ast::Raise& r);
  void return_stmt(const ast::Return& r);
  void break_continue(bool is_break, int line);
  void delete_target(const ast::Expr& e);
  void import_stmt(const ast::Import& i);
  void import_from(const ast::ImportFrom& i);
  void assert_stmt(const ast::Assert& a);
  void unwind_fblock(const FBlock& b, bool preserve_tos);
  void make_closure(Value code, Scope* s, int flags);
  int push_defaults(const ast::Arguments& a);

  // [SECTION] Expressions (compiler_expr.cpp)
  void expr(const ast::Expr& e);
  void load_name(const std::string& n);
  void store_name(const std::string& n);
  void delete_name(const std::string& n);
  void store(const ast::Expr& target);
  void unpack(const ast::ExprList& elts, int line);
  void constant(const ast::Constant& c);
  void bool_op(const ast::BoolOp& b);
  void compare(const ast::Compare& c);
  void call(const ast::Call& c);
  void call_args(const ast::ExprList& args, const std::vector<ast::Keyword*>& kws,
                 int extra_pos);
  void collection(const ast::ExprList& elts, Op build, Op add, Op extend, bool to_tuple);
  void dict_display(const ast::Dict& d);
  void comprehension(const ast::Expr& node, const std::vector<ast::Comprehension*>& gens,
                     const ast::Expr* elt, const ast::Expr* value, int kind);
  void comprehension_loop(const std::vector<ast::Comprehension*>& gens, size_t i,
                          const ast::Expr* elt, const ast::Expr* value, int kind);
  void lambda(const ast::Lambda& l);
  void joined_str(const ast::JoinedStr& j);
  void formatted_value(const ast::FormattedValue& f);
  void slice(const ast::Slice& s);
  void yield_from(const ast::Expr& value);
  void comprehension_body(const std::vector<ast::Comprehension*>& gens, size_t i,
                          const ast::Expr* elt, const ast::Expr* value, int kind);
  // compiler_async.cpp
  void await_expr(const ast::Expr& value);
  void emit_await();
  void async_with_stmt(const ast::With& w, size_t item);
  void async_for_stmt(const ast::For& f);
  void async_comprehension_loop(const std::vector<ast::Comprehension*>& gens, size_t i,
                                const ast::Expr* elt, const ast::Expr* value, int kind);
  void async_with_exit();
  void end_async_for(int reraise);
  void jump_if(const ast::Expr& e, bool cond, int label);

  const ast::Module& module_;
  std::shared_ptr<const std::vector<std::string>> lines_;
  SymbolTable symbols_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
};

}  // namespace looplab::lang
