// Context checks, in CPython's order: first the symbol-table pass (Python/symtable.c:
// global/nonlocal rules, duplicate parameters, yield in comprehensions, import *), then
// the compiler's checks (Python/compile.c: return/yield/await placement, break and
// continue outside loops, async statements, starred expressions, repeated keywords).

#include "engine/lang/check.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/lang/lexer.hpp"

namespace looplab::lang {

using namespace ast;

namespace {

struct CheckFailure {};

// [SECTION] Child traversal shared by both passes -----------------------------------------

template <class F>
void each_comprehension_child(const std::vector<Comprehension*>& gens, F&& f) {
  for (const Comprehension* g : gens) {
    f(g->iter);
    f(g->target);
    for (const Expr* c : g->ifs) f(c);
  }
}

// Calls f on every direct sub-expression (null children skipped).
template <class F>
void each_child(const Expr& e, F&& raw) {
  auto f = [&](const Expr* x) {
    if (x) raw(x);
  };
  auto all = [&](const ExprList& xs) {
    for (const Expr* x : xs) f(x);
  };
  switch (e.kind) {
    case ExprKind::BoolOp: all(e.as<BoolOp>().values); break;
    case ExprKind::NamedExpr: f(e.as<NamedExpr>().value); f(e.as<NamedExpr>().target); break;
    case ExprKind::BinOp: f(e.as<BinOp>().left); f(e.as<BinOp>().right); break;
    case ExprKind::UnaryOp: f(e.as<UnaryOp>().operand); break;
    case ExprKind::Lambda:
      all(e.as<Lambda>().args.defaults);
      all(e.as<Lambda>().args.kw_defaults);
      f(e.as<Lambda>().body);
      break;
    case ExprKind::IfExp: f(e.as<IfExp>().test); f(e.as<IfExp>().body); f(e.as<IfExp>().orelse); break;
    case ExprKind::Dict: all(e.as<Dict>().keys); all(e.as<Dict>().values); break;
    case ExprKind::Set: all(e.as<Set>().elts); break;
    case ExprKind::ListComp: each_comprehension_child(e.as<ListComp>().generators, f); f(e.as<ListComp>().elt); break;
    case ExprKind::SetComp: each_comprehension_child(e.as<SetComp>().generators, f); f(e.as<SetComp>().elt); break;
    case ExprKind::GeneratorExp: each_comprehension_child(e.as<GeneratorExp>().generators, f); f(e.as<GeneratorExp>().elt); break;
    case ExprKind::DictComp:
      each_comprehension_child(e.as<DictComp>().generators, f);
      f(e.as<DictComp>().key);
      f(e.as<DictComp>().value);
      break;
    case ExprKind::Await: f(e.as<Await>().value); break;
    case ExprKind::Yield: f(e.as<Yield>().value); break;
    case ExprKind::YieldFrom: f(e.as<YieldFrom>().value); break;
    case ExprKind::Compare: f(e.as<Compare>().left); all(e.as<Compare>().comparators); break;
    case ExprKind::Call:
      f(e.as<Call>().func);
      all(e.as<Call>().args);
      for (const Keyword* k : e.as<Call>().keywords) f(k->value);
      break;
    case ExprKind::FormattedValue: f(e.as<FormattedValue>().value); f(e.as<FormattedValue>().format_spec); break;
    case ExprKind::JoinedStr: all(e.as<JoinedStr>().values); break;
    case ExprKind::Attribute: f(e.as<Attribute>().value); break;
    case ExprKind::Subscript: f(e.as<Subscript>().value); f(e.as<Subscript>().slice); break;
    case ExprKind::Starred: f(e.as<Starred>().value); break;
    case ExprKind::List: all(e.as<List>().elts); break;
    case ExprKind::Tuple: all(e.as<Tuple>().elts); break;
    case ExprKind::Slice: f(e.as<Slice>().lower); f(e.as<Slice>().upper); f(e.as<Slice>().step); break;
    case ExprKind::Constant:
    case ExprKind::Name: break;
  }
}

const std::vector<Comprehension*>* generators_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::ListComp: return &e.as<ListComp>().generators;
    case ExprKind::SetComp: return &e.as<SetComp>().generators;
    case ExprKind::DictComp: return &e.as<DictComp>().generators;
    case ExprKind::GeneratorExp: return &e.as<GeneratorExp>().generators;
    default: return nullptr;
  }
}

