#pragma once
// How the support libraries report a Python exception without knowing the VM's
// object model: the class name and the message, worded exactly as CPython's.

#include <string>
#include <variant>

namespace looplab::lang::support {

// `type` is the exception class ("ValueError", "TypeError", "OverflowError",
// "IndexError", "MemoryError", ...), `message` is str() of the exception.
struct PyError {
    std::string type;
    std::string message;
};

// A value or the exception CPython would raise instead.
template <class T>
using Outcome = std::variant<T, PyError>;

inline PyError value_error(std::string message) {
    return {"ValueError", std::move(message)};
}

inline PyError type_error(std::string message) {
    return {"TypeError", std::move(message)};
}

inline PyError overflow_error(std::string message) {
    return {"OverflowError", std::move(message)};
}

} // namespace looplab::lang::support
