#pragma once
// Front end entry point: UTF-8 source text in, an AST (ast.hpp) or the first error out.
// Like CPython, only the first error is reported.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/lang/ast.hpp"
#include "engine/lang/syntax_error.hpp"

namespace looplab::lang {

struct ParseResult {
  std::unique_ptr<ast::Module> module;   // set when error is empty
  std::optional<SyntaxErrorInfo> error;  // the first syntax/indentation/unsupported error
  bool ok() const { return !error.has_value(); }
};

// Tokenizes, parses and then runs the context checks of check.hpp (return/yield/await
// outside function, break outside loop, ...), so a result without error is a module the
// compiler can compile as is.
ParseResult parse_module(std::string_view source, std::string filename);

// Parsing only, without the context checks.
ParseResult parse_module_syntax(std::string_view source, std::string filename);

}  // namespace looplab::lang