// Expressions and statement lists of a simple or compound statement, excluding nested
// function and class bodies (the passes handle those scopes themselves).
struct StmtParts {
  std::vector<const Expr*> exprs;
  std::vector<const StmtList*> bodies;
};

StmtParts parts_of(const Stmt& s) {
  StmtParts p;
  auto add = [&](const Expr* e) {
    if (e) p.exprs.push_back(e);
  };
  auto add_all = [&](const ExprList& xs) {
    for (const Expr* e : xs) add(e);
  };
  switch (s.kind) {
    case StmtKind::Return: add(s.as<Return>().value); break;
    case StmtKind::Delete: add_all(s.as<Delete>().targets); break;
    case StmtKind::Assign: add(s.as<Assign>().value); add_all(s.as<Assign>().targets); break;
    case StmtKind::AugAssign: add(s.as<AugAssign>().value); add(s.as<AugAssign>().target); break;
    case StmtKind::AnnAssign: add(s.as<AnnAssign>().value); add(s.as<AnnAssign>().target); break;
    case StmtKind::For:
      add(s.as<For>().iter);
      add(s.as<For>().target);
      p.bodies = {&s.as<For>().body, &s.as<For>().orelse};
      break;
    case StmtKind::While: add(s.as<While>().test); p.bodies = {&s.as<While>().body, &s.as<While>().orelse}; break;
    case StmtKind::If: add(s.as<If>().test); p.bodies = {&s.as<If>().body, &s.as<If>().orelse}; break;
    case StmtKind::With:
      for (const WithItem& item : s.as<With>().items) {
        add(item.context_expr);
        add(item.optional_vars);
      }
      p.bodies = {&s.as<With>().body};
      break;
    case StmtKind::Raise: add(s.as<Raise>().exc); add(s.as<Raise>().cause); break;
    case StmtKind::Try:
      p.bodies.push_back(&s.as<Try>().body);
      for (const ExceptHandler* h : s.as<Try>().handlers) {
        add(h->type);
        p.bodies.push_back(&h->body);
      }
      p.bodies.push_back(&s.as<Try>().orelse);
      p.bodies.push_back(&s.as<Try>().finalbody);
      break;
    case StmtKind::Assert: add(s.as<Assert>().test); add(s.as<Assert>().msg); break;
    case StmtKind::Expr: add(s.as<ExprStmt>().value); break;
    default: break;
  }
  return p;
}

class Reporter {
 public:
  Reporter(std::string_view source, std::string filename)
      : source_(source), filename_(std::move(filename)) {}

  [[noreturn]] void fail(const Span& s, const std::string& message) {
    std::string_view line = source_line(source_, s.line);
    // Like the parser's, the compiler's columns reach the caret line as bytes + 1.
    auto chars = [&](int byte_col) { return std::max(byte_col, 0) + 1; };
    SyntaxErrorInfo e;
    e.type = "SyntaxError";
    e.message = message;
    e.filename = filename_;
    e.line = s.line;
    e.col = chars(s.col);
    e.end_col = s.end_line == s.line ? chars(s.end_col) : static_cast<int>(line.size()) + 1;
    e.source_line = std::string(line);
    error = std::move(e);
    throw CheckFailure{};
  }

  std::optional<SyntaxErrorInfo> error;

 private:
  std::string_view source_;
  std::string filename_;
};

}  // namespace

// [SECTION] Pass 1: the symbol table ---------------------------------------------------------

