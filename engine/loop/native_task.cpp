#include "engine/loop/native_task.hpp"

#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace looplab::loop {

const std::string* intern_qualname(std::string_view qualname) {
  // Node-based, never shrinks: the pointers handed out stay valid. Scenario threads
  // share it, hence the lock; the per-call path below does not take it.
  static std::mutex mutex;
  static auto* names = new std::unordered_set<std::string>;
  std::lock_guard<std::mutex> lock(mutex);
  return &*names->emplace(qualname).first;
}

const std::string* qualname_of_signature(const char* signature) {
  thread_local std::unordered_map<const char*, const std::string*> memo;
  const std::string*& slot = memo[signature];
  if (slot) return slot;
  // "Co name(args)" or "looplab::loop::Co ns::name(args)" -> "name"
  std::string_view s(signature);
  s = s.substr(0, s.find('('));
  if (const size_t space = s.rfind(' '); space != std::string_view::npos) s.remove_prefix(space + 1);
  if (const size_t colon = s.rfind("::"); colon != std::string_view::npos) s.remove_prefix(colon + 2);
  slot = intern_qualname(s.empty() ? std::string_view("coroutine") : s);
  return slot;
}

}  // namespace looplab::loop
