#include "engine/lang/compiler.hpp"

#include <sstream>

#include "engine/lang/compiler_impl.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

std::shared_ptr<const std::vector<std::string>> split_lines(std::string_view src) {
  auto out = std::make_shared<std::vector<std::string>>();
  size_t start = 0;
  while (start <= src.size()) {
    size_t nl = src.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < src.size()) out->emplace_back(src.substr(start));
      break;
    }
    std::string_view line = src.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out->emplace_back(line);
    start = nl + 1;
  }
  return out;
}


}  // namespace

const ast::Constant* docstring(const ast::StmtList& body) {
  if (body.empty() || body[0]->kind != ast::StmtKind::Expr) return nullptr;
  const ast::Expr* e = body[0]->as<ast::ExprStmt>().value;
  if (e->kind != ast::ExprKind::Constant) return nullptr;
  const auto& c = e->as<ast::Constant>();
  return c.value_kind == ast::ConstantKind::Str ? &c : nullptr;
}

Compiler::Compiler(const ast::Module& m, std::string_view source)
    : module_(m), lines_(split_lines(source)), symbols_(m) {}

// [SECTION] Units and emission ---------------------------------------------------------------

void Compiler::enter_unit(Scope* s, std::string name, std::string qualname, int line) {
  auto unit = std::make_unique<Unit>();
  unit->scope = s;
  auto* code = new Code();
  unit->code_ref = Value(code);
  unit->code = code;
  code->name = std::move(name);
  code->qualname = qualname;
  code->filename = module_.filename;
  code->firstline = line;
  code->source_lines = lines_;
  unit->qualname = std::move(qualname);
  unit->line = line;
  VM& v = vm();
  if (s->is_function_like()) {
    for (const auto& p : s->params) {
      if (!unit->varindex.count(p)) {
        unit->varindex[p] = code->nlocals();
        code->varnames.push_back(Value(v.intern(p)));
      }
    }
    for (const auto& n : s->bound_order) {
      auto k = s->lookup(n);
      if (k == NameKind::Local && !unit->varindex.count(n)) {
        unit->varindex[n] = code->nlocals();
        code->varnames.push_back(Value(v.intern(n)));
      }
    }
  }
  for (const auto& c : s->cellvars) {
    auto it = unit->varindex.find(c);
    code->cell2arg.push_back(it != unit->varindex.end() ? it->second : -1);
    code->cellnames.push_back(Value(v.intern(c)));
  }
  for (const auto& f : s->freevars) code->freenames.push_back(Value(v.intern(f)));
  int base = code->nlocals();
  for (size_t i = 0; i < s->cellvars.size(); ++i) {
    unit->derefindex[s->cellvars[i]] = base + static_cast<int>(i);
  }
  base += static_cast<int>(s->cellvars.size());
  for (size_t i = 0; i < s->freevars.size(); ++i) {
    unit->derefindex[s->freevars[i]] = base + static_cast<int>(i);
  }
  units_.push_back(std::move(unit));
  u_ = units_.back().get();
}

Value Compiler::leave_unit() {
  Code* code = u_->code;
  for (auto [at, label] : u_->patches) {
    code->ops[at] = encode(op_of(code->ops[at]), static_cast<uint32_t>(u_->label_pos[label]));
  }
  code->stacksize = u_->max_depth + 4;
  code->max_blocks = max_block_depth(code->ops);
  if (u_->scope->is_generator) {
    code->flags |= u_->scope->is_coroutine ? kAsyncGenerator : kGenerator;
  } else if (u_->scope->is_coroutine) {
    code->flags |= kCoroutine;
  }
  uint32_t binding_flags = kVarargs | kVarkeywords | kGenerator | kCoroutine | kAsyncGenerator;
  bool plain = code->kwonlyargcount == 0 && code->cellnames.empty() &&
               code->freenames.empty() && !(code->flags & binding_flags);
  code->plain_call = plain && u_->scope->is_function_like();
  Value out = std::move(u_->code_ref);
  units_.pop_back();
  u_ = units_.empty() ? nullptr : units_.back().get();
  return out;
}

