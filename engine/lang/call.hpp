#pragma once
// Calling conventions: binding arguments to a Python function's frame (with CPython's
// error messages), instantiating classes, and the generic call path.

#include "engine/lang/frame.hpp"

namespace looplab::lang {

// A fresh frame for `fn` with its parameters bound: `npos` positional values, and the
// values `kw` of the keywords named in `kwnames`. The values are moved from.
Frame* bind_call(Function* fn, Value* pos, size_t npos, Tuple* kwnames, Value* kw);

// The object a call of a generator/coroutine function returns, owning `f`.
Value make_generator(Function* fn, Frame* f);

// Calls any callable through the C++ path (native functions directly; Python functions by
// running a nested dispatch loop).
Value call_object(const Value& callable, Args& a);
// The same, except that a native's failure without a throw (errors.hpp's fail()) comes back
// as the Null sentinel with VM::pending_exception set, for the caller to raise.
Value call_object_pending(const Value& callable, Args& a);

// `Type(...)` for a user class: the new instance; sets `init` to a Python __init__ that
// the caller must still run (with the instance prepended), or leaves it Null.
Value new_instance(Type* t, Args& a, Value& init);

// The class builder behind the `class` statement: (body function, name, *bases).
Value build_class(Args& a);

// Positional and keyword arguments of CALL_EX: a tuple and an optional dict.
Value call_with_tuple(const Value& f, const Value& args, const Value& kwargs);

}  // namespace looplab::lang
