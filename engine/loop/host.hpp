#pragma once
// What the loop needs from the language that runs on it.
//
// engine/loop never builds Python objects itself: exceptions, lists, tuples and reprs
// come from a Host. engine/lang implements it over its VM objects; `NativeHost` is a
// small stand-alone implementation for native tests and benchmarks.

#include <string>
#include <string_view>
#include <vector>

#include "engine/loop/exceptions.hpp"
#include "engine/loop/object.hpp"

namespace looplab::loop {

class Host {
 public:
  virtual ~Host() = default;

  // [SECTION] Creating exceptions
  // `message` empty means "no arguments" (str(exc) == "").
  virtual Value new_exception(ExcKind kind, std::string_view message) = 0;
  // CancelledError(msg) with msg any object; a null msg means CancelledError().
  virtual Value new_cancelled_error(const Value& msg) = 0;
  // BaseExceptionGroup(message, excs): like CPython, an ExceptionGroup when every
  // member is an Exception.
  virtual Value new_exception_group(std::string_view message, std::vector<Value> excs) = 0;

  // [SECTION] Inspecting exceptions
  virtual bool is_cancelled_error(const Value& exc) const = 0;
  // isinstance(exc, Exception): false for BaseException-only kinds (CancelledError,
  // KeyboardInterrupt, SystemExit, BaseExceptionGroup of those).
  virtual bool is_exception(const Value& exc) const = 0;
  virtual bool is_kind(const Value& exc, ExcKind kind) const = 0;
  virtual Value get_context(const Value& exc) const = 0;
  virtual void set_context(const Value& exc, Value context) = 0;
  virtual void set_cause(const Value& exc, Value cause) = 0;
  // "ValueError: boom", or "CancelledError" when str(exc) is empty (traceback's last line).
  virtual std::string exception_text(const Value& exc) const = 0;
  // The full report CPython prints for an uncaught exception, ending in '\n'.
  virtual std::string format_exception(const Value& exc) const = 0;

  // [SECTION] Values
  virtual std::string repr(const Value& v) const = 0;
  virtual std::string str(const Value& v) const = 0;
  virtual Value new_str(std::string_view text) = 0;
  virtual Value new_bool(bool value) = 0;
  virtual Value new_list(std::vector<Value> items) = 0;
  virtual Value new_tuple(std::vector<Value> items) = 0;
  // A set holding `items` (iteration order is the language's business).
  virtual Value new_set(std::vector<Value> items) = 0;
  // a < b, as heapq compares PriorityQueue items (may throw PyException).
  virtual bool less(const Value& a, const Value& b) = 0;

  // [SECTION] Output
  virtual void write_stderr(std::string_view text) = 0;
};

// [SECTION] NativeHost -------------------------------------------------------------

struct NativeStr : Object {
  explicit NativeStr(std::string s) : text(std::move(s)) {}
  std::string text;
};
struct NativeBool : Object {
  explicit NativeBool(bool v) : value(v) {}
  bool value;
};
struct NativeInt : Object {
  explicit NativeInt(long long v) : value(v) {}
  long long value;
};
// A list, tuple or set (only the brackets differ).
struct NativeSeq : Object {
  NativeSeq(char open_bracket, std::vector<Value> v) : open(open_bracket), items(std::move(v)) {}
  char open;
  std::vector<Value> items;
};
struct NativeException : Object {
  std::string type;  // class name
  std::string message;
  bool base_only = false;  // a BaseException that is not an Exception
  Value args0;             // CancelledError's original argument (any object)
  Value context;
  Value cause;
  std::vector<Value> members;  // exception groups
};

Value box(std::string s);
Value box(long long v);

class NativeHost : public Host {
 public:
  Value new_exception(ExcKind kind, std::string_view message) override;
  Value new_cancelled_error(const Value& msg) override;
  Value new_exception_group(std::string_view message, std::vector<Value> excs) override;
  bool is_cancelled_error(const Value& exc) const override;
  bool is_exception(const Value& exc) const override;
  bool is_kind(const Value& exc, ExcKind kind) const override;
  Value get_context(const Value& exc) const override;
  void set_context(const Value& exc, Value context) override;
  void set_cause(const Value& exc, Value cause) override;
  std::string exception_text(const Value& exc) const override;
  std::string format_exception(const Value& exc) const override;
  std::string repr(const Value& v) const override;
  std::string str(const Value& v) const override;
  Value new_str(std::string_view text) override { return box(std::string(text)); }
  Value new_bool(bool value) override;
  Value new_list(std::vector<Value> items) override;
  Value new_tuple(std::vector<Value> items) override;
  Value new_set(std::vector<Value> items) override;
  bool less(const Value& a, const Value& b) override;
  void write_stderr(std::string_view text) override { stderr_text += text; }

  // A user-defined exception class for tests (`ValueError`, `KeyError`, ...).
  static Value exception(std::string type, std::string message, bool base_only = false);

  std::string stderr_text;
};

inline Value box(int v) { return box(static_cast<long long>(v)); }

}  // namespace looplab::loop
