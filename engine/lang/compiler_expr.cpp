#include "engine/lang/compiler_impl.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

// [SECTION] Names ------------------------------------------------------------------------------

void Compiler::load_name(const std::string& n) {
  Scope* s = u_->scope;
  NameKind k = s->lookup(n);
  if (s->kind == ScopeKind::Module) {
    emit(Op::LOAD_GLOBAL, add_name(n));
  } else if (s->kind == ScopeKind::Class) {
    if (k == NameKind::Free) {
      emit(Op::LOAD_CLASSDEREF, static_cast<uint32_t>(u_->derefindex.at(n)));
    } else if (k == NameKind::GlobalExplicit) {
      emit(Op::LOAD_GLOBAL, add_name(n));
    } else {
      emit(Op::LOAD_NAME, add_name(n));
    }
  } else if (k == NameKind::Local) {
    emit(Op::LOAD_FAST, static_cast<uint32_t>(u_->varindex.at(n)));
  } else if (k == NameKind::Cell || k == NameKind::Free) {
    emit(Op::LOAD_DEREF, static_cast<uint32_t>(u_->derefindex.at(n)));
  } else {
    emit(Op::LOAD_GLOBAL, add_name(n));
  }
}

void Compiler::store_name(const std::string& n) {
  Scope* s = u_->scope;
  NameKind k = s->lookup(n);
  if (k == NameKind::GlobalExplicit || s->kind == ScopeKind::Module) {
    emit(Op::STORE_GLOBAL, add_name(n));
  } else if (s->kind == ScopeKind::Class) {
    if (k == NameKind::Free) {
      emit(Op::STORE_DEREF, static_cast<uint32_t>(u_->derefindex.at(n)));
    } else {
      emit(Op::STORE_NAME, add_name(n));
    }
  } else if (k == NameKind::Local) {
    emit(Op::STORE_FAST, static_cast<uint32_t>(u_->varindex.at(n)));
  } else if (k == NameKind::Cell || k == NameKind::Free) {
    emit(Op::STORE_DEREF, static_cast<uint32_t>(u_->derefindex.at(n)));
  } else {
    emit(Op::STORE_GLOBAL, add_name(n));
  }
}

void Compiler::delete_name(const std::string& n) {
  Scope* s = u_->scope;
  NameKind k = s->lookup(n);
  if (k == NameKind::GlobalExplicit || s->kind == ScopeKind::Module) {
    emit(Op::DELETE_GLOBAL, add_name(n));
  } else if (s->kind == ScopeKind::Class) {
    emit(Op::DELETE_NAME, add_name(n));
  } else if (k == NameKind::Local) {
    emit(Op::DELETE_FAST, static_cast<uint32_t>(u_->varindex.at(n)));
  } else if (k == NameKind::Cell || k == NameKind::Free) {
    emit(Op::DELETE_DEREF, static_cast<uint32_t>(u_->derefindex.at(n)));
  } else {
    emit(Op::DELETE_GLOBAL, add_name(n));
  }
}

void Compiler::store(const ast::Expr& t) {
  int saved = u_->line;
  u_->line = t.span.line;
  switch (t.kind) {
    case ast::ExprKind::Name: store_name(t.as<ast::Name>().id); break;
    case ast::ExprKind::Attribute:
      expr(*t.as<ast::Attribute>().value);
      emit(Op::STORE_ATTR, add_name(t.as<ast::Attribute>().attr));
      break;
    case ast::ExprKind::Subscript:
      expr(*t.as<ast::Subscript>().value);
      expr(*t.as<ast::Subscript>().slice);
      emit(Op::STORE_SUBSCR);
      break;
    case ast::ExprKind::Tuple: unpack(t.as<ast::Tuple>().elts, t.span.line); break;
    case ast::ExprKind::List: unpack(t.as<ast::List>().elts, t.span.line); break;
    case ast::ExprKind::Starred: unsupported("a starred assignment target here", t.span.line);
    default: unsupported("this assignment target", t.span.line);
  }
  u_->line = saved;
}