namespace {

enum class ScopeKind { Module, Function, Class, Comprehension };

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  const char* comprehension_name = "";
  std::map<std::string, int> flags;  // name -> kDef* bits, in first-seen order irrelevant
  std::vector<std::pair<std::string, Span>> nonlocals;
  std::set<std::string> globals;
  Scope* parent = nullptr;
};

constexpr int kDefParam = 1;
constexpr int kDefLocal = 2;
constexpr int kUse = 4;
constexpr int kDefAnnot = 8;

class SymbolPass {
 public:
  explicit SymbolPass(Reporter& r) : r_(r) {}

  void run(const Module& m) {
    Scope* module = new_scope(ScopeKind::Module, nullptr);
    cur_ = module;
    body(m.body);
    analyze();
  }

 private:
  Scope* new_scope(ScopeKind kind, Scope* parent) {
    scopes_.push_back(std::make_unique<Scope>());
    scopes_.back()->kind = kind;
    scopes_.back()->parent = parent;
    return scopes_.back().get();
  }

  void body(const StmtList& stmts) {
    for (const Stmt* s : stmts) stmt(*s);
  }

  void def(const std::string& name, int flag) { cur_->flags[name] |= flag; }

  void declare(const Stmt& s, const std::vector<std::string>& names, bool nonlocal) {
    const char* kw = nonlocal ? "nonlocal" : "global";
    if (nonlocal && cur_->kind == ScopeKind::Module) {
      r_.fail(s.span, "nonlocal declaration not allowed at module level");
    }
    for (const std::string& name : names) {
      int f = cur_->flags.count(name) ? cur_->flags[name] : 0;
      if (f & kDefParam) r_.fail(s.span, "name '" + name + "' is parameter and " + kw);
      if (f & kUse) r_.fail(s.span, "name '" + name + "' is used prior to " + kw + " declaration");
      if (f & kDefAnnot) r_.fail(s.span, "annotated name '" + name + "' can't be " + kw);
      if (f & kDefLocal) r_.fail(s.span, "name '" + name + "' is assigned to before " + kw + " declaration");
      if (nonlocal) {
        cur_->nonlocals.emplace_back(name, s.span);
      } else {
        cur_->globals.insert(name);
      }
    }
  }

  void arguments(const Arguments& a) {
    auto param = [&](const Arg* arg) {
      if (!arg) return;
      if (cur_->flags.count(arg->name) && (cur_->flags[arg->name] & kDefParam)) {
        r_.fail(arg->span, "duplicate argument '" + arg->name + "' in function definition");
      }
      def(arg->name, kDefParam);
    };
    for (const Arg* x : a.posonlyargs) param(x);
    for (const Arg* x : a.args) param(x);
    param(a.vararg);
    for (const Arg* x : a.kwonlyargs) param(x);
    param(a.kwarg);
  }

  void function(const FunctionDef& f) {
    for (const Expr* d : f.decorator_list) expr(*d);
    for (const Expr* d : f.args.defaults) expr(*d);
    for (const Expr* d : f.args.kw_defaults)
      if (d) expr(*d);
    def(f.name, kDefLocal);
    Scope* saved = cur_;
    cur_ = new_scope(ScopeKind::Function, saved);
    arguments(f.args);
    body(f.body);
    cur_ = saved;
  }

