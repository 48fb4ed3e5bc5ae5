#include "engine/loop/pool.hpp"

#include <mutex>
#include <new>
#include <vector>

namespace looplab::loop {

namespace {

constexpr std::size_t kClasses = kPoolMaxBlock / kPoolGranule;
constexpr std::size_t kSlabBytes = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

std::size_t class_of(std::size_t bytes) { return (bytes + kPoolGranule - 1) / kPoolGranule - 1; }

// What finished threads left, and every slab (kept reachable: they are never freed).
struct Shared {
  std::mutex mutex;
  FreeBlock* orphans[kClasses] = {};
  std::vector<void*> slabs;
};

Shared& shared() {
  static Shared* s = new Shared;  // outlives every thread's lists
  return *s;
}

struct Lists {
  FreeBlock* heads[kClasses] = {};

  ~Lists() {
    Shared& s = shared();
    std::lock_guard<std::mutex> lock(s.mutex);
    for (std::size_t c = 0; c < kClasses; ++c) {
      while (FreeBlock* b = heads[c]) {
        heads[c] = b->next;
        b->next = s.orphans[c];
        s.orphans[c] = b;
      }
    }
  }

  // Adopts what a finished thread left of this class, or carves a new slab.
  void refill(std::size_t c) {
    Shared& s = shared();
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.orphans[c]) {
      heads[c] = s.orphans[c];
      s.orphans[c] = nullptr;
      return;
    }
    const std::size_t block = (c + 1) * kPoolGranule;
    auto* slab = static_cast<char*>(::operator new(kSlabBytes));
    s.slabs.push_back(slab);
    for (std::size_t off = kSlabBytes / block * block; off >= block; off -= block) {
      auto* b = reinterpret_cast<FreeBlock*>(slab + off - block);
      b->next = heads[c];
      heads[c] = b;
    }
  }
};

thread_local Lists t_lists;

}  // namespace

// Under AddressSanitizer every block comes from operator new, so that a use after free
// of a handle or future is still caught.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooling = false;
#else
constexpr bool kPooling = true;
#endif

void* pool_allocate(std::size_t bytes) {
  if (!kPooling || bytes == 0 || bytes > kPoolMaxBlock) return ::operator new(bytes);
  const std::size_t c = class_of(bytes);
  if (!t_lists.heads[c]) t_lists.refill(c);
  FreeBlock* b = t_lists.heads[c];
  t_lists.heads[c] = b->next;
  return b;
}

void pool_deallocate(void* block, std::size_t bytes) noexcept {
  if (!block) return;
  if (!kPooling || bytes == 0 || bytes > kPoolMaxBlock) {
    ::operator delete(block);
    return;
  }
  auto* b = static_cast<FreeBlock*>(block);
  const std::size_t c = class_of(bytes);
  b->next = t_lists.heads[c];
  t_lists.heads[c] = b;
}

}  // namespace looplab::loop
