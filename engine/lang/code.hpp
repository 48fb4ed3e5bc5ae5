#pragma once
// Bytecode: the one list of opcodes, the Code object (instructions + line table +
// constants + names), and the disassembler.
//
// An instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24.
// `lines[i]` is the source line of instruction i.

#include <memory>
#include <string>
#include <vector>

#include "engine/lang/object.hpp"

namespace looplab::lang {

// X(name, stack effect, meaning). A stack effect of kVar depends on the argument
// (see stack_effect()). "TOS" is the top of the stack, "TOS1" the one below it.
#define LOOPLAB_OPCODES(X)                                                                    \
  X(NOP, 0, "do nothing")                                                                     \
  X(POP_TOP, -1, "discard TOS")                                                               \
  X(DUP_TOP, 1, "push TOS again")                                                             \
  X(DUP_TOP_TWO, 2, "push TOS1 and TOS again")                                                \
  X(ROT_TWO, 0, "swap TOS and TOS1")                                                          \
  X(ROT_THREE, 0, "move TOS below TOS2")                                                      \
  X(ROT_FOUR, 0, "move TOS below TOS3")                                                       \
  X(PUSH_NULL, 1, "push the empty marker (a call without self)")                             \
  X(LOAD_CONST, 1, "push consts[arg]")                                                        \
  X(LOAD_FAST, 1, "push local arg; UnboundLocalError if unbound")                             \
  X(STORE_FAST, -1, "pop into local arg")                                                     \
  X(DELETE_FAST, 0, "unbind local arg")                                                       \
  X(LOAD_DEREF, 1, "push the content of the cell in slot arg")                                \
  X(STORE_DEREF, -1, "pop into the cell in slot arg")                                         \
  X(DELETE_DEREF, 0, "empty the cell in slot arg")                                            \
  X(LOAD_CLOSURE, 1, "push the cell object in slot arg (to build a closure)")                 \
  X(LOAD_CLASSDEREF, 1, "class body: names[cell name] from the namespace, else the cell")     \
  X(LOAD_GLOBAL, 1, "push global names[arg], else the builtin")                               \
  X(STORE_GLOBAL, -1, "pop into global names[arg]")                                           \
  X(DELETE_GLOBAL, 0, "delete global names[arg]")                                             \
  X(LOAD_NAME, 1, "push names[arg] from the namespace, globals or builtins")                  \
  X(STORE_NAME, -1, "pop into names[arg] of the namespace")                                   \
  X(DELETE_NAME, 0, "delete names[arg] from the namespace")                                   \
  X(LOAD_ATTR, 0, "replace TOS with TOS.names[arg]")                                          \
  X(STORE_ATTR, -2, "TOS.names[arg] = TOS1")                                                  \
  X(DELETE_ATTR, -1, "del TOS.names[arg]")                                                    \
  X(LOAD_METHOD, 1, "replace TOS with (function, self) or (attribute, empty)")                \
  X(BINARY_SUBSCR, -1, "TOS1[TOS]")                                                           \
  X(STORE_SUBSCR, -3, "TOS1[TOS] = TOS2")                                                     \
  X(DELETE_SUBSCR, -2, "del TOS1[TOS]")                                                       \
  X(BINARY_OP, -1, "TOS1 op TOS; arg is a BinOpKind, +16 for the in-place form")              \
  X(UNARY_OP, 0, "op TOS; arg is a UnaryOpKind")                                              \
  X(COMPARE_OP, -1, "TOS1 cmp TOS; arg is a CmpOpKind")                                       \
  X(JUMP, 0, "jump to arg")                                                                   \
  X(POP_JUMP_IF_FALSE, -1, "pop TOS; jump to arg if it is false")                             \
  X(POP_JUMP_IF_TRUE, -1, "pop TOS; jump to arg if it is true")                               \
  X(JUMP_IF_FALSE_OR_POP, kVar, "jump to arg keeping TOS if it is false, else pop it")        \
  X(JUMP_IF_TRUE_OR_POP, kVar, "jump to arg keeping TOS if it is true, else pop it")          \
  X(GET_ITER, 0, "replace TOS with iter(TOS)")                                                \
  X(FOR_ITER, 1, "push next(TOS); when exhausted pop TOS and jump to arg")                    \
  X(BUILD_TUPLE, kVar, "replace arg items with a tuple")                                      \
  X(BUILD_LIST, kVar, "replace arg items with a list")                                        \
  X(BUILD_SET, kVar, "replace arg items with a set")                                          \
  X(BUILD_MAP, kVar, "replace arg key/value pairs with a dict")                               \
  X(BUILD_STRING, kVar, "concatenate arg strings")                                            \
  X(BUILD_SLICE, kVar, "replace arg (2 or 3) bounds with a slice")                            \
  X(LIST_APPEND, -1, "append TOS to the list arg below it")                                   \
  X(SET_ADD, -1, "add TOS to the set arg below it")                                           \
  X(MAP_ADD, -2, "dict arg below: [TOS1] = TOS")                                              \
  X(LIST_EXTEND, -1, "extend the list arg below TOS with TOS")                                \
  X(SET_UPDATE, -1, "update the set arg below TOS with TOS")                                  \
  X(DICT_UPDATE, -1, "update the dict arg below TOS with TOS")                                \
  X(DICT_MERGE, -1, "like DICT_UPDATE, but a repeated key is a call error")                   \
  X(LIST_TO_TUPLE, 0, "replace the list TOS with a tuple")                                    \
  X(UNPACK_SEQUENCE, kVar, "replace TOS with its arg items, first on top")                    \
  X(UNPACK_EX, kVar, "starred unpack: arg = before | after << 8")                             \
  X(FORMAT_VALUE, kVar, "f-string field: arg & 3 = conversion (1 s, 2 r, 3 a), & 4 = spec")  \
  X(CALL, kVar, "call TOS[arg+1] with self TOS[arg] (if any) and arg arguments")              \
  X(CALL_KW, kVar, "like CALL, with a tuple of keyword names on top")                         \
  X(CALL_EX, kVar, "call with an argument tuple, and a kwargs dict when arg & 1")             \
  X(MAKE_FUNCTION, kVar, "code on TOS; arg & 1 defaults, & 2 kwdefaults, & 4 closure")        \
  X(RETURN_VALUE, -1, "return TOS to the caller")                                             \
  X(YIELD_VALUE, 0, "yield TOS; resume with the sent value in its place")                     \
  X(GET_YIELD_FROM_ITER, 0, "replace TOS with the iterator `yield from` delegates to")        \
  X(GET_AWAITABLE, 0, "replace TOS with the iterator `await` delegates to (vm_async.cpp)")     \
  X(BEFORE_ASYNC_WITH, 1, "replace the manager with __aexit__, push __aenter__()")           \
  X(SETUP_ASYNC_WITH, 0, "push a try block at arg below TOS (the awaited __aenter__ result)") \
  X(GET_AITER, 0, "replace TOS with TOS.__aiter__()")                                        \
  X(GET_ANEXT, 1, "push TOS.__anext__()")                                                     \
  X(ASYNC_GEN_WRAP, 0, "mark TOS as an async generator's yielded value")                     \
  X(SEND, kVar, "send TOS into iterator TOS1: yielded value replaces TOS; on return, the "    \
                "result replaces both and jump to arg")                                       \
  X(SETUP_FINALLY, 0, "push a try block whose handler is at arg")                             \
  X(SETUP_WITH, 1, "replace the manager with __exit__, push __enter__(), push a try block")   \
  X(POP_BLOCK, 0, "pop the innermost try block")                                              \
  X(POP_EXCEPT, 0, "leave an except handler: restore the previously handled exception")       \
  X(CHECK_EXC_MATCH, 0, "replace TOS (a type or tuple) with isinstance(TOS1, TOS)")           \
  X(CHECK_EG_MATCH, 0, "except*: split the group TOS1 by TOS into (rest, match)")             \
  X(PREP_RERAISE_STAR, -1, "except*: combine raised and unhandled into what to re-raise")     \
  X(RERAISE, -1, "re-raise the exception TOS")                                                \
  X(RAISE_VARARGS, kVar, "raise: arg 0 re-raises, 1 raises TOS, 2 raises TOS1 from TOS")      \
  X(WITH_EXCEPT_START, 1, "call __exit__ (below the handler frame) with the exception TOS")   \
  X(LOAD_ASSERTION_ERROR, 1, "push AssertionError")                                           \
  X(IMPORT_NAME, 1, "push the module names[arg]")                                             \
  X(IMPORT_FROM, 1, "push TOS.names[arg] (ImportError if absent)")                            \
  X(IMPORT_STAR, -1, "copy the public names of module TOS into the namespace")                \
  X(LOAD_BUILD_CLASS, 1, "push the class builder")

constexpr int kVar = 1000;
// LIST_EXTEND's flag for a call's lone *argument: a non-iterable is reported with the
// callable's name, as CPython's CALL_FUNCTION_EX does. The list depth is arg & 0xFF.
constexpr uint32_t kExtendCallArgs = 0x100;

enum class Op : uint8_t {
#define LOOPLAB_OP_ENUM(name, effect, meaning) name,
  LOOPLAB_OPCODES(LOOPLAB_OP_ENUM)
#undef LOOPLAB_OP_ENUM
};

const char* op_name(Op op);
const char* op_meaning(Op op);
int stack_effect(Op op, uint32_t arg);

inline uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline Op op_of(uint32_t word) { return static_cast<Op>(word & 0xFF); }
inline uint32_t arg_of(uint32_t word) { return word >> 8; }

// The deepest try/with block stack any path through `ops` reaches (Code::max_blocks).
int max_block_depth(const std::vector<uint32_t>& ops);

enum CodeFlags : uint32_t {
  kVarargs = 0x04,
  kVarkeywords = 0x08,
  kGenerator = 0x20,
  kCoroutine = 0x80,
  kIterableCoroutine = 0x100,  // a generator function under @types.coroutine
  kAsyncGenerator = 0x200,
  kClassBody = 0x1000,
  kModuleBody = 0x2000,
  kHasDocstring = 0x4000,  // consts[0] is the docstring
};

// LOAD_ATTR / STORE_ATTR / LOAD_METHOD's memo (attr.cpp): valid for objects whose type
// has serial `type_serial` while class_epoch() equals `epoch`.
struct AttrCache {
  uint64_t type_serial = 0;
  uint64_t epoch = 0;
  const Value* class_slot = nullptr;  // the name along the type's MRO, or null
  size_t dict_index = 0;  // where the instance (or module) dict last held the name
  bool plain_store = false;  // STORE_ATTR: set_attr would just store into the instance dict
};

// A compiled function body, class body or module.
struct Code : Obj {
  Code();
  void clear_refs() override;