  void class_def(const ClassDef& c) {
    for (const Expr* d : c.decorator_list) expr(*d);
    for (const Expr* b : c.bases) expr(*b);
    for (const Keyword* k : c.keywords) expr(*k->value);
    def(c.name, kDefLocal);
    Scope* saved = cur_;
    cur_ = new_scope(ScopeKind::Class, saved);
    body(c.body);
    cur_ = saved;
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: function(s.as<FunctionDef>()); return;
      case StmtKind::ClassDef: class_def(s.as<ClassDef>()); return;
      case StmtKind::Global: declare(s, s.as<Global>().names, false); return;
      case StmtKind::Nonlocal: declare(s, s.as<Nonlocal>().names, true); return;
      case StmtKind::Import:
        for (const Alias* a : s.as<Import>().names)
          def(a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname, kDefLocal);
        return;
      case StmtKind::ImportFrom:
        for (const Alias* a : s.as<ImportFrom>().names) {
          if (a->name == "*") {
            if (cur_->kind != ScopeKind::Module) r_.fail(a->span, "import * only allowed at module level");
            continue;
          }
          def(a->asname.empty() ? a->name : a->asname, kDefLocal);
        }
        return;
      case StmtKind::AnnAssign:
        if (s.as<AnnAssign>().target->kind == ExprKind::Name) {
          const std::string& id = s.as<AnnAssign>().target->as<Name>().id;
          if (cur_->globals.count(id)) r_.fail(s.span, "annotated name '" + id + "' can't be global");
          def(id, kDefAnnot);
        }
        break;
      case StmtKind::Try:
        for (const ExceptHandler* h : s.as<Try>().handlers)
          if (!h->name.empty()) def(h->name, kDefLocal);
        break;
      default: break;
    }
    StmtParts p = parts_of(s);
    for (const Expr* e : p.exprs) expr(*e);
    for (const StmtList* b : p.bodies) body(*b);
  }

  void comprehension(const Expr& e, const char* name) {
    const auto& gens = *generators_of(e);
    expr(*gens[0]->iter);
    Scope* saved = cur_;
    cur_ = new_scope(ScopeKind::Comprehension, saved);
    cur_->comprehension_name = name;
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i > 0) expr(*gens[i]->iter);
      expr(*gens[i]->target);
      for (const Expr* c : gens[i]->ifs) expr(*c);
    }
    switch (e.kind) {
      case ExprKind::ListComp: expr(*e.as<ListComp>().elt); break;
      case ExprKind::SetComp: expr(*e.as<SetComp>().elt); break;
      case ExprKind::GeneratorExp: expr(*e.as<GeneratorExp>().elt); break;
      default:
        expr(*e.as<DictComp>().key);
        expr(*e.as<DictComp>().value);
        break;
    }
    cur_ = saved;
  }

  Scope* named_expr_scope() {
    Scope* s = cur_;
    while (s->kind == ScopeKind::Comprehension && s->parent) s = s->parent;
    return s;
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        def(e.as<Name>().id, e.as<Name>().ctx == ExprContext::Load ? kUse : kDefLocal);
        return;
      case ExprKind::NamedExpr: {
        expr(*e.as<NamedExpr>().value);
        named_expr_scope()->flags[e.as<NamedExpr>().target->as<Name>().id] |= kDefLocal;
        return;
      }
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (cur_->kind == ScopeKind::Comprehension) {
          r_.fail(e.span, std::string("'yield' inside ") + cur_->comprehension_name);
        }
        break;
      case ExprKind::Lambda: {
        const Arguments& a = e.as<Lambda>().args;
        for (const Expr* d : a.defaults) expr(*d);
        for (const Expr* d : a.kw_defaults)
          if (d) expr(*d);
        Scope* saved = cur_;
        cur_ = new_scope(ScopeKind::Function, saved);
        arguments(a);
        expr(*e.as<Lambda>().body);
        cur_ = saved;
        return;
      }
      case ExprKind::ListComp: comprehension(e, "list comprehension"); return;
      case ExprKind::SetComp: comprehension(e, "set comprehension"); return;
      case ExprKind::DictComp: comprehension(e, "dict comprehension"); return;
      case ExprKind::GeneratorExp: comprehension(e, "generator expression"); return;
      default: break;
    }
    each_child(e, [&](const Expr* c) { expr(*c); });
  }

  static bool binds(const Scope& s, const std::string& name) {
    auto it = s.flags.find(name);
    bool local = it != s.flags.end() && (it->second & (kDefLocal | kDefParam | kDefAnnot));
    return local && !s.globals.count(name);
  }

  void analyze() {
    for (const auto& scope : scopes_) {
      for (const auto& [name, span] : scope->nonlocals) {
        if (scope->globals.count(name)) r_.fail(span, "name '" + name + "' is nonlocal and global");
        bool found = false;
        for (const Scope* s = scope->parent; s && !found; s = s->parent) {
          bool nonlocal_here = false;
          for (const auto& n : s->nonlocals) nonlocal_here |= n.first == name;
          if (s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension) {
            found = binds(*s, name) && !nonlocal_here;
            if (nonlocal_here) found = true;
          }
        }
        if (!found) r_.fail(span, "no binding for nonlocal '" + name + "' found");
      }
    }
  }

  Reporter& r_;
  std::vector<std::unique_ptr<Scope>> scopes_;
  Scope* cur_ = nullptr;
};

}  // namespace

