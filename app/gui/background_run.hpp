#pragma once
// Runs a program on a background std::thread so a frame never waits for the compiler or
// the VM. A newer run supersedes an older one: the old one is asked to stop and its result
// is dropped, so the UI keeps showing the last finished trace until the new one arrives.

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "app/gui/run_analysis.hpp"
#include "engine/session/session.hpp"

namespace looplab::app {

class BackgroundRun {
 public:
  BackgroundRun() = default;
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;
  ~BackgroundRun();

  void start(session::Program program, session::RunOptions options);
  // The newest run's result, analysed, once, when it has finished.
  std::optional<LoadedRun> poll();
  bool running() const;
  uint64_t events_so_far() const;  // progress of the newest run
  void stop_all();

 private:
  struct Job;
  void reap();
  std::shared_ptr<Job> current_;
  std::vector<std::shared_ptr<Job>> retiring_;  // superseded runs still unwinding
};

}  // namespace looplab::app