void Compiler::unpack(const ast::ExprList& elts, int line) {
  int star = -1;
  for (size_t i = 0; i < elts.size(); ++i) {
    if (elts[i]->kind == ast::ExprKind::Starred) star = static_cast<int>(i);
  }
  u_->line = line;
  if (star < 0) {
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
  } else {
    uint32_t before = static_cast<uint32_t>(star);
    uint32_t after = static_cast<uint32_t>(elts.size()) - before - 1;
    emit(Op::UNPACK_EX, before | (after << 8));
  }
  for (auto* e : elts) {
    store(e->kind == ast::ExprKind::Starred ? *e->as<ast::Starred>().value : *e);
  }
}

// [SECTION] Expressions ------------------------------------------------------------------------

void Compiler::expr(const ast::Expr& e) {
  int saved = u_->line;
  u_->line = e.span.line;
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::BoolOp: bool_op(e.as<ast::BoolOp>()); break;
    case K::NamedExpr:
      expr(*e.as<ast::NamedExpr>().value);
      emit(Op::DUP_TOP);
      store(*e.as<ast::NamedExpr>().target);
      break;
    case K::BinOp: {
      auto& b = e.as<ast::BinOp>();
      expr(*b.left);
      expr(*b.right);
      u_->line = e.span.line;
      emit(Op::BINARY_OP, static_cast<uint32_t>(b.op));
      break;
    }
    case K::UnaryOp:
      expr(*e.as<ast::UnaryOp>().operand);
      emit(Op::UNARY_OP, static_cast<uint32_t>(e.as<ast::UnaryOp>().op));
      break;
    case K::Lambda: lambda(e.as<ast::Lambda>()); break;
    case K::IfExp: {
      auto& i = e.as<ast::IfExp>();
      int orelse = new_label(), end = new_label();
      jump_if(*i.test, false, orelse);
      expr(*i.body);
      emit_jump(Op::JUMP, end);
      bind_label(orelse);
      expr(*i.orelse);
      bind_label(end);
      break;
    }
    case K::Dict: dict_display(e.as<ast::Dict>()); break;
    case K::Set:
      collection(e.as<ast::Set>().elts, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
      break;
    case K::ListComp: {
      auto& c = e.as<ast::ListComp>();
      comprehension(e, c.generators, c.elt, nullptr, 0);
      break;
    }
    case K::SetComp: {
      auto& c = e.as<ast::SetComp>();
      comprehension(e, c.generators, c.elt, nullptr, 1);
      break;
    }
    case K::DictComp: {
      auto& c = e.as<ast::DictComp>();
      comprehension(e, c.generators, c.key, c.value, 2);
      break;
    }
    case K::GeneratorExp: {
      auto& c = e.as<ast::GeneratorExp>();
      comprehension(e, c.generators, c.elt, nullptr, 3);
      break;
    }
    case K::Await: await_expr(*e.as<ast::Await>().value); break;
    case K::Yield:
      if (e.as<ast::Yield>().value) {
        expr(*e.as<ast::Yield>().value);
      } else {
        emit(Op::LOAD_CONST, add_const(Value::none()));
      }
      u_->line = e.span.line;
      if (u_->scope->is_coroutine) emit(Op::ASYNC_GEN_WRAP);
      emit(Op::YIELD_VALUE);
      break;
    case K::YieldFrom: yield_from(*e.as<ast::YieldFrom>().value); break;
    case K::Compare: compare(e.as<ast::Compare>()); break;
    case K::Call: call(e.as<ast::Call>()); break;
    case K::FormattedValue: formatted_value(e.as<ast::FormattedValue>()); break;
    case K::JoinedStr: joined_str(e.as<ast::JoinedStr>()); break;
    case K::Constant: constant(e.as<ast::Constant>()); break;
    case K::Attribute:
      expr(*e.as<ast::Attribute>().value);
      u_->line = e.span.line;
      emit(Op::LOAD_ATTR, add_name(e.as<ast::Attribute>().attr));
      break;
    case K::Subscript:
      expr(*e.as<ast::Subscript>().value);
      expr(*e.as<ast::Subscript>().slice);
      u_->line = e.span.line;
      emit(Op::BINARY_SUBSCR);
      break;
    case K::Starred: unsupported("a starred expression here", e.span.line);
    case K::Name: load_name(e.as<ast::Name>().id); break;
    case K::List:
      collection(e.as<ast::List>().elts, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND,
                 false);
      break;
    case K::Tuple:
      collection(e.as<ast::Tuple>().elts, Op::BUILD_TUPLE, Op::LIST_APPEND, Op::LIST_EXTEND,
                 true);
      break;
    case K::Slice: slice(e.as<ast::Slice>()); break;
  }
  u_->line = saved;
}