// [SECTION] Pass 2: the compiler's checks ----------------------------------------------------------

namespace {

enum class FrameKind { Module, Class, Function, Lambda, Comprehension };

struct Frame {
  FrameKind kind = FrameKind::Module;
  bool is_async = false;
  bool is_generator = false;
  int loops = 0;
};

// Does this function body (not its nested scopes) contain yield?
bool contains_yield_expr(const Expr& e) {
  if (e.kind == ExprKind::Yield || e.kind == ExprKind::YieldFrom) return true;
  if (e.kind == ExprKind::Lambda) return false;
  if (const auto* gens = generators_of(e)) return contains_yield_expr(*(*gens)[0]->iter);
  bool found = false;
  each_child(e, [&](const Expr* c) { found = found || contains_yield_expr(*c); });
  return found;
}

bool contains_yield(const StmtList& body) {
  for (const Stmt* s : body) {
    if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) continue;
    StmtParts p = parts_of(*s);
    for (const Expr* e : p.exprs)
      if (contains_yield_expr(*e)) return true;
    for (const StmtList* b : p.bodies)
      if (contains_yield(*b)) return true;
  }
  return false;
}

// Is this comprehension asynchronous (async for, or await outside nested scopes)?
bool is_async_comprehension_body(const Expr& e);

bool awaits_inside(const Expr& e) {
  if (e.kind == ExprKind::Await) return true;
  if (e.kind == ExprKind::Lambda) return false;
  if (e.kind == ExprKind::GeneratorExp) return awaits_inside(*e.as<GeneratorExp>().generators[0]->iter);
  if (generators_of(e)) return is_async_comprehension_body(e) || awaits_inside(*(*generators_of(e))[0]->iter);
  bool found = false;
  each_child(e, [&](const Expr* c) { found = found || awaits_inside(*c); });
  return found;
}

bool is_async_comprehension_body(const Expr& e) {
  const auto& gens = *generators_of(e);
  for (size_t i = 0; i < gens.size(); ++i) {
    if (gens[i]->is_async) return true;
    if (i > 0 && awaits_inside(*gens[i]->iter)) return true;
    if (awaits_inside(*gens[i]->target)) return true;
    for (const Expr* c : gens[i]->ifs)
      if (awaits_inside(*c)) return true;
  }
  switch (e.kind) {
    case ExprKind::ListComp: return awaits_inside(*e.as<ListComp>().elt);
    case ExprKind::SetComp: return awaits_inside(*e.as<SetComp>().elt);
    case ExprKind::GeneratorExp: return awaits_inside(*e.as<GeneratorExp>().elt);
    default: return awaits_inside(*e.as<DictComp>().key) || awaits_inside(*e.as<DictComp>().value);
  }
}

class CompilerPass {
 public:
  explicit CompilerPass(Reporter& r) : r_(r) {}

  void run(const Module& m) {
    frames_.push_back({});
    body(m.body);
  }

