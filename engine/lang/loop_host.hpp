#pragma once
// engine/lang's side of the boundary with engine/loop.
//
// - Values: engine/loop stores objects only (a null Ref is None), while lang::Value keeps
//   ints, floats and bools inline; a scalar crossing into the loop travels in a `Boxed`.
//   Loop-native objects (a Future, a Task, a native coroutine such as asyncio.sleep's)
//   come back to Python as the asyncio module's wrappers.
// - Exceptions: loop::PyException and lang::PyException carry the same ExcObj; each side
//   rethrows the other's at the boundary.
// - The Runtime: the run's clock, loops and workers, reached by asyncio, time and the
//   executor through `runtime()`.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/lang/errors.hpp"
#include "engine/lang/host.hpp"
#include "engine/lang/interpreter.hpp"
#include "engine/loop/host.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::lang {

// [SECTION] Values crossing the boundary
struct Boxed : Obj {
  explicit Boxed(Value v);
  Value value;
};
loop::Value to_loop(const Value& v);
Value to_lang(const loop::Value& v);
// Turns a loop-native object into its Python face (mod_asyncio.cpp).
Value wrap_loop_object(loop::Object* o);

// [SECTION] Exceptions crossing the boundary
[[noreturn]] void rethrow_in_lang(const loop::PyException& e);
[[noreturn]] void rethrow_in_loop(const PyException& e);
// Runs `body`, turning a loop::PyException into the lang one.
template <class F>
auto loop_call(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const loop::PyException& e) {
    rethrow_in_lang(e);
  }
}

// [SECTION] The run's Runtime
// The Runtime of the running program, or null (a program run without one).
loop::Runtime* current_runtime();
// The Runtime; RuntimeError when the program runs without one.
loop::Runtime& runtime();

// What engine/loop needs from the language, over VM objects. Everything the runtime
// reports on stderr is collected in `err`.
class LoopHost final : public loop::Host {
 public:
  loop::Value new_exception(loop::ExcKind kind, std::string_view message) override;
  loop::Value new_cancelled_error(const loop::Value& msg) override;
  loop::Value new_exception_group(std::string_view message, std::vector<loop::Value> excs) override;
  bool is_cancelled_error(const loop::Value& exc) const override;
  bool is_exception(const loop::Value& exc) const override;
  bool is_kind(const loop::Value& exc, loop::ExcKind kind) const override;
  loop::Value get_context(const loop::Value& exc) const override;
  void set_context(const loop::Value& exc, loop::Value context) override;
  void set_cause(const loop::Value& exc, loop::Value cause) override;
  std::string exception_text(const loop::Value& exc) const override;
  std::string format_exception(const loop::Value& exc) const override;
  std::string repr(const loop::Value& v) const override;
  std::string str(const loop::Value& v) const override;
  loop::Value new_str(std::string_view text) override;
  loop::Value new_bool(bool value) override;
  loop::Value new_list(std::vector<loop::Value> items) override;
  loop::Value new_tuple(std::vector<loop::Value> items) override;
  loop::Value new_set(std::vector<loop::Value> items) override;
  bool less(const loop::Value& a, const loop::Value& b) override;
  void write_stderr(std::string_view text) override { err.append(text); }

  std::string err;
};

// The exception type of a loop::ExcKind (asyncio's own kinds come from its module).
Type* exc_type_of(loop::ExcKind kind);

// [SECTION] Running a program on a Runtime
// A front end watching a run from outside (the GUI's background runner): every `every`
// recorded events `keep_going` gets the count so far; once it answers false the run ends
// at the VM's next instruction with exit 4, "Budget exhausted: stopped by the user".
// A run that records no trace is not watched.
struct RunWatch {
  std::function<bool(uint64_t events)> keep_going;
  uint32_t every = 1024;
};
inline constexpr std::string_view kStoppedByUser = "Budget exhausted: stopped by the user";

struct ProgramResult {
  RunOutcome outcome;
  std::string stdout_text;
  loop::Trace trace;
};

// Runs `source` on `rt`, which it owns from here: the Runtime (and every loop object
// holding Python values) goes before the VM frees those values. `host` must route
// output and the clock to `rt` until the call returns.
ProgramResult run_program(std::unique_ptr<loop::Runtime> rt, LangHost& host, std::string_view source,
                          std::string filename, const RunOptions& options,
                          const RunWatch* watch = nullptr);

}  // namespace looplab::lang
