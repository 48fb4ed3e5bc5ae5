#pragma once
// What the interpreter needs from its embedder (engine/session, tests): output and the
// virtual clock. The language never touches real I/O or real time.

#include <string>
#include <string_view>

namespace looplab::lang {

class LangHost {
 public:
  virtual ~LangHost() = default;
  virtual void write_stdout(std::string_view text) = 0;
  virtual void write_stderr(std::string_view text) = 0;
  // The virtual clock (DESIGN.md: starts at 0.0).
  virtual double now() = 0;
  // `time.sleep(d)` on the main thread outside any event loop: advance the clock.
  virtual void sleep(double seconds) = 0;
};

// A host that collects output in strings and keeps its own virtual clock; for tests and
// for running programs without an event loop.
class BufferHost : public LangHost {
 public:
  void write_stdout(std::string_view text) override { out.append(text); }
  void write_stderr(std::string_view text) override { err.append(text); }
  double now() override { return clock; }
  void sleep(double seconds) override { clock += seconds; }

  std::string out, err;
  double clock = 0.0;
};

}  // namespace looplab::lang
