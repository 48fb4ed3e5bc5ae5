#pragma once
// Raising Python exceptions from C++, and rendering tracebacks as CPython prints them.
//
// A Python exception travels through C++ as `PyException` (the dispatch loop catches it
// and unwinds Python frames). `StopRun` ends the run outright (instruction budget): Python
// code cannot catch it.
//
// Natives on hot paths (int("x"), ...) raise without a C++ throw, which costs
// microseconds: `return fail(...)` stores the exception as VM::pending_exception and
// returns the Null sentinel. Only a native called through call_object (a Builtin's fn or a
// Type's ctor) may do so: the dispatch loop raises the pending exception inline, and
// call_object throws it for every C++ caller.

#include <string>
#include <string_view>

#include "engine/lang/object.hpp"
#include "engine/lang/support/py_error.hpp"

namespace looplab::lang {

struct PyException {
  Value exc;  // an ExcObj
};

struct StopRun {
  int status;
  std::string message;  // the last stderr line, e.g. "Budget exhausted: instructions"
};

// A new exception instance of `type` with a single str argument (or none if msg empty
// and `no_args`).
Value new_exception(Type* type, std::string_view msg);
Value new_exception_args(Type* type, std::vector<Value> args);

[[noreturn]] void raise(Type* type, std::string_view msg);
[[noreturn]] void raise(const std::string& type_name, std::string_view msg);
[[noreturn]] void raise_value(Value exc);
[[noreturn]] void type_error(std::string_view msg);
[[noreturn]] void value_error(std::string_view msg);
[[noreturn]] void index_error(std::string_view msg);
[[noreturn]] void key_error(const Value& key);
[[noreturn]] void attribute_error(std::string_view msg);
[[noreturn]] void zero_division(std::string_view msg);
[[noreturn]] void overflow_error(std::string_view msg);
[[noreturn]] void not_supported(std::string_view what);  // NotImplementedError
[[noreturn]] void stop_iteration(Value value);

// The non-throwing raise (see above): returns the sentinel for the native to return.
Value fail(Type* type, std::string_view msg);
Value fail_value(Value exc);
// Throws the pending exception a native left behind its sentinel.
[[noreturn]] void raise_pending();

// The value of a support-library result, or its exception raised.
template <class T>
T unwrap(support::Outcome<T> r) {
  if (auto* e = std::get_if<support::PyError>(&r)) raise(e->type, e->message);
  return std::move(std::get<T>(r));
}

// True when `exc` is an instance of the exception type named `name` (or a subclass).
bool exc_matches(const Value& exc, const char* name);

// ExceptionGroup.split: the matching part and the rest, each Null when empty.
void split_exception_group(const Value& exc, const Value& condition, Value& match, Value& rest);

// "Traceback (most recent call last):" ... "Type: message\n", with chained
// exceptions ("During handling ..." / "The above exception was the direct cause ...").
std::string format_exception(const Value& exc);
// The last line alone: "Type: message".
std::string exception_summary(const Value& exc);

}  // namespace looplab::lang
