#pragma once
// Free lists for the loop's small, short-lived objects. One asyncio.sleep makes a sleep
// coroutine, a Future, a TimerHandle and a Handle, and a run makes millions: recycling
// their blocks (libuv and Lua keep such lists too) spares malloc's per-block header and
// most of its time.
//
// Each thread has its own lists (the GUI runs scenarios on a worker thread). A block may
// be freed on another thread than the one that made it; blocks are never returned to
// the system, and a finishing thread hands its lists to the next that needs blocks, so
// the memory stays bounded by the peak.

#include <cstddef>

namespace looplab::loop {

inline constexpr std::size_t kPoolGranule = 16;
inline constexpr std::size_t kPoolMaxBlock = 256;  // larger requests go to operator new

void* pool_allocate(std::size_t bytes);
void pool_deallocate(void* block, std::size_t bytes) noexcept;

// A base that allocates the class (and every subclass) from the pool. The sized delete
// gets the dynamic type's size through the virtual destructor.
struct Pooled {
  static void* operator new(std::size_t bytes) { return pool_allocate(bytes); }
  static void operator delete(void* block, std::size_t bytes) noexcept { pool_deallocate(block, bytes); }
};

}  // namespace looplab::loop
