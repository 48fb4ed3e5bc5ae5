#include "app/gui/background_run.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "engine/loop/trace.hpp"

namespace looplab::app {

struct BackgroundRun::Job {
  session::RunControl control;
  std::mutex mutex;
  std::optional<LoadedRun> result;
  std::atomic<bool> done{false};
  std::thread thread;
};

namespace {

// The GUI must never crash on a bad program: whatever escapes the session becomes an
// error result with an empty trace.
session::RunResult guarded_run(const session::Program& program, const session::RunOptions& options,
                               session::RunControl* control) {
  try {
    return session::run(program, options, control);
  } catch (const std::exception& e) {
    session::RunResult failed;
    failed.exit_status = session::kExitError;
    failed.stderr_text = std::string("internal error: ") + e.what() + "\n";
    failed.error = session::ErrorLocation{0, failed.stderr_text};
    failed.trace = std::make_shared<loop::Trace>();
    return failed;
  }
}

}  // namespace

BackgroundRun::~BackgroundRun() {
  stop_all();
}

void BackgroundRun::start(session::Program program, session::RunOptions options) {
  if (current_) {
    current_->control.stop_requested = true;
    retiring_.push_back(std::move(current_));
  }
  reap();
  auto job = std::make_shared<Job>();
  Job* raw = job.get();
  job->thread = std::thread([raw, program = std::move(program), options = std::move(options)] {
    session::RunResult result = guarded_run(program, options, &raw->control);
    LoadedRun loaded = analyse_run(std::move(result));
    std::lock_guard<std::mutex> lock(raw->mutex);
    raw->result = std::move(loaded);
    raw->done = true;
  });
  current_ = std::move(job);
}

std::optional<LoadedRun> BackgroundRun::poll() {
  reap();
  if (!current_ || !current_->done) return std::nullopt;
  current_->thread.join();
  std::optional<LoadedRun> result;
  {
    std::lock_guard<std::mutex> lock(current_->mutex);
    result = std::move(current_->result);
  }
  current_.reset();
  return result;
}

bool BackgroundRun::running() const {
  return current_ != nullptr;
}

uint64_t BackgroundRun::events_so_far() const {
  return current_ ? current_->control.events.load() : 0;
}

void BackgroundRun::reap() {
  for (auto it = retiring_.begin(); it != retiring_.end();) {
    if ((*it)->done) {
      (*it)->thread.join();
      it = retiring_.erase(it);
    } else {
      ++it;
    }
  }
}

void BackgroundRun::stop_all() {
  if (current_) retiring_.push_back(std::move(current_));
  for (auto& job : retiring_) {
    job->control.stop_requested = true;
    if (job->thread.joinable()) job->thread.join();
  }
  retiring_.clear();
}

}  // namespace looplab::app
