#include "engine/lang/symtable.hpp"

#include <algorithm>

namespace looplab::lang {

NameKind Scope::lookup(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return kind == ScopeKind::Module ? NameKind::Local : NameKind::GlobalImplicit;
}

// [SECTION] Collecting names ---------------------------------------------------------------

class SymbolVisitor {
 public:
  explicit SymbolVisitor(SymbolTable& t) : table_(t) {}

  void visit_body(const ast::StmtList& body) {
    for (auto* s : body) visit(*s);
  }

  Scope* push(ScopeKind k, std::string name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->kind = k;
    s->name = std::move(name);
    s->parent = cur_;
    if (cur_) {
      s->in_class_method = cur_->kind == ScopeKind::Class || cur_->in_class_method;
    }
    Scope* raw = s.get();
    if (cur_) {
      cur_->children.push_back(std::move(s));
    } else {
      table_.root_ = std::move(s);
    }
    if (node) table_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

 private:
  void bind(const std::string& n) {
    if (cur_->bound.insert(n).second) cur_->bound_order.push_back(n);
  }
  void use(const std::string& n) { cur_->used.insert(n); }

  void visit_args(const ast::Arguments& a) {
    for (auto* d : a.defaults) visit(*d);
    for (auto* d : a.kw_defaults) {
      if (d) visit(*d);
    }
  }
  void declare_params(const ast::Arguments& a) {
    auto add = [&](const ast::Arg* arg) {
      cur_->params.push_back(arg->name);
      bind(arg->name);
    };
    for (auto* p : a.posonlyargs) add(p);
    for (auto* p : a.args) add(p);
    for (auto* p : a.kwonlyargs) add(p);
    if (a.vararg) add(a.vararg);
    if (a.kwarg) add(a.kwarg);
  }

  void visit_function(const ast::FunctionDef& f) {
    for (auto* d : f.decorator_list) visit(*d);
    visit_args(f.args);
    bind(f.name);
    push(ScopeKind::Function, f.name, &f);
    cur_->is_coroutine = f.is_async;
    declare_params(f.args);
    visit_body(f.body);
    pop();
  }

  void visit_class(const ast::ClassDef& c) {
    for (auto* d : c.decorator_list) visit(*d);
    for (auto* b : c.bases) visit(*b);
    for (auto* k : c.keywords) visit(*k->value);
    bind(c.name);
    push(ScopeKind::Class, c.name, &c);
    visit_body(c.body);
    pop();
  }

  void visit_comprehension(const ast::Expr& node, const std::vector<ast::Comprehension*>& gens,
                           const ast::Expr* elt, const ast::Expr* value, bool is_genexp) {
    visit(*gens[0]->iter);
    push(ScopeKind::Comprehension, is_genexp ? "<genexpr>" : "<comp>", &node);
    cur_->is_generator = is_genexp;
    cur_->params.push_back(".0");
    bind(".0");
    for (size_t i = 0; i < gens.size(); ++i) {
      visit_target(*gens[i]->target);
      if (i > 0) visit(*gens[i]->iter);
      for (auto* c : gens[i]->ifs) visit(*c);
      if (gens[i]->is_async) cur_->is_coroutine = true;
    }
    if (elt) visit(*elt);
    if (value) visit(*value);
    bool awaited = cur_->is_coroutine && !is_genexp;
    pop();
    if (awaited && cur_->kind == ScopeKind::Comprehension) cur_->is_coroutine = true;
  }

  void visit_target(const ast::Expr& e) { visit(e); }

  void visit_named(const ast::NamedExpr& n) {
    visit(*n.value);
    const std::string& id = n.target->as<ast::Name>().id;
    // The target binds in the nearest enclosing non-comprehension scope.
    Scope* s = cur_;
    while (s->kind == ScopeKind::Comprehension) {
      s->used.insert(id);
      s = s->parent;
    }
    if (s == cur_) {
      bind(id);
      return;
    }
    if (s->bound.insert(id).second) s->bound_order.push_back(id);
    if (s->kind == ScopeKind::Module) {
      for (Scope* c = cur_; c != s; c = c->parent) c->globals.insert(id);
    }
  }

 public:
  void visit(const ast::Expr& e);
  void visit(const ast::Stmt& s);

 private:
  void visit_stmt_children(const ast::Stmt& s);
  SymbolTable& table_;
  Scope* cur_ = nullptr;
};

void SymbolVisitor::visit(const ast::Expr& e) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::Name: {
      auto& n = e.as<ast::Name>();
      if (n.ctx == ast::ExprContext::Load) {
        use(n.id);
        if (n.id == "super" && cur_->in_class_method && cur_->kind != ScopeKind::Class) {
          use("__class__");
        }
      } else {
        bind(n.id);
      }
      return;
    }
    case K::BoolOp: for (auto* v : e.as<ast::BoolOp>().values) visit(*v); return;
    case K::NamedExpr: visit_named(e.as<ast::NamedExpr>()); return;
    case K::BinOp: visit(*e.as<ast::BinOp>().left); visit(*e.as<ast::BinOp>().right); return;
    case K::UnaryOp: visit(*e.as<ast::UnaryOp>().operand); return;
    case K::Lambda: {
      auto& l = e.as<ast::Lambda>();
      visit_args(l.args);
      push(ScopeKind::Function, "<lambda>", &e);
      declare_params(l.args);
      visit(*l.body);
      pop();
      return;
    }
    case K::IfExp: {
      auto& i = e.as<ast::IfExp>();
      visit(*i.test); visit(*i.body); visit(*i.orelse);
      return;
    }
    case K::Dict: {
      auto& d = e.as<ast::Dict>();
      for (auto* k : d.keys) if (k) visit(*k);
      for (auto* v : d.values) visit(*v);
      return;
    }
    case K::Set: for (auto* v : e.as<ast::Set>().elts) visit(*v); return;
    case K::ListComp: {
      auto& c = e.as<ast::ListComp>();
      visit_comprehension(e, c.generators, c.elt, nullptr, false);
      return;
    }
    case K::SetComp: {
      auto& c = e.as<ast::SetComp>();
      visit_comprehension(e, c.generators, c.elt, nullptr, false);
      return;
    }
    case K::DictComp: {
      auto& c = e.as<ast::DictComp>();
      visit_comprehension(e, c.generators, c.key, c.value, false);
      return;
    }
    case K::GeneratorExp: {
      auto& c = e.as<ast::GeneratorExp>();
      visit_comprehension(e, c.generators, c.elt, nullptr, true);
      return;
    }
    case K::Await:
      visit(*e.as<ast::Await>().value);
      if (cur_->kind == ScopeKind::Comprehension) cur_->is_coroutine = true;  // awaited by its caller
      return;
    case K::Yield:
      cur_->is_generator = true;
      if (e.as<ast::Yield>().value) visit(*e.as<ast::Yield>().value);
      return;
    case K::YieldFrom:
      cur_->is_generator = true;
      visit(*e.as<ast::YieldFrom>().value);
      return;
    case K::Compare: {
      auto& c = e.as<ast::Compare>();
      visit(*c.left);
      for (auto* v : c.comparators) visit(*v);
      return;
    }
    case K::Call: {
      auto& c = e.as<ast::Call>();
      visit(*c.func);
      for (auto* a : c.args) visit(*a);
      for (auto* k : c.keywords) visit(*k->value);
      return;
    }
    case K::FormattedValue: {
      auto& f = e.as<ast::FormattedValue>();
      visit(*f.value);
      if (f.format_spec) visit(*f.format_spec);
      return;
    }
    case K::JoinedStr: for (auto* v : e.as<ast::JoinedStr>().values) visit(*v); return;
    case K::Constant: return;
    case K::Attribute: visit(*e.as<ast::Attribute>().value); return;
    case K::Subscript:
      visit(*e.as<ast::Subscript>().value);
      visit(*e.as<ast::Subscript>().slice);
      return;
    case K::Starred: visit(*e.as<ast::Starred>().value); return;
    case K::List: for (auto* v : e.as<ast::List>().elts) visit(*v); return;
    case K::Tuple: for (auto* v : e.as<ast::Tuple>().elts) visit(*v); return;
    case K::Slice: {
      auto& s = e.as<ast::Slice>();
      if (s.lower) visit(*s.lower);
      if (s.upper) visit(*s.upper);
      if (s.step) visit(*s.step);
      return;
    }
  }
}

