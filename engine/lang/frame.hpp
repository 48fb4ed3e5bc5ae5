#pragma once
// Frames live on the heap (recycled through VM::frame_pool). A generator owns its frame
// (and with it the value stack), so suspending it is returning from the dispatch loop and resuming it is linking the frame
// back on top of the running one: Python-to-Python calls never recurse in C++.

#include <cstddef>
#include <cstdint>
#include <new>

#include "engine/lang/code.hpp"

namespace looplab::lang {

struct Generator;
struct Frame;

enum class BlockKind : uint8_t { Try, ExceptHandler };

struct Block {
  BlockKind kind;
  uint32_t handler;  // pc of the handler (Try)
  uint32_t level;  // stack depth to restore
  Value saved;  // ExceptHandler: the exception handled before this one
};

// CPython's CO_MAXBLOCKS is 20; deeper nesting is a SystemError when it runs.
constexpr int kMaxBlocks = 24;

// How a frame resumed from inside the dispatch loop hands its result back.
enum class ResumeKind : uint8_t { None, ForIter, Send };

// Frames of fewer slots than this are recycled through VM::frame_pool.
constexpr int kPooledSlots = 96;

// One size class of VM::frame_pool: freed frames linked through Frame::back. A pooled
// frame keeps its slots and blocks constructed (all Null), so reuse skips the allocation
// and the construction.
struct FramePool {
  Frame* head = nullptr;
  uint32_t count = 0;
  inline Frame* take(int nblocks);
};

struct Frame {
  static Frame* create(Code* code, Value func, DictObj* globals);
  static void destroy(Frame* f);  // may keep the memory for reuse (VM::frame_pool)
  static void free_frame(Frame* f);  // gives the memory back
  // A fresh frame of `n` slots with room for `nb` blocks (pc 0, no back link, all Null).
  static Frame* allocate(int n, int nb);

  // A function frame's code and globals are kept alive by `func`; a module body's by
  // whoever runs it (VM::run_module holds both).
  Code* code;
  DictObj* globals;
  Value func;  // the Function, Null for module bodies
  Value* sp;
  Frame* back = nullptr;
  Generator* gen = nullptr;
  Block* blocks = nullptr;  // block_capacity of them, stored right after the slots
  uint32_t pc = 0;
  int nblocks = 0;
  int block_capacity = 0;
  int nslots;
  bool entry = false;  // the C++ execute() that runs it returns with this frame
  ResumeKind resumed_by = ResumeKind::None;
  Value locals;  // DictObj namespace of module and class bodies
  Value handled;  // the exception an `except` of this frame is handling
  Value init_self;  // a constructor's __init__ frame returns this instead
  // Room for the code's deepest block stack (Code::max_blocks), not kMaxBlocks: most
  // frames (a coroutine per task) need none, and the memory of a frame per task counts.
  Value slots[1];  // locals, cells, free variables, then the value stack

  // The bytes of a frame with `n` slots and room for `nb` blocks.
  static size_t size_for(int n, int nb) {
    return sizeof(Frame) + sizeof(Value) * static_cast<size_t>(n > 1 ? n - 1 : 0) +
           sizeof(Block) * static_cast<size_t>(nb);
  }
  // A fresh frame of size_for(nslots, nb) bytes: constructs its (empty) blocks.
  void init_blocks(int nb) {
    blocks = reinterpret_cast<Block*>(slots + (nslots > 1 ? nslots : 1));
    for (int i = 0; i < nb; ++i) new (&blocks[i]) Block{BlockKind::Try, 0, 0, Value()};
    block_capacity = nb;
  }
  ~Frame() {
    for (int i = 0; i < block_capacity; ++i) blocks[i].~Block();
  }

  Value* stack_base() { return slots + (code->nslots() - code->stacksize); }
  // Points the frame at `c` and `g` (borrowed: see `code`).
  void bind(Code* c, DictObj* g) {
    code = c;
    globals = g;
    sp = stack_base();
  }
  Value* cells() { return slots + code->nlocals(); }
  int line() const { return code->line_at(pc == 0 ? 0 : pc - 1); }

 private:
  Frame() = default;
};

inline Frame* FramePool::take(int nblocks) {
  Frame* f = head;
  if (!f || f->block_capacity < nblocks) return nullptr;
  head = f->back;
  f->back = nullptr;
  --count;
  return f;
}

}  // namespace looplab::lang
