// The compiler's async constructs: `await`, `async with`, `async for` and asynchronous
// comprehensions. `await x` is `yield from` over the awaitable GET_AWAITABLE makes;
// `async with` / `async for` are their synchronous forms with each __aenter__,
// __aexit__ and __anext__ call awaited.
#include "engine/lang/compiler_impl.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

void Compiler::emit_await() {
  emit(Op::GET_AWAITABLE);
  emit(Op::LOAD_CONST, add_const(Value::none()));
  int top = new_label(), end = new_label();
  bind_label(top);
  emit_jump(Op::SEND, end);
  emit(Op::YIELD_VALUE);
  emit_jump(Op::JUMP, top);
  bind_label(end);
}

void Compiler::await_expr(const ast::Expr& value) {
  expr(value);
  emit_await();
}

// [aexit] -> []: await __aexit__(None, None, None), the way out of a body that ended.
void Compiler::async_with_exit() {
  emit(Op::PUSH_NULL);
  for (int i = 0; i < 3; ++i) emit(Op::LOAD_CONST, add_const(Value::none()));
  emit(Op::CALL, 3);
  emit_await();
  emit(Op::POP_TOP);
}

void Compiler::async_with_stmt(const ast::With& w, size_t item) {
  const ast::WithItem& it = w.items[item];
  int handler = new_label(), suppress = new_label(), end = new_label();
  expr(*it.context_expr);
  u_->line = w.span.line;
  emit(Op::BEFORE_ASYNC_WITH);
  emit_await();
  emit_jump(Op::SETUP_ASYNC_WITH, handler);
  if (it.optional_vars) {
    store(*it.optional_vars);
  } else {
    emit(Op::POP_TOP);
  }
  u_->fblocks.push_back(FBlock{FBlockKind::AsyncWith, -1, -1, nullptr, {}});
  if (item + 1 < w.items.size()) {
    async_with_stmt(w, item + 1);
  } else {
    body(w.body);
  }
  u_->fblocks.pop_back();
  u_->line = w.span.line;
  unwind_fblock(FBlock{FBlockKind::AsyncWith, -1, -1, nullptr, {}}, false);
  emit_jump(Op::JUMP, end);
  bind_label(handler);  // [aexit, exc]
  emit(Op::WITH_EXCEPT_START);
  emit_await();
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  bind_label(suppress);
  u_->depth = u_->label_depth[static_cast<size_t>(suppress)];
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  bind_label(end);
}

// At the handler of the __anext__ try block, [aiter, exc]: StopAsyncIteration ends the
// loop (both popped), anything else is re-raised from `reraise`.
void Compiler::end_async_for(int reraise) {
  emit(Op::LOAD_CONST, add_const(Value(vm().exc_type("StopAsyncIteration"))));
  emit(Op::CHECK_EXC_MATCH);
  emit_jump(Op::POP_JUMP_IF_FALSE, reraise);
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
}

void Compiler::async_for_stmt(const ast::For& f) {
  int top = new_label(), handler = new_label(), reraise = new_label(), brk = new_label();
  expr(*f.iter);
  u_->line = f.span.line;
  emit(Op::GET_AITER);
  bind_label(top);
  emit_jump(Op::SETUP_FINALLY, handler);
  emit(Op::GET_ANEXT);
  emit_await();
  emit(Op::POP_BLOCK);
  store(*f.target);
  u_->fblocks.push_back(FBlock{FBlockKind::ForLoop, top, brk, nullptr, {}});
  body(f.body);
  u_->fblocks.pop_back();
  u_->line = f.span.line;
  emit_jump(Op::JUMP, top);
  bind_label(handler);
  end_async_for(reraise);
  body(f.orelse);
  emit_jump(Op::JUMP, brk);
  bind_label(reraise);
  emit(Op::RERAISE);
  bind_label(brk);
}

void Compiler::async_comprehension_loop(const std::vector<ast::Comprehension*>& gens, size_t i,
                                        const ast::Expr* elt, const ast::Expr* value, int kind) {
  const ast::Comprehension& g = *gens[i];
  int top = new_label(), handler = new_label(), reraise = new_label(), end = new_label();
  if (i == 0) {
    emit(Op::LOAD_FAST, 0);
  } else {
    expr(*g.iter);
    emit(Op::GET_AITER);
  }
  bind_label(top);
  emit_jump(Op::SETUP_FINALLY, handler);
  emit(Op::GET_ANEXT);
  emit_await();
  emit(Op::POP_BLOCK);
  store(*g.target);
  for (auto* cond : g.ifs) jump_if(*cond, false, top);
  comprehension_body(gens, i, elt, value, kind);
  emit_jump(Op::JUMP, top);
  bind_label(handler);
  end_async_for(reraise);
  emit_jump(Op::JUMP, end);
  bind_label(reraise);
  emit(Op::RERAISE);
  bind_label(end);
}

}  // namespace looplab::lang
