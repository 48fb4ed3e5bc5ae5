#pragma once
// asyncio.exceptions: the kinds of exception the loop raises, and how they travel
// through C++ code.
//
// A Python exception is a `Value` made by the Host (host.hpp). Inside engine/loop (and
// in native coroutines) it travels as the C++ exception `PyException`; at the
// Coroutine boundary it becomes StepResult::Raise / Coroutine::throw_.

#include <exception>
#include <string>

#include "engine/loop/object.hpp"

namespace looplab::loop {

// Exception classes the loop itself creates (asyncio.exceptions + builtins it raises).
enum class ExcKind : uint8_t {
  CancelledError,      // asyncio.CancelledError (a BaseException)
  TimeoutError,        // builtins.TimeoutError (asyncio.TimeoutError is it in 3.11)
  InvalidStateError,   // asyncio.InvalidStateError
  RuntimeError,
  QueueEmpty,          // asyncio.QueueEmpty
  QueueFull,           // asyncio.QueueFull
  ValueError,
  TypeError,
};

// A Python exception in flight through C++ frames.
struct PyException : std::exception {
  explicit PyException(Value exc) : value(std::move(exc)) {}
  const char* what() const noexcept override { return "Python exception"; }
  Value value;
};

// The run stopped for good (deadlock or exhausted budget): thrown out of run_once so
// that every frame unwinds; the CLI catches it and exits with `exit_status`. The
// Runtime's outcome and trace already hold the same status and message.
struct RunAborted : std::exception {
  RunAborted(int status, std::string msg) : exit_status(status), message(std::move(msg)) {}
  const char* what() const noexcept override { return message.c_str(); }
  int exit_status;
  std::string message;
};

}  // namespace looplab::loop