void SymbolVisitor::visit(const ast::Stmt& s) {
  using K = ast::StmtKind;
  switch (s.kind) {
    case K::FunctionDef: visit_function(s.as<ast::FunctionDef>()); return;
    case K::ClassDef: visit_class(s.as<ast::ClassDef>()); return;
    case K::Global:
      for (auto& n : s.as<ast::Global>().names) cur_->globals.insert(n);
      return;
    case K::Nonlocal:
      for (auto& n : s.as<ast::Nonlocal>().names) cur_->nonlocals.insert(n);
      return;
    case K::Import:
      for (auto* a : s.as<ast::Import>().names) {
        std::string n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
        bind(n);
      }
      return;
    case K::ImportFrom:
      for (auto* a : s.as<ast::ImportFrom>().names) {
        if (a->name != "*") bind(a->asname.empty() ? a->name : a->asname);
      }
      return;
    case K::Try:
      for (auto* h : s.as<ast::Try>().handlers) {
        if (!h->name.empty()) bind(h->name);
      }
      visit_stmt_children(s);
      return;
    default: visit_stmt_children(s); return;
  }
}

void SymbolVisitor::visit_stmt_children(const ast::Stmt& s) {
  using K = ast::StmtKind;
  switch (s.kind) {
    case K::Return: if (s.as<ast::Return>().value) visit(*s.as<ast::Return>().value); return;
    case K::Delete: for (auto* t : s.as<ast::Delete>().targets) visit(*t); return;
    case K::Assign: {
      auto& a = s.as<ast::Assign>();
      visit(*a.value);
      for (auto* t : a.targets) visit(*t);
      return;
    }
    case K::AugAssign: {
      auto& a = s.as<ast::AugAssign>();
      visit(*a.value);
      visit(*a.target);
      if (a.target->kind == ast::ExprKind::Name) use(a.target->as<ast::Name>().id);
      return;
    }
    case K::AnnAssign: {
      auto& a = s.as<ast::AnnAssign>();
      if (a.value) visit(*a.value);
      if (a.value || a.target->kind != ast::ExprKind::Name) visit(*a.target);
      else if (a.simple) bind(a.target->as<ast::Name>().id);
      return;
    }
    case K::For: {
      auto& f = s.as<ast::For>();
      visit(*f.iter);
      visit(*f.target);
      visit_body(f.body);
      visit_body(f.orelse);
      return;
    }
    case K::While: {
      auto& w = s.as<ast::While>();
      visit(*w.test);
      visit_body(w.body);
      visit_body(w.orelse);
      return;
    }
    case K::If: {
      auto& i = s.as<ast::If>();
      visit(*i.test);
      visit_body(i.body);
      visit_body(i.orelse);
      return;
    }
    case K::With: {
      auto& w = s.as<ast::With>();
      for (auto& it : w.items) {
        visit(*it.context_expr);
        if (it.optional_vars) visit(*it.optional_vars);
      }
      visit_body(w.body);
      return;
    }
    case K::Raise: {
      auto& r = s.as<ast::Raise>();
      if (r.exc) visit(*r.exc);
      if (r.cause) visit(*r.cause);
      return;
    }
    case K::Try: {
      auto& t = s.as<ast::Try>();
      visit_body(t.body);
      for (auto* h : t.handlers) {
        if (h->type) visit(*h->type);
        visit_body(h->body);
      }
      visit_body(t.orelse);
      visit_body(t.finalbody);
      return;
    }
    case K::Assert: {
      auto& a = s.as<ast::Assert>();
      visit(*a.test);
      if (a.msg) visit(*a.msg);
      return;
    }
    case K::Expr: visit(*s.as<ast::ExprStmt>().value); return;
    default: return;
  }
}

