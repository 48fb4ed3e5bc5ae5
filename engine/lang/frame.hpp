#pragma once
// Frames live on the heap (recycled through VM::frame_pool). A generator owns its frame
// (and with it the value stack), so suspending it is returning from the dispatch loop and resuming it is linking the frame
// back on top of the running one: Python-to-Python calls never recurse in C++.

#include <cstdint>

#include "engine/lang/code.hpp"

namespace looplab::lang {

struct Generator;

enum class BlockKind : uint8_t { Try, ExceptHandler };

struct Block {
  BlockKind kind;
  uint32_t handler;  // pc of the handler (Try)
  uint32_t level;  // stack depth to restore
  Value saved;  // ExceptHandler: the exception handled before this one
};

constexpr int kMaxBlocks = 24;

// How a frame resumed from inside the dispatch loop hands its result back.
enum class ResumeKind : uint8_t { None, ForIter, Send };

struct Frame {
  static Frame* create(Code* code, Value func, DictObj* globals);
  static void destroy(Frame* f);  // may keep the memory for reuse (VM::frame_pool)
  static void free_frame(Frame* f);  // gives the memory back

  Code* code;  // kept alive by code_ref
  Value code_ref;
  Value func;  // the Function, Null for module and class bodies
  DictObj* globals;  // kept alive by globals_ref
  Value globals_ref;
  Value locals;  // DictObj namespace of module and class bodies
  Frame* back = nullptr;
  uint32_t pc = 0;
  Value* sp;
  Generator* gen = nullptr;
  Value handled;  // the exception an `except` of this frame is handling
  Value init_self;  // a constructor's __init__ frame returns this instead
  bool entry = false;  // the C++ execute() that runs it returns with this frame
  ResumeKind resumed_by = ResumeKind::None;
  int nblocks = 0;
  Block blocks[kMaxBlocks];
  int nslots;
  Value slots[1];  // locals, cells, free variables, then the value stack

  Value* stack_base() { return slots + (code->nslots() - code->stacksize); }
  Value* cells() { return slots + code->nlocals(); }
  int line() const { return code->line_at(pc == 0 ? 0 : pc - 1); }

 private:
  Frame() = default;
};

}  // namespace looplab::lang