void Compiler::emit(Op op, uint32_t arg) {
  u_->code->ops.push_back(encode(op, arg));
  u_->code->lines.push_back(u_->line);
  int effect = stack_effect(op, arg);
  u_->depth += effect;
  if (u_->depth > u_->max_depth) u_->max_depth = u_->depth;
}

int Compiler::new_label() {
  u_->label_pos.push_back(-1);
  u_->label_depth.push_back(-1);
  return static_cast<int>(u_->label_pos.size()) - 1;
}

void Compiler::set_label_depth(int label, int depth) {
  auto& d = u_->label_depth[static_cast<size_t>(label)];
  if (depth > d) d = depth;
}

void Compiler::emit_jump(Op op, int label) {
  u_->patches.emplace_back(u_->code->ops.size(), label);
  emit(op, 0);
  int after = u_->depth;
  switch (op) {
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: set_label_depth(label, after + 1); break;
    case Op::FOR_ITER: set_label_depth(label, after - 2); break;
    case Op::SEND: set_label_depth(label, after - 1); break;
    case Op::SETUP_FINALLY: set_label_depth(label, after + 1); break;
    case Op::SETUP_WITH: set_label_depth(label, after); break;
    default: set_label_depth(label, after); break;
  }
}

void Compiler::bind_label(int label) {
  u_->label_pos[static_cast<size_t>(label)] = static_cast<int>(u_->code->ops.size());
  int d = u_->label_depth[static_cast<size_t>(label)];
  if (d >= 0) u_->depth = d;
}

uint32_t Compiler::add_const(Value v) {
  auto& consts = u_->code->consts;
  for (size_t i = 0; i < consts.size(); ++i) {
    const Value& c = consts[i];
    if (c.tag() != v.tag()) continue;
    if (!c.is_obj() && c.same(v)) return static_cast<uint32_t>(i);
    if (c.is_obj() && c.same(v)) return static_cast<uint32_t>(i);
  }
  consts.push_back(std::move(v));
  return static_cast<uint32_t>(consts.size() - 1);
}

uint32_t Compiler::add_name(const std::string& n) {
  auto it = u_->nameindex.find(n);
  if (it != u_->nameindex.end()) return static_cast<uint32_t>(it->second);
  int i = static_cast<int>(u_->code->names.size());
  u_->code->names.push_back(Value(vm().intern(n)));
  u_->nameindex[n] = i;
  return static_cast<uint32_t>(i);
}

std::string Compiler::child_qualname(const std::string& name) const {
  if (u_->scope->kind == ScopeKind::Module) return name;
  if (u_->scope->kind == ScopeKind::Class) return u_->qualname + "." + name;
  return u_->qualname + ".<locals>." + name;
}

void Compiler::unsupported(const std::string& what, int line) { throw Unsupported{what, line}; }

Value Compiler::compile() {
  enter_unit(symbols_.module(), "<module>", "<module>", 1);
  u_->code->flags |= kModuleBody;
  body(module_.body);
  emit(Op::LOAD_CONST, add_const(Value::none()));
  emit(Op::RETURN_VALUE);
  return leave_unit();
}

CompileResult compile_module(const ast::Module& module, std::string_view source) {
  CompileResult r;
  try {
    Compiler c(module, source);
    r.code = c.compile();
  } catch (const Unsupported& u) {
    SyntaxErrorInfo e;
    e.type = "NotImplementedError";
    e.message = "LoopLab does not support " + u.what + " (line " + std::to_string(u.line) + ")";
    e.filename = module.filename;
    e.line = u.line;
    r.error = e;
  }
  return r;
}

// [SECTION] Statements ------------------------------------------------------------------------

void Compiler::body(const ast::StmtList& b) {
  for (auto* s : b) stmt(*s);
}

