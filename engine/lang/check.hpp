#pragma once
// Context checks CPython makes after parsing (in its symtable and compiler passes):
// 'return' outside function, 'yield' outside function, 'await' outside (async) function,
// 'break'/'continue' outside loop, nonlocal at module level or without a binding,
// names both global and parameter, and so on. Reported in CPython's order: symbol-table
// errors for the whole module first, then compiler errors in source order.

#include <optional>
#include <string_view>

#include "engine/lang/ast.hpp"
#include "engine/lang/syntax_error.hpp"

namespace looplab::lang {

std::optional<SyntaxErrorInfo> check_module(const ast::Module& module, std::string_view source);

}  // namespace looplab::lang