// [SECTION] Resolving ----------------------------------------------------------------------

namespace {

std::set<std::string> analyze(Scope* s, const std::set<std::string>& enclosing) {
  std::set<std::string> names = s->bound;
  names.insert(s->used.begin(), s->used.end());
  names.insert(s->globals.begin(), s->globals.end());
  names.insert(s->nonlocals.begin(), s->nonlocals.end());
  std::set<std::string> my_free;
  for (const auto& n : names) {
    NameKind k;
    if (s->globals.count(n)) {
      k = NameKind::GlobalExplicit;
    } else if (s->nonlocals.count(n)) {
      k = NameKind::Free;
    } else if (s->bound.count(n)) {
      k = NameKind::Local;
    } else if (s->kind != ScopeKind::Module && enclosing.count(n)) {
      k = NameKind::Free;
    } else {
      k = s->kind == ScopeKind::Module ? NameKind::Local : NameKind::GlobalImplicit;
    }
    if (k == NameKind::Free) my_free.insert(n);
    s->resolved[n] = k;
  }
  std::set<std::string> inner = enclosing;
  if (s->kind == ScopeKind::Module) inner.clear();
  if (s->is_function_like()) {
    for (const auto& [n, k] : s->resolved) {
      if (k == NameKind::Local || k == NameKind::Free) inner.insert(n);
    }
  }
  if (s->kind == ScopeKind::Class) inner.insert("__class__");
  std::set<std::string> child_free;
  for (auto& c : s->children) {
    auto f = analyze(c.get(), inner);
    child_free.insert(f.begin(), f.end());
  }
  if (s->kind == ScopeKind::Class && child_free.erase("__class__")) {
    s->needs_class_cell = true;
    s->cellvars.push_back("__class__");
  }
  for (const auto& n : child_free) {
    auto it = s->resolved.find(n);
    if (s->is_function_like() && it != s->resolved.end() && it->second == NameKind::Local) {
      it->second = NameKind::Cell;
      continue;
    }
    if (s->is_function_like() && it != s->resolved.end() && it->second == NameKind::Free) {
      continue;
    }
    if (s->kind == ScopeKind::Class && it != s->resolved.end() &&
        it->second == NameKind::Local) {
      s->class_free_also_bound.insert(n);
    } else if (s->kind != ScopeKind::Module) {
      s->resolved[n] = NameKind::Free;
    }
    my_free.insert(n);
  }
  for (const auto& n : s->bound_order) {
    if (s->resolved[n] == NameKind::Cell) s->cellvars.push_back(n);
  }
  for (const auto& p : s->params) {
    if (s->resolved[p] == NameKind::Cell &&
        std::find(s->cellvars.begin(), s->cellvars.end(), p) == s->cellvars.end()) {
      s->cellvars.push_back(p);
    }
  }
  s->freevars.assign(my_free.begin(), my_free.end());
  return my_free;
}

}  // namespace

SymbolTable::SymbolTable(const ast::Module& m) {
  SymbolVisitor v(*this);
  v.push(ScopeKind::Module, "<module>", nullptr);
  v.visit_body(m.body);
  analyze(root_.get(), {});
}

}  // namespace looplab::lang