void Compiler::stmt(const ast::Stmt& s) {
  u_->line = s.span.line;
  using K = ast::StmtKind;
  switch (s.kind) {
    case K::FunctionDef: function_def(s.as<ast::FunctionDef>()); return;
    case K::ClassDef: class_def(s.as<ast::ClassDef>()); return;
    case K::Return: return_stmt(s.as<ast::Return>()); return;
    case K::Delete:
      for (auto* t : s.as<ast::Delete>().targets) delete_target(*t);
      return;
    case K::Assign: assign(s.as<ast::Assign>()); return;
    case K::AugAssign: aug_assign(s.as<ast::AugAssign>()); return;
    case K::AnnAssign: {
      auto& a = s.as<ast::AnnAssign>();
      if (a.value) {
        expr(*a.value);
        store(*a.target);
      }
      return;
    }
    case K::For: for_stmt(s.as<ast::For>()); return;
    case K::While: while_stmt(s.as<ast::While>()); return;
    case K::If: if_stmt(s.as<ast::If>()); return;
    case K::With: with_stmt(s.as<ast::With>(), 0); return;
    case K::Raise: raise_stmt(s.as<ast::Raise>()); return;
    case K::Try: try_stmt(s.as<ast::Try>()); return;
    case K::Assert: assert_stmt(s.as<ast::Assert>()); return;
    case K::Import: import_stmt(s.as<ast::Import>()); return;
    case K::ImportFrom: import_from(s.as<ast::ImportFrom>()); return;
    case K::Global:
    case K::Nonlocal:
    case K::Pass: return;
    case K::Expr:
      expr(*s.as<ast::ExprStmt>().value);
      emit(Op::POP_TOP);
      return;
    case K::Break: break_continue(true, s.span.line); return;
    case K::Continue: break_continue(false, s.span.line); return;
  }
}

int Compiler::push_defaults(const ast::Arguments& a) {
  int flags = 0;
  if (!a.defaults.empty()) {
    for (auto* d : a.defaults) expr(*d);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(a.defaults.size()));
    flags |= 1;
  }
  int nkw = 0;
  for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
    if (!a.kw_defaults[i]) continue;
    emit(Op::LOAD_CONST, add_const(Value(vm().intern(a.kwonlyargs[i]->name))));
    expr(*a.kw_defaults[i]);
    ++nkw;
  }
  if (nkw > 0) {
    emit(Op::BUILD_MAP, static_cast<uint32_t>(nkw));
    flags |= 2;
  }
  return flags;
}

void Compiler::make_closure(Value code, Scope* s, int flags) {
  if (!s->freevars.empty()) {
    for (const auto& f : s->freevars) {
      auto it = u_->derefindex.find(f);
      if (it == u_->derefindex.end()) unsupported("this closure", u_->line);
      emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(it->second));
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(s->freevars.size()));
    flags |= 4;
  }
  emit(Op::LOAD_CONST, add_const(std::move(code)));
  emit(Op::MAKE_FUNCTION, static_cast<uint32_t>(flags));
}

void Compiler::function_def(const ast::FunctionDef& f) {
  for (auto* d : f.decorator_list) {
    expr(*d);
    emit(Op::PUSH_NULL);
  }
  int line = f.span.line;
  if (!f.decorator_list.empty()) line = f.decorator_list[0]->span.line;
  u_->line = f.span.line;
  int flags = push_defaults(f.args);
  Scope* s = symbols_.scope_of(&f);
  enter_unit(s, f.name, child_qualname(f.name), line);
  Code* code = u_->code;
  code->argcount = static_cast<int>(f.args.posonlyargs.size() + f.args.args.size());
  code->posonlyargcount = static_cast<int>(f.args.posonlyargs.size());
  code->kwonlyargcount = static_cast<int>(f.args.kwonlyargs.size());
  if (f.args.vararg) code->flags |= kVarargs;
  if (f.args.kwarg) code->flags |= kVarkeywords;
  if (const ast::Constant* doc = docstring(f.body)) {
    add_const(Value(vm().intern(doc->text)));
    code->flags |= kHasDocstring;
  }
  body(f.body);
  emit(Op::LOAD_CONST, add_const(Value::none()));
  emit(Op::RETURN_VALUE);
  Value c = leave_unit();
  u_->line = f.span.line;
  make_closure(std::move(c), s, flags);
  for (size_t i = 0; i < f.decorator_list.size(); ++i) emit(Op::CALL, 1);
  store_name(f.name);
}

