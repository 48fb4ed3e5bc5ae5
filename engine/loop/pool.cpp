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

// An uncarved rest of a slab.
struct Remnant {
  char* begin;
  char* end;
};

// What finished threads left (one free list per thread and class, adopted whole; the
// uncarved rests of their slabs), and every slab (kept reachable: they are never freed).
struct Shared {
  std::mutex mutex;
  std::vector<FreeBlock*> orphans[kClasses];
  std::vector<Remnant> remnants[kClasses];
  std::vector<void*> slabs;
};

Shared& shared() {
  static Shared* s = new Shared;  // outlives every thread's lists
  return *s;
}

// Per class: the free list, then the uncarved rest of the newest slab. Carving block by
// block as needed (not a whole slab at once) touches memory only when it is used.
struct Lists {
  FreeBlock* heads[kClasses] = {};
  char* fresh[kClasses] = {};
  char* fresh_end[kClasses] = {};

  // The uncarved rests are handed over as ranges: threading them into a free list would
  // touch (and so make resident) every page of them as the process exits.
  ~Lists() {
    Shared& s = shared();
    std::lock_guard<std::mutex> lock(s.mutex);
    for (std::size_t c = 0; c < kClasses; ++c) {
      const std::size_t block = (c + 1) * kPoolGranule;
      if (fresh[c] && fresh[c] + block <= fresh_end[c]) s.remnants[c].push_back({fresh[c], fresh_end[c]});
      if (heads[c]) s.orphans[c].push_back(heads[c]);
    }
  }

  void push(std::size_t c, void* p) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = heads[c];
    heads[c] = b;
  }

  // A block when the free list is empty: from the newest slab, else from what a
  // finished thread left, else from a new slab.
  void* carve(std::size_t c) {
    const std::size_t block = (c + 1) * kPoolGranule;
    if (!fresh[c] || fresh[c] + block > fresh_end[c]) {
      Shared& s = shared();
      std::lock_guard<std::mutex> lock(s.mutex);
      if (!s.orphans[c].empty()) {
        FreeBlock* b = s.orphans[c].back();
        s.orphans[c].pop_back();
        heads[c] = b->next;
        return b;
      }
      if (!s.remnants[c].empty()) {
        fresh[c] = s.remnants[c].back().begin;
        fresh_end[c] = s.remnants[c].back().end;
        s.remnants[c].pop_back();
      } else {
        fresh[c] = static_cast<char*>(::operator new(kSlabBytes));
        fresh_end[c] = fresh[c] + kSlabBytes;
        s.slabs.push_back(fresh[c]);
      }
    }
    void* b = fresh[c];
    fresh[c] += block;
    return b;
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
  FreeBlock* b = t_lists.heads[c];
  if (!b) return t_lists.carve(c);
  t_lists.heads[c] = b->next;
  return b;
}

void pool_deallocate(void* block, std::size_t bytes) noexcept {
  if (!block) return;
  if (!kPooling || bytes == 0 || bytes > kPoolMaxBlock) {
    ::operator delete(block);
    return;
  }
  t_lists.push(class_of(bytes), block);
}

}  // namespace looplab::loop