 private:
  Frame& frame() { return frames_.back(); }
  bool in_function() const {
    FrameKind k = frames_.back().kind;
    return k == FrameKind::Function || k == FrameKind::Lambda || k == FrameKind::Comprehension;
  }

  void body(const StmtList& stmts) {
    for (const Stmt* s : stmts) stmt(*s);
  }

  void enter(FrameKind kind, bool is_async, bool is_generator) {
    frames_.push_back({kind, is_async, is_generator, 0});
  }

  void function(const FunctionDef& f) {
    for (const Expr* d : f.decorator_list) expr(*d);
    for (const Expr* d : f.args.defaults) expr(*d);
    for (const Expr* d : f.args.kw_defaults)
      if (d) expr(*d);
    enter(FrameKind::Function, f.is_async, contains_yield(f.body));
    body(f.body);
    frames_.pop_back();
  }

  void loop_body(const StmtList& b) {
    ++frame().loops;
    body(b);
    --frame().loops;
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: function(s.as<FunctionDef>()); return;
      case StmtKind::ClassDef: {
        const auto& c = s.as<ClassDef>();
        for (const Expr* d : c.decorator_list) expr(*d);
        for (const Expr* b : c.bases) expr(*b);
        for (const Keyword* k : c.keywords) expr(*k->value);
        enter(FrameKind::Class, false, false);
        body(c.body);
        frames_.pop_back();
        return;
      }
      case StmtKind::Return:
        if (frame().kind != FrameKind::Function) r_.fail(s.span, "'return' outside function");
        if (frame().is_async && frame().is_generator && s.as<Return>().value) {
          r_.fail(s.span, "'return' with value in async generator");
        }
        break;
      case StmtKind::Break:
        if (frame().loops == 0) r_.fail(s.span, "'break' outside loop");
        return;
      case StmtKind::Continue:
        if (frame().loops == 0) r_.fail(s.span, "'continue' not properly in loop");
        return;
      case StmtKind::For: {
        const auto& f = s.as<For>();
        if (f.is_async && !(frame().kind == FrameKind::Function && frame().is_async)) {
          r_.fail(s.span, "'async for' outside async function");
        }
        expr(*f.iter);
        target(*f.target);
        loop_body(f.body);
        body(f.orelse);
        return;
      }
      case StmtKind::While:
        expr(*s.as<While>().test);
        loop_body(s.as<While>().body);
        body(s.as<While>().orelse);
        return;
      case StmtKind::With:
        if (s.as<With>().is_async && !(frame().kind == FrameKind::Function && frame().is_async)) {
          r_.fail(s.span, "'async with' outside async function");
        }
        break;
      case StmtKind::Assign:
        expr(*s.as<Assign>().value);
        for (const Expr* t : s.as<Assign>().targets) target(*t);
        return;
      default: break;
    }
    StmtParts p = parts_of(s);
    for (const Expr* e : p.exprs) expr(*e);
    for (const StmtList* b : p.bodies) body(*b);
  }

  // An assignment target: starred only inside a list or tuple, and at most once there.
  void target(const Expr& t) {
    if (t.kind == ExprKind::Starred) r_.fail(t.span, "starred assignment target must be in a list or tuple");
    if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List) {
      const ExprList& elts = t.kind == ExprKind::Tuple ? t.as<Tuple>().elts : t.as<List>().elts;
      bool seen = false;
      for (const Expr* x : elts) {
        if (x->kind == ExprKind::Starred) {
          if (seen) r_.fail(t.span, "multiple starred expressions in assignment");
          seen = true;
          target_inner(*x->as<Starred>().value);
        } else {
          target_inner(*x);
        }
      }
      return;
    }
    expr(t);
  }

  void target_inner(const Expr& t) {
    if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List) {
      target(t);
    } else {
      expr(t);
    }
  }

  void comprehension(const Expr& e) {
    bool is_async = is_async_comprehension_body(e);
    bool outer_ok = (frame().kind == FrameKind::Function && frame().is_async) ||
                    frame().kind == FrameKind::Comprehension;
    const auto& gens = *generators_of(e);
    expr(*gens[0]->iter);
    if (is_async && e.kind != ExprKind::GeneratorExp && !outer_ok) {
      r_.fail(e.span, "asynchronous comprehension outside of an asynchronous function");
    }
    enter(FrameKind::Comprehension, is_async, e.kind == ExprKind::GeneratorExp);
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i > 0) expr(*gens[i]->iter);
      target(*gens[i]->target);
      for (const Expr* c : gens[i]->ifs) expr(*c);
    }
    switch (e.kind) {
      case ExprKind::ListComp: element(*e.as<ListComp>().elt); break;
      case ExprKind::SetComp: element(*e.as<SetComp>().elt); break;
      case ExprKind::GeneratorExp: expr(*e.as<GeneratorExp>().elt); break;
      default:
        expr(*e.as<DictComp>().key);
        expr(*e.as<DictComp>().value);
        break;
    }
    frames_.pop_back();
  }

  // An element of a display or call, where `*x` is allowed.
  void element(const Expr& e) {
    if (e.kind == ExprKind::Starred) {
      expr(*e.as<Starred>().value);
    } else {
      expr(e);
    }
  }

  void call(const Call& c) {
    expr(*c.func);
    for (const Expr* a : c.args) element(*a);
    std::set<std::string> seen;
    for (const Keyword* k : c.keywords) {
      if (!k->arg.empty() && !seen.insert(k->arg).second) {
        r_.fail(k->span, "keyword argument repeated: " + k->arg);
      }
      expr(*k->value);
    }
  }

  void await_expr(const Expr& e) {
    if (!in_function()) r_.fail(e.span, "'await' outside function");
    if (frame().kind != FrameKind::Comprehension && !frame().is_async) {
      r_.fail(e.span, "'await' outside async function");
    }
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Await: await_expr(e); break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (!in_function()) r_.fail(e.span, "'yield' outside function");
        if (e.kind == ExprKind::YieldFrom && frame().is_async) {
          r_.fail(e.span, "'yield from' inside async function");
        }
        break;
      case ExprKind::Starred: r_.fail(e.span, "can't use starred expression here");
      case ExprKind::Lambda: {
        const Arguments& a = e.as<Lambda>().args;
        for (const Expr* d : a.defaults) expr(*d);
        for (const Expr* d : a.kw_defaults)
          if (d) expr(*d);
        enter(FrameKind::Lambda, false, contains_yield_expr(*e.as<Lambda>().body));
        expr(*e.as<Lambda>().body);
        frames_.pop_back();
        return;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp: comprehension(e); return;
      case ExprKind::Call: call(e.as<Call>()); return;
      case ExprKind::List:
        for (const Expr* x : e.as<List>().elts) element(*x);
        return;
      case ExprKind::Tuple:
        for (const Expr* x : e.as<Tuple>().elts) element(*x);
        return;
      case ExprKind::Set:
        for (const Expr* x : e.as<Set>().elts) element(*x);
        return;
      case ExprKind::Subscript: {
        expr(*e.as<Subscript>().value);
        const Expr& slice = *e.as<Subscript>().slice;
        if (slice.kind == ExprKind::Tuple) {
          for (const Expr* x : slice.as<Tuple>().elts) element(*x);
        } else {
          element(slice);
        }
        return;
      }
      default: break;
    }
    each_child(e, [&](const Expr* c) { expr(*c); });
  }

  Reporter& r_;
  std::vector<Frame> frames_;
};

}  // namespace

std::optional<SyntaxErrorInfo> check_module(const Module& module, std::string_view source) {
  Reporter reporter(source, module.filename);
  try {
    SymbolPass(reporter).run(module);
    CompilerPass(reporter).run(module);
  } catch (const CheckFailure&) {
  }
  return reporter.error;
}

}  // namespace looplab::lang