void Compiler::class_def(const ast::ClassDef& c) {
  for (auto* d : c.decorator_list) {
    expr(*d);
    emit(Op::PUSH_NULL);
  }
  u_->line = c.span.line;
  Scope* s = symbols_.scope_of(&c);
  enter_unit(s, c.name, child_qualname(c.name), c.span.line);
  u_->code->flags |= kClassBody;
  emit(Op::LOAD_NAME, add_name("__name__"));
  emit(Op::STORE_NAME, add_name("__module__"));
  emit(Op::LOAD_CONST, add_const(vm().str(u_->qualname)));
  emit(Op::STORE_NAME, add_name("__qualname__"));
  if (const ast::Constant* doc = docstring(c.body)) {
    emit(Op::LOAD_CONST, add_const(Value(vm().intern(doc->text))));
    emit(Op::STORE_NAME, add_name("__doc__"));
  }
  body(c.body);
  if (s->needs_class_cell) {
    emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(u_->derefindex.at("__class__")));
  } else {
    emit(Op::LOAD_CONST, add_const(Value::none()));
  }
  emit(Op::RETURN_VALUE);
  Value code = leave_unit();
  u_->line = c.span.line;
  emit(Op::LOAD_BUILD_CLASS);
  emit(Op::PUSH_NULL);
  make_closure(std::move(code), s, 0);
  emit(Op::LOAD_CONST, add_const(vm().str(c.name)));
  for (auto* b : c.bases) expr(*b);
  if (!c.keywords.empty()) unsupported("class keywords (metaclass=...)", c.span.line);
  emit(Op::CALL, static_cast<uint32_t>(2 + c.bases.size()));
  for (size_t i = 0; i < c.decorator_list.size(); ++i) emit(Op::CALL, 1);
  store_name(c.name);
}

void Compiler::assign(const ast::Assign& a) {
  expr(*a.value);
  for (size_t i = 0; i < a.targets.size(); ++i) {
    if (i + 1 < a.targets.size()) emit(Op::DUP_TOP);
    store(*a.targets[i]);
  }
}

void Compiler::aug_assign(const ast::AugAssign& a) {
  uint32_t op = static_cast<uint32_t>(a.op) + 16;
  const ast::Expr& t = *a.target;
  if (t.kind == ast::ExprKind::Name) {
    load_name(t.as<ast::Name>().id);
    expr(*a.value);
    emit(Op::BINARY_OP, op);
    store_name(t.as<ast::Name>().id);
  } else if (t.kind == ast::ExprKind::Attribute) {
    auto& at = t.as<ast::Attribute>();
    expr(*at.value);
    emit(Op::DUP_TOP);
    emit(Op::LOAD_ATTR, add_name(at.attr));
    expr(*a.value);
    emit(Op::BINARY_OP, op);
    emit(Op::ROT_TWO);
    emit(Op::STORE_ATTR, add_name(at.attr));
  } else if (t.kind == ast::ExprKind::Subscript) {
    auto& sub = t.as<ast::Subscript>();
    expr(*sub.value);
    expr(*sub.slice);
    emit(Op::DUP_TOP_TWO);
    emit(Op::BINARY_SUBSCR);
    expr(*a.value);
    emit(Op::BINARY_OP, op);
    emit(Op::ROT_THREE);
    emit(Op::STORE_SUBSCR);
  } else {
    unsupported("this augmented assignment target", t.span.line);
  }
}

void Compiler::for_stmt(const ast::For& f) {
  if (f.is_async) {
    async_for_stmt(f);
    return;
  }
  int top = new_label(), end = new_label(), brk = new_label();
  expr(*f.iter);
  u_->line = f.span.line;
  emit(Op::GET_ITER);
  bind_label(top);
  emit_jump(Op::FOR_ITER, end);
  store(*f.target);
  u_->fblocks.push_back(FBlock{FBlockKind::ForLoop, top, brk, nullptr, {}});
  body(f.body);
  u_->fblocks.pop_back();
  u_->line = f.span.line;
  emit_jump(Op::JUMP, top);
  bind_label(end);
  body(f.orelse);
  bind_label(brk);
}