  std::vector<uint32_t> ops;
  std::vector<int32_t> lines;
  std::vector<Value> consts;
  std::vector<Value> names;  // interned Str: globals, attributes, namespace names
  std::vector<Value> varnames;  // interned Str: arguments first, then other locals
  std::vector<Value> cellnames;  // locals captured by inner functions
  std::vector<Value> freenames;  // captured from the enclosing function
  std::vector<int> cell2arg;  // per cell: the argument it starts from, or -1
  int argcount = 0;  // positional, including positional-only
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;
  int stacksize = 0;
  int max_blocks = 0;  // the deepest try/with block stack a run can reach (a frame's room)
  int firstline = 1;
  // A function whose calls the dispatch loop binds itself (VM::bind_plain): no
  // keyword-only parameters, no *args/**kwargs, no cells, not a generator or coroutine.
  bool plain_call = false;
  std::string name, qualname, filename;
  std::shared_ptr<const std::vector<std::string>> source_lines;

  // LOAD_GLOBAL's memo, one per name (sized on first use): the entry found stays valid
  // while neither the globals nor the builtins dict gains or loses a key.
  struct GlobalCache {
    const DictObj* globals = nullptr;
    uint64_t globals_version = 0;
    uint64_t builtins_version = 0;
    Value* slot = nullptr;
  };
  std::vector<GlobalCache> global_cache;

  // One per instruction, sized on first use.
  std::vector<AttrCache> attr_cache;
  AttrCache& attr_cache_at(size_t pc) {
    if (attr_cache.size() <= pc) attr_cache.resize(ops.size());
    return attr_cache[pc];
  }

  int nlocals() const { return static_cast<int>(varnames.size()); }
  int nslots() const {
    return nlocals() + static_cast<int>(cellnames.size() + freenames.size()) + stacksize;
  }
  int line_at(size_t pc) const { return pc < lines.size() ? lines[pc] : firstline; }
  std::string source_line(int line) const;
};

// One line per instruction: "  line  offset  NAME  arg  (detail)", nested code after.
std::string disassemble(const Code& code);

}  // namespace looplab::lang
