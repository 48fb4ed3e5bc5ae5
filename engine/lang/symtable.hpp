#pragma once
// Scopes, with CPython's rules (Python/symtable.c): every name of every function, class,
// lambda and comprehension is resolved to a local slot, a cell, a free variable, a global
// or a namespace name before code generation.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/lang/ast.hpp"

namespace looplab::lang {

enum class ScopeKind : uint8_t { Module, Function, Class, Comprehension };

enum class NameKind : uint8_t {
  Local,  // fast slot (function) or namespace (module/class)
  Cell,  // function local captured by an inner scope
  Free,  // captured from an enclosing function
  GlobalExplicit,
  GlobalImplicit,
};

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;

  // Collected from the AST.
  std::vector<std::string> params;  // in order
  std::set<std::string> bound, used, globals, nonlocals;
  std::vector<std::string> bound_order;  // first-binding order
  bool is_generator = false;
  bool is_coroutine = false;
  bool needs_class_cell = false;  // a class whose methods use super() or __class__
  bool in_class_method = false;

  // Results.
  std::unordered_map<std::string, NameKind> resolved;
  std::vector<std::string> cellvars, freevars;
  // Class bodies: names that are free for the methods but also bound in the class.
  std::set<std::string> class_free_also_bound;

  bool is_function_like() const {
    return kind == ScopeKind::Function || kind == ScopeKind::Comprehension;
  }
  NameKind lookup(const std::string& n) const;
};

class SymbolTable {
 public:
  // Builds the scopes of a module. Throws nothing: the front end already rejected
  // invalid global/nonlocal use.
  explicit SymbolTable(const ast::Module& m);
  Scope* module() { return root_.get(); }
  // The scope created for a FunctionDef, Lambda, ClassDef or comprehension node.
  Scope* scope_of(const void* node) const { return by_node_.at(node); }

 private:
  friend class SymbolVisitor;
  std::unique_ptr<Scope> root_;
  std::unordered_map<const void*, Scope*> by_node_;
};

}  // namespace looplab::lang
