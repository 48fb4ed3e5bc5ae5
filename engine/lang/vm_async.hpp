#pragma once
// The VM's `await` (coroutine.cpp): GET_AWAITABLE turns the operand into what `await`
// delegates to, and SEND resumes the asyncio awaitables written in C++ without going
// through a Python-level send().

#include "engine/lang/object.hpp"

namespace looplab::lang {

// CPython's _PyCoro_GetAwaitableIter plus its checks ("object int can't be used in
// 'await' expression", "__await__() returned non-iterator of type 'X'").
Value get_awaitable(const Value& v);

// SEND on a native awaitable: false when `it` is not one (the caller falls back to the
// iterator protocol). Otherwise `out` is the yielded value, or the result when
// `returned` is set.
bool send_to_awaitable(const Value& it, Value& sent, Value& out, bool& returned);

}  // namespace looplab::lang