void Compiler::constant(const ast::Constant& c) {
  Value v;
  switch (c.value_kind) {
    case ast::ConstantKind::None: v = Value::none(); break;
    case ast::ConstantKind::True: v = Value::boolean(true); break;
    case ast::ConstantKind::False: v = Value::boolean(false); break;
    case ast::ConstantKind::Ellipsis: v = vm().ellipsis; break;
    case ast::ConstantKind::Int:
      if (c.int_overflow) unsupported("integers beyond 64 bits", c.span.line);
      v = Value::integer(c.int_value);
      break;
    case ast::ConstantKind::Float: v = Value::floating(c.float_value); break;
    case ast::ConstantKind::Str: v = Value(vm().intern(c.text)); break;
  }
  emit(Op::LOAD_CONST, add_const(std::move(v)));
}

// Compiles a condition as a jump: to `label` when the test's truth equals `cond`.
void Compiler::jump_if(const ast::Expr& e, bool cond, int label) {
  if (e.kind == ast::ExprKind::UnaryOp && e.as<ast::UnaryOp>().op == ast::UnaryOpKind::Not) {
    jump_if(*e.as<ast::UnaryOp>().operand, !cond, label);
    return;
  }
  if (e.kind == ast::ExprKind::BoolOp) {
    auto& b = e.as<ast::BoolOp>();
    bool is_and = b.op == ast::BoolOpKind::And;
    if (is_and != cond) {
      for (auto* v : b.values) jump_if(*v, cond, label);
      return;
    }
    int skip = new_label();
    for (size_t i = 0; i + 1 < b.values.size(); ++i) jump_if(*b.values[i], !cond, skip);
    jump_if(*b.values.back(), cond, label);
    bind_label(skip);
    return;
  }
  expr(e);
  u_->line = e.span.line;
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

void Compiler::bool_op(const ast::BoolOp& b) {
  int end = new_label();
  Op op = b.op == ast::BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i < b.values.size(); ++i) {
    expr(*b.values[i]);
    if (i + 1 < b.values.size()) emit_jump(op, end);
  }
  bind_label(end);
}

void Compiler::compare(const ast::Compare& c) {
  expr(*c.left);
  if (c.ops.size() == 1) {
    expr(*c.comparators[0]);
    u_->line = c.span.line;
    emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[0]));
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i < c.ops.size(); ++i) {
    expr(*c.comparators[i]);
    u_->line = c.span.line;
    if (i + 1 < c.ops.size()) {
      emit(Op::DUP_TOP);
      emit(Op::ROT_THREE);
      emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[i]));
      emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    } else {
      emit(Op::COMPARE_OP, static_cast<uint32_t>(c.ops[i]));
    }
  }
  emit_jump(Op::JUMP, end);
  bind_label(cleanup);
  emit(Op::ROT_TWO);
  emit(Op::POP_TOP);
  bind_label(end);
}

void Compiler::call(const ast::Call& c) {
  bool simple = true;
  for (auto* a : c.args) {
    if (a->kind == ast::ExprKind::Starred) simple = false;
  }
  for (auto* k : c.keywords) {
    if (k->arg.empty()) simple = false;
  }
  if (simple && c.func->kind == ast::ExprKind::Attribute) {
    auto& at = c.func->as<ast::Attribute>();
    expr(*at.value);
    u_->line = c.func->span.line;
    emit(Op::LOAD_METHOD, add_name(at.attr));
  } else {
    expr(*c.func);
    emit(Op::PUSH_NULL);
  }
  call_args(c.args, c.keywords, 0);
}

