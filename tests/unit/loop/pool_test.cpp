// The loop's block pool across threads (engine/loop/pool.hpp).

#include <catch2/catch.hpp>

#include <thread>

#include "engine/loop/pool.hpp"

// Under AddressSanitizer every block comes from operator new (pool.cpp): nothing to test.
#if !defined(__SANITIZE_ADDRESS__)

namespace looplab::loop {
namespace {

// The largest size class: nothing in the loop or the VM is that size, so no other
// thread's leftovers of this class get in the way.
constexpr std::size_t kBytes = kPoolMaxBlock - 8;

void* allocate_on_new_thread() {
  void* block = nullptr;
  std::thread t([&] { block = pool_allocate(kBytes); });
  t.join();
  return block;
}

TEST_CASE("a finished thread's uncarved slab is carved on by the next thread, in address order") {
  char* first = static_cast<char*>(allocate_on_new_thread());
  char* second = static_cast<char*>(allocate_on_new_thread());
  // Carving continues right after the first block: the rest was handed over as a range,
  // not threaded into a free list (which would have touched every page of it at exit).
  CHECK(second == first + kPoolMaxBlock);
  pool_deallocate(first, kBytes);
  pool_deallocate(second, kBytes);
}

TEST_CASE("a block freed on the thread that carves is reused before the slab goes on") {
  void* a = pool_allocate(kBytes);
  pool_deallocate(a, kBytes);
  void* b = pool_allocate(kBytes);
  CHECK(b == a);
  pool_deallocate(b, kBytes);
}

}  // namespace
}  // namespace looplab::loop

#endif
