#include "engine/lang/code.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "engine/lang/frame.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

struct OpInfo {
  const char* name;
  int effect;
  const char* meaning;
};

constexpr OpInfo kOps[] = {
#define LOOPLAB_OP_INFO(name, effect, meaning) {#name, effect, meaning},
    LOOPLAB_OPCODES(LOOPLAB_OP_INFO)
#undef LOOPLAB_OP_INFO
};

}  // namespace

const char* op_name(Op op) { return kOps[static_cast<size_t>(op)].name; }
const char* op_meaning(Op op) { return kOps[static_cast<size_t>(op)].meaning; }

int stack_effect(Op op, uint32_t arg) {
  int n = static_cast<int>(arg);
  switch (op) {
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return -1;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
    case Op::BUILD_SLICE: return 1 - n;
    case Op::BUILD_MAP: return 1 - 2 * n;
    case Op::UNPACK_SEQUENCE: return n - 1;
    case Op::UNPACK_EX: return (n & 0xFF) + (n >> 8);
    case Op::FORMAT_VALUE: return (n & 4) ? -1 : 0;
    case Op::CALL: return -n - 1;
    case Op::CALL_KW: return -n - 2;
    case Op::CALL_EX: return (n & 1) ? -3 : -2;
    case Op::MAKE_FUNCTION:
      return -((n & 1) ? 1 : 0) - ((n & 2) ? 1 : 0) - ((n & 4) ? 1 : 0);
    case Op::SEND: return 0;
    case Op::RAISE_VARARGS: return -n;
    default: return kOps[static_cast<size_t>(op)].effect;
  }
}

Code::Code() : Obj(vm().t.code) {}

void Code::clear_refs() {
  consts.clear();
  names.clear();
  varnames.clear();
  cellnames.clear();
  freenames.clear();
}

std::string Code::source_line(int line) const {
  if (!source_lines || line < 1 || static_cast<size_t>(line) > source_lines->size()) return {};
  return (*source_lines)[static_cast<size_t>(line) - 1];
}

namespace {

std::string detail(const Code& code, Op op, uint32_t arg) {
  auto name_at = [](const std::vector<Value>& v, uint32_t i) -> std::string {
    return i < v.size() ? v[i].as<Str>()->s : "?";
  };
  switch (op) {
    case Op::LOAD_CONST: return arg < code.consts.size() ? repr(code.consts[arg]) : "?";
    case Op::LOAD_FAST:
    case Op::STORE_FAST:
    case Op::DELETE_FAST: return name_at(code.varnames, arg);
    case Op::LOAD_GLOBAL:
    case Op::STORE_GLOBAL:
    case Op::DELETE_GLOBAL:
    case Op::LOAD_NAME:
    case Op::STORE_NAME:
    case Op::DELETE_NAME:
    case Op::LOAD_ATTR:
    case Op::STORE_ATTR:
    case Op::DELETE_ATTR:
    case Op::LOAD_METHOD:
    case Op::IMPORT_NAME:
    case Op::IMPORT_FROM: return name_at(code.names, arg);
    case Op::BINARY_OP: {
      auto k = static_cast<ast::BinOpKind>(arg & 15);
      return std::string(ast::op_symbol(k)) + ((arg & 16) ? "=" : "");
    }
    case Op::COMPARE_OP: return ast::op_symbol(static_cast<ast::CmpOpKind>(arg));
    default: return {};
  }
}

}  // namespace

std::string disassemble(const Code& code) {
  std::string out = "Disassembly of <code object " + code.name + ">:\n";
  int last_line = -1;
  for (size_t pc = 0; pc < code.ops.size(); ++pc) {
    Op op = op_of(code.ops[pc]);
    uint32_t arg = arg_of(code.ops[pc]);
    char buf[96];
    std::string line_col = code.lines[pc] != last_line ? std::to_string(code.lines[pc]) : "";
    last_line = code.lines[pc];
    std::snprintf(buf, sizeof buf, "%5s %6zu %-22s %u", line_col.c_str(), pc, op_name(op), arg);
    out += buf;
    std::string d = detail(code, op, arg);
    if (!d.empty()) out += " (" + d + ")";
    out += "\n";
  }
  for (const Value& c : code.consts) {
    if (auto* inner = c.if_type<Code>(vm().t.code)) out += "\n" + disassemble(*inner);
  }
  return out;
}

// The deepest block stack any path through `ops` reaches (a frame's room for blocks).
// SETUP_* push a block, whose handler runs with it turned into an except-handler block
// (the same depth); POP_BLOCK and POP_EXCEPT pop one. A pc is walked again only when
// reached deeper, and depths stop at kMaxBlocks (deeper nesting fails when it runs).
int max_block_depth(const std::vector<uint32_t>& ops) {
  std::vector<int> seen(ops.size(), -1);
  std::vector<std::pair<size_t, int>> work{{0, 0}};
  int deepest = 0;
  while (!work.empty()) {
    auto [pc, depth] = work.back();
    work.pop_back();
    while (pc < ops.size() && depth > seen[pc]) {
      seen[pc] = depth;
      const uint32_t arg = arg_of(ops[pc]);
      switch (op_of(ops[pc])) {
        case Op::SETUP_FINALLY:
        case Op::SETUP_WITH:
        case Op::SETUP_ASYNC_WITH:
          depth = std::min(depth + 1, kMaxBlocks);
          deepest = std::max(deepest, depth);
          work.emplace_back(arg, depth);
          break;
        case Op::POP_BLOCK:
        case Op::POP_EXCEPT: depth = std::max(depth - 1, 0); break;
        case Op::POP_JUMP_IF_FALSE:
        case Op::POP_JUMP_IF_TRUE:
        case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP:
        case Op::FOR_ITER:
        case Op::SEND: work.emplace_back(arg, depth); break;
        case Op::JUMP: pc = arg; continue;
        case Op::RETURN_VALUE:
        case Op::RERAISE:
        case Op::RAISE_VARARGS: pc = ops.size(); continue;
        default: break;
      }
      ++pc;
    }
  }
  return deepest;
}

}  // namespace looplab::lang