void Compiler::while_stmt(const ast::While& w) {
  int top = new_label(), orelse = new_label(), brk = new_label();
  bind_label(top);
  jump_if(*w.test, false, orelse);
  u_->fblocks.push_back(FBlock{FBlockKind::WhileLoop, top, brk, nullptr, {}});
  body(w.body);
  u_->fblocks.pop_back();
  u_->line = w.span.line;
  emit_jump(Op::JUMP, top);
  bind_label(orelse);
  body(w.orelse);
  bind_label(brk);
}

void Compiler::if_stmt(const ast::If& i) {
  int orelse = new_label(), end = new_label();
  jump_if(*i.test, false, orelse);
  body(i.body);
  if (!i.orelse.empty()) emit_jump(Op::JUMP, end);
  bind_label(orelse);
  body(i.orelse);
  bind_label(end);
}

void Compiler::try_stmt(const ast::Try& t) {
  if (t.finalbody.empty()) {
    if (t.is_star) {
      try_star(t);
    } else {
      try_except(t);
    }
    return;
  }
  int handler = new_label(), end = new_label();
  emit_jump(Op::SETUP_FINALLY, handler);
  u_->fblocks.push_back(FBlock{FBlockKind::TryFinally, -1, -1, &t.finalbody, {}});
  if (t.handlers.empty()) {
    body(t.body);
  } else if (t.is_star) {
    try_star(t);
  } else {
    try_except(t);
  }
  u_->fblocks.pop_back();
  emit(Op::POP_BLOCK);
  body(t.finalbody);
  emit_jump(Op::JUMP, end);
  bind_label(handler);
  u_->fblocks.push_back(FBlock{FBlockKind::FinallyEnd, -1, -1, nullptr, {}});
  body(t.finalbody);
  u_->fblocks.pop_back();
  emit(Op::RERAISE);
  bind_label(end);
}

