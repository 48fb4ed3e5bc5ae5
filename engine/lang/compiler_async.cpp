// The compiler's async constructs: `await`, `async with`, `async for` and asynchronous
// comprehensions. `await x` is `yield from` over the awaitable GET_AWAITABLE makes.
#include "engine/lang/compiler_impl.hpp"

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

}  // namespace looplab::lang
