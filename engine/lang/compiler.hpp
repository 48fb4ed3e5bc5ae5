#pragma once
// AST -> bytecode. One Code object per module, function, lambda, class body and
// comprehension, with a line table. Constructs outside LoopLab's subset are reported as
// `NotImplementedError: LoopLab does not support <what> (line N)`.

#include <optional>
#include <string>
#include <string_view>

#include "engine/lang/ast.hpp"
#include "engine/lang/code.hpp"
#include "engine/lang/syntax_error.hpp"

namespace looplab::lang {

struct CompileResult {
  Value code;  // Code, set when error is empty
  std::optional<SyntaxErrorInfo> error;
};

// Needs a current VM (strings are interned in it).
CompileResult compile_module(const ast::Module& module, std::string_view source);

}  // namespace looplab::lang