void Compiler::try_except(const ast::Try& t) {
  int handlers = new_label(), end = new_label();
  emit_jump(Op::SETUP_FINALLY, handlers);
  u_->fblocks.push_back(FBlock{FBlockKind::TryExcept, -1, -1, nullptr, {}});
  body(t.body);
  u_->fblocks.pop_back();
  emit(Op::POP_BLOCK);
  body(t.orelse);
  emit_jump(Op::JUMP, end);
  bind_label(handlers);
  for (auto* h : t.handlers) {
    u_->line = h->span.line;
    int next = new_label();
    if (h->type) {
      expr(*h->type);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (h->name.empty()) {
      emit(Op::POP_TOP);
    } else {
      store_name(h->name);
    }
    u_->fblocks.push_back(FBlock{FBlockKind::HandlerCleanup, -1, -1, nullptr, h->name});
    body(h->body);
    u_->fblocks.pop_back();
    unwind_fblock(FBlock{FBlockKind::HandlerCleanup, -1, -1, nullptr, h->name}, false);
    emit_jump(Op::JUMP, end);
    bind_label(next);
  }
  emit(Op::RERAISE);
  bind_label(end);
}

// `except*`: each clause takes the matching part of the group; what no clause handled
// (plus whatever the clauses raised) is re-raised at the end.
void Compiler::try_star(const ast::Try& t) {
  int handlers = new_label(), end = new_label(), reraise = new_label();
  emit_jump(Op::SETUP_FINALLY, handlers);
  u_->fblocks.push_back(FBlock{FBlockKind::TryExcept, -1, -1, nullptr, {}});
  body(t.body);
  u_->fblocks.pop_back();
  emit(Op::POP_BLOCK);
  body(t.orelse);
  emit_jump(Op::JUMP, end);
  bind_label(handlers);
  // Stack: [orig]. A list keeps what the clauses raise; the unmatched rest rides on top.
  emit(Op::DUP_TOP);
  emit(Op::BUILD_LIST, 0);
  emit(Op::ROT_TWO);  // [orig, raised, rest]
  for (auto* h : t.handlers) {
    u_->line = h->span.line;
    int next = new_label(), clause_handler = new_label(), clause_end = new_label();
    expr(*h->type);
    emit(Op::CHECK_EG_MATCH);  // [orig, raised, rest, match or None]
    emit(Op::DUP_TOP);
    emit(Op::LOAD_CONST, add_const(Value::none()));
    emit(Op::COMPARE_OP, static_cast<uint32_t>(ast::CmpOpKind::Is));
    emit_jump(Op::POP_JUMP_IF_TRUE, next);
    if (h->name.empty()) {
      emit(Op::POP_TOP);
    } else {
      store_name(h->name);
    }
    emit_jump(Op::SETUP_FINALLY, clause_handler);
    body(h->body);
    emit(Op::POP_BLOCK);
    emit_jump(Op::JUMP, clause_end);
    bind_label(clause_handler);  // [orig, raised, rest, exc]: keep what the clause raised
    emit(Op::POP_EXCEPT);
    emit(Op::LIST_APPEND, 2);
    emit_jump(Op::JUMP, clause_end);
    bind_label(next);
    emit(Op::POP_TOP);
    bind_label(clause_end);
  }
  u_->line = t.span.line;
  emit(Op::PREP_RERAISE_STAR);  // [orig, raised, rest] -> [orig, to_raise or None]
  emit(Op::DUP_TOP);
  emit(Op::LOAD_CONST, add_const(Value::none()));
  emit(Op::COMPARE_OP, static_cast<uint32_t>(ast::CmpOpKind::IsNot));
  emit_jump(Op::POP_JUMP_IF_TRUE, reraise);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit_jump(Op::JUMP, end);
  bind_label(reraise);
  emit(Op::ROT_TWO);
  emit(Op::POP_TOP);
  emit(Op::RERAISE);
  bind_label(end);
}

void Compiler::with_stmt(const ast::With& w, size_t item) {
  if (w.is_async) {
    async_with_stmt(w, item);
    return;
  }
  const ast::WithItem& it = w.items[item];
  int handler = new_label(), suppress = new_label(), end = new_label();
  expr(*it.context_expr);
  u_->line = w.span.line;
  emit_jump(Op::SETUP_WITH, handler);
  if (it.optional_vars) {
    store(*it.optional_vars);
  } else {
    emit(Op::POP_TOP);
  }
  u_->fblocks.push_back(FBlock{FBlockKind::With, -1, -1, nullptr, {}});
  if (item + 1 < w.items.size()) {
    with_stmt(w, item + 1);
  } else {
    body(w.body);
  }
  u_->fblocks.pop_back();
  u_->line = w.span.line;
  unwind_fblock(FBlock{FBlockKind::With, -1, -1, nullptr, {}}, false);
  emit_jump(Op::JUMP, end);
  bind_label(handler);  // [exit, exc]
  emit(Op::WITH_EXCEPT_START);
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  bind_label(suppress);
  u_->depth = u_->label_depth[static_cast<size_t>(suppress)];
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  bind_label(end);
}

void Compiler::unwind_fblock(const FBlock& b, bool preserve_tos) {
  switch (b.kind) {
    case FBlockKind::WhileLoop: return;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Op::ROT_TWO);
      emit(Op::POP_TOP);
      return;
    case FBlockKind::TryExcept: emit(Op::POP_BLOCK); return;
    case FBlockKind::TryFinally: {
      emit(Op::POP_BLOCK);
      // The caller has already popped this fblock: a return inside the finally body
      // unwinds only the blocks around it.
      body(*b.finalbody);
      return;
    }
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(Op::ROT_TWO);
      emit(Op::POP_TOP);
      emit(Op::POP_EXCEPT);
      return;
    case FBlockKind::HandlerCleanup:
      emit(Op::POP_EXCEPT);
      if (!b.handler_name.empty()) {
        emit(Op::LOAD_CONST, add_const(Value::none()));
        store_name(b.handler_name);
        delete_name(b.handler_name);
      }
      return;
    case FBlockKind::With:
      emit(Op::POP_BLOCK);
      if (preserve_tos) emit(Op::ROT_TWO);
      emit(Op::PUSH_NULL);
      for (int i = 0; i < 3; ++i) emit(Op::LOAD_CONST, add_const(Value::none()));
      emit(Op::CALL, 3);
      emit(Op::POP_TOP);
      return;
    case FBlockKind::AsyncWith:
      emit(Op::POP_BLOCK);
      if (preserve_tos) emit(Op::ROT_TWO);
      async_with_exit();
      return;
  }
}

