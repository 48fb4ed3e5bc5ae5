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

// BEFORE_ASYNC_WITH: `mgr` becomes its bound __aexit__; returns __aenter__()'s awaitable.
Value before_async_with(Value& mgr);
// GET_AITER / GET_ANEXT, with CPython's messages for objects outside the protocol.
Value get_aiter(const Value& obj);
Value get_anext(const Value& aiter);
// ASYNC_GEN_WRAP (async_gen.cpp): a value an async generator yields to its consumer,
// told apart from what its awaits yield to the task.
Value async_gen_wrap(Value v);
// The type of async generator objects.
Type* async_generator_type();

}  // namespace looplab::lang