void Compiler::call_args(const ast::ExprList& args, const std::vector<ast::Keyword*>& kws,
                         int extra_pos) {
  int line = u_->line;
  bool simple = true;
  for (auto* a : args) {
    if (a->kind == ast::ExprKind::Starred) simple = false;
  }
  for (auto* k : kws) {
    if (k->arg.empty()) simple = false;
  }
  uint32_t npos = static_cast<uint32_t>(args.size() + static_cast<size_t>(extra_pos));
  if (simple) {
    for (auto* a : args) expr(*a);
    for (auto* k : kws) expr(*k->value);
    u_->line = line;
    if (kws.empty()) {
      emit(Op::CALL, npos);
      return;
    }
    std::vector<Value> names;
    for (auto* k : kws) names.push_back(Value(vm().intern(k->arg)));
    emit(Op::LOAD_CONST, add_const(Value(new Tuple(std::move(names)))));
    emit(Op::CALL_KW, npos + static_cast<uint32_t>(kws.size()));
    return;
  }
  if (extra_pos == 0 && args.size() == 1 && args[0]->kind == ast::ExprKind::Starred) {
    emit(Op::BUILD_LIST, 0);
    expr(*args[0]->as<ast::Starred>().value);
    emit(Op::LIST_EXTEND, 1 | kExtendCallArgs);
    emit(Op::LIST_TO_TUPLE);
  } else {
    collection(args, Op::BUILD_TUPLE, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  }
  if (!kws.empty()) {
    emit(Op::BUILD_MAP, 0);
    bool merged = false;  // after a **mapping, named keywords are merged (repeats raise)
    for (size_t i = 0; i < kws.size();) {
      if (kws[i]->arg.empty()) {
        expr(*kws[i]->value);
        emit(Op::DICT_MERGE, 1);
        merged = true;
        ++i;
        continue;
      }
      if (merged) emit(Op::BUILD_MAP, 0);
      for (; i < kws.size() && !kws[i]->arg.empty(); ++i) {
        emit(Op::LOAD_CONST, add_const(Value(vm().intern(kws[i]->arg))));
        expr(*kws[i]->value);
        emit(Op::MAP_ADD, 1);
      }
      if (merged) emit(Op::DICT_MERGE, 1);
    }
  }
  u_->line = line;
  emit(Op::CALL_EX, kws.empty() ? 0 : 1);
}

void Compiler::collection(const ast::ExprList& elts, Op build, Op add, Op extend,
                          bool to_tuple) {
  bool starred = false;
  for (auto* e : elts) {
    if (e->kind == ast::ExprKind::Starred) starred = true;
  }
  if (!starred) {
    for (auto* e : elts) expr(*e);
    emit(build, static_cast<uint32_t>(elts.size()));
    return;
  }
  emit(to_tuple ? Op::BUILD_LIST : build, 0);
  for (auto* e : elts) {
    if (e->kind == ast::ExprKind::Starred) {
      expr(*e->as<ast::Starred>().value);
      emit(extend, 1);
    } else {
      expr(*e);
      emit(add, 1);
    }
  }
  if (to_tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::dict_display(const ast::Dict& d) {
  bool spread = false;
  for (auto* k : d.keys) {
    if (!k) spread = true;
  }
  if (!spread) {
    for (size_t i = 0; i < d.keys.size(); ++i) {
      expr(*d.keys[i]);
      expr(*d.values[i]);
    }
    emit(Op::BUILD_MAP, static_cast<uint32_t>(d.keys.size()));
    return;
  }
  emit(Op::BUILD_MAP, 0);
  for (size_t i = 0; i < d.keys.size(); ++i) {
    if (d.keys[i]) {
      expr(*d.keys[i]);
      expr(*d.values[i]);
      emit(Op::MAP_ADD, 1);
    } else {
      expr(*d.values[i]);
      emit(Op::DICT_UPDATE, 1);
    }
  }
}

void Compiler::slice(const ast::Slice& s) {
  auto bound = [&](const ast::Expr* e) {
    if (e) {
      expr(*e);
    } else {
      emit(Op::LOAD_CONST, add_const(Value::none()));
    }
  };
  bound(s.lower);
  bound(s.upper);
  if (s.step) {
    bound(s.step);
    emit(Op::BUILD_SLICE, 3);
  } else {
    emit(Op::BUILD_SLICE, 2);
  }
}

void Compiler::lambda(const ast::Lambda& l) {
  int flags = push_defaults(l.args);
  Scope* s = symbols_.scope_of(&l);
  enter_unit(s, "<lambda>", child_qualname("<lambda>"), l.span.line);
  Code* code = u_->code;
  code->argcount = static_cast<int>(l.args.posonlyargs.size() + l.args.args.size());
  code->posonlyargcount = static_cast<int>(l.args.posonlyargs.size());
  code->kwonlyargcount = static_cast<int>(l.args.kwonlyargs.size());
  if (l.args.vararg) code->flags |= kVarargs;
  if (l.args.kwarg) code->flags |= kVarkeywords;
  expr(*l.body);
  emit(Op::RETURN_VALUE);
  Value c = leave_unit();
  make_closure(std::move(c), s, flags);
}

// kind: 0 list, 1 set, 2 dict, 3 generator expression.
void Compiler::comprehension(const ast::Expr& node, const std::vector<ast::Comprehension*>& gens,
                             const ast::Expr* elt, const ast::Expr* value, int kind) {
  static const char* const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  Scope* s = symbols_.scope_of(&node);
  enter_unit(s, names[kind], child_qualname(names[kind]), node.span.line);
  u_->code->argcount = 1;
  static const Op builds[] = {Op::BUILD_LIST, Op::BUILD_SET, Op::BUILD_MAP};
  if (kind < 3) emit(builds[kind], 0);
  comprehension_loop(gens, 0, elt, value, kind);
  if (kind == 3) emit(Op::LOAD_CONST, add_const(Value::none()));
  emit(Op::RETURN_VALUE);
  Value c = leave_unit();
  make_closure(std::move(c), s, 0);
  emit(Op::PUSH_NULL);
  expr(*gens[0]->iter);
  emit(gens[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 1);
  if (s->is_coroutine && kind != 3) emit_await();
}

void Compiler::comprehension_loop(const std::vector<ast::Comprehension*>& gens, size_t i,
                                  const ast::Expr* elt, const ast::Expr* value, int kind) {
  const ast::Comprehension& g = *gens[i];
  if (g.is_async) {
    async_comprehension_loop(gens, i, elt, value, kind);
    return;
  }
  int top = new_label(), end = new_label();
  if (i == 0) {
    emit(Op::LOAD_FAST, 0);
  } else {
    expr(*g.iter);
    emit(Op::GET_ITER);
  }
  bind_label(top);
  emit_jump(Op::FOR_ITER, end);
  store(*g.target);
  for (auto* cond : g.ifs) jump_if(*cond, false, top);
  comprehension_body(gens, i, elt, value, kind);
  emit_jump(Op::JUMP, top);
  bind_label(end);
}

void Compiler::comprehension_body(const std::vector<ast::Comprehension*>& gens, size_t i,
                                  const ast::Expr* elt, const ast::Expr* value, int kind) {
  if (i + 1 < gens.size()) {
    comprehension_loop(gens, i + 1, elt, value, kind);
  } else {
    uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
    switch (kind) {
      case 0: expr(*elt); emit(Op::LIST_APPEND, depth); break;
      case 1: expr(*elt); emit(Op::SET_ADD, depth); break;
      case 2:
        expr(*elt);
        expr(*value);
        emit(Op::MAP_ADD, depth);
        break;
      default:
        expr(*elt);
        if (u_->scope->is_coroutine) emit(Op::ASYNC_GEN_WRAP);
        emit(Op::YIELD_VALUE);
        emit(Op::POP_TOP);
        break;
    }
  }
}

void Compiler::yield_from(const ast::Expr& value) {
  expr(value);
  emit(Op::GET_YIELD_FROM_ITER);
  emit(Op::LOAD_CONST, add_const(Value::none()));
  int top = new_label(), end = new_label();
  bind_label(top);
  emit_jump(Op::SEND, end);
  emit(Op::YIELD_VALUE);
  emit_jump(Op::JUMP, top);
  bind_label(end);
}

void Compiler::joined_str(const ast::JoinedStr& j) {
  for (auto* v : j.values) expr(*v);
  if (j.values.size() == 1 && j.values[0]->kind == ast::ExprKind::FormattedValue) return;
  emit(Op::BUILD_STRING, static_cast<uint32_t>(j.values.size()));
}

void Compiler::formatted_value(const ast::FormattedValue& f) {
  expr(*f.value);
  uint32_t arg = 0;
  if (f.conversion == 's') arg = 1;
  if (f.conversion == 'r') arg = 2;
  if (f.conversion == 'a') arg = 3;
  if (f.format_spec) {
    expr(*f.format_spec);
    arg |= 4;
  }
  emit(Op::FORMAT_VALUE, arg);
}

}  // namespace looplab::lang