void Compiler::return_stmt(const ast::Return& r) {
  if (r.value) {
    expr(*r.value);
  } else {
    emit(Op::LOAD_CONST, add_const(Value::none()));
  }
  u_->line = r.span.line;
  auto saved = u_->fblocks;
  while (!u_->fblocks.empty()) {
    FBlock b = u_->fblocks.back();
    u_->fblocks.pop_back();
    unwind_fblock(b, true);
  }
  u_->fblocks = saved;
  emit(Op::RETURN_VALUE);
}

void Compiler::break_continue(bool is_break, int line) {
  auto saved = u_->fblocks;
  while (!u_->fblocks.empty()) {
    FBlock b = u_->fblocks.back();
    if (b.kind == FBlockKind::WhileLoop || b.kind == FBlockKind::ForLoop) {
      if (is_break) unwind_fblock(b, false);
      emit_jump(Op::JUMP, is_break ? b.break_label : b.continue_label);
      u_->fblocks = saved;
      return;
    }
    u_->fblocks.pop_back();
    unwind_fblock(b, false);
  }
  u_->fblocks = saved;
  unsupported(is_break ? "'break' outside loop" : "'continue' outside loop", line);
}

void Compiler::raise_stmt(const ast::Raise& r) {
  uint32_t n = 0;
  if (r.exc) {
    expr(*r.exc);
    ++n;
    if (r.cause) {
      expr(*r.cause);
      ++n;
    }
  }
  u_->line = r.span.line;
  emit(Op::RAISE_VARARGS, n);
}

void Compiler::assert_stmt(const ast::Assert& a) {
  int end = new_label();
  jump_if(*a.test, true, end);
  u_->line = a.span.line;
  emit(Op::LOAD_ASSERTION_ERROR);
  if (a.msg) {
    emit(Op::PUSH_NULL);
    expr(*a.msg);
    emit(Op::CALL, 1);
  }
  emit(Op::RAISE_VARARGS, 1);
  bind_label(end);
}

void Compiler::import_stmt(const ast::Import& i) {
  for (auto* a : i.names) {
    emit(Op::IMPORT_NAME, add_name(a->name));
    if (a->asname.empty()) {
      // `import a.b` binds the package `a` (its attribute `b` is the submodule).
      const std::string top = a->name.substr(0, a->name.find('.'));
      if (top != a->name) {
        emit(Op::POP_TOP);
        emit(Op::IMPORT_NAME, add_name(top));
      }
      store_name(top);
    } else {
      store_name(a->asname);
    }
  }
}

void Compiler::import_from(const ast::ImportFrom& i) {
  emit(Op::IMPORT_NAME, add_name(i.module));
  if (i.names.size() == 1 && i.names[0]->name == "*") {
    if (u_->scope->kind != ScopeKind::Module) unsupported("import * inside a function", i.span.line);
    emit(Op::IMPORT_STAR);
    return;
  }
  for (auto* a : i.names) {
    emit(Op::IMPORT_FROM, add_name(a->name));
    store_name(a->asname.empty() ? a->name : a->asname);
  }
  emit(Op::POP_TOP);
}

void Compiler::delete_target(const ast::Expr& e) {
  u_->line = e.span.line;
  switch (e.kind) {
    case ast::ExprKind::Name: delete_name(e.as<ast::Name>().id); return;
    case ast::ExprKind::Attribute:
      expr(*e.as<ast::Attribute>().value);
      emit(Op::DELETE_ATTR, add_name(e.as<ast::Attribute>().attr));
      return;
    case ast::ExprKind::Subscript:
      expr(*e.as<ast::Subscript>().value);
      expr(*e.as<ast::Subscript>().slice);
      emit(Op::DELETE_SUBSCR);
      return;
    case ast::ExprKind::Tuple:
      for (auto* x : e.as<ast::Tuple>().elts) delete_target(*x);
      return;
    case ast::ExprKind::List:
      for (auto* x : e.as<ast::List>().elts) delete_target(*x);
      return;
    default: unsupported("this del target", e.span.line);
  }
}

}  // namespace looplab::lang
