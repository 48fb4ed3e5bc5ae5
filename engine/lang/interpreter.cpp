#include "engine/lang/interpreter.hpp"

#include <new>

#include "engine/lang/code.hpp"
#include "engine/lang/compiler.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/parser.hpp"

namespace looplab::lang {

namespace {

RunOutcome fail(LangHost& host, int status, std::string text, std::string summary) {
  host.write_stderr(text);
  return RunOutcome{status, std::move(text), std::move(summary)};
}

// SystemExit's code decides the status; anything else prints a traceback.
RunOutcome uncaught(LangHost& host, const Value& exc) {
  if (exc_matches(exc, "SystemExit")) {
    auto& args = exc.as<ExcObj>()->args.as<Tuple>()->items;
    Value code = args.empty() ? Value::none() : args[0];
    if (code.is_none()) return RunOutcome{};
    if (code.is_intlike()) return RunOutcome{static_cast<int>(code.as_int()), {}, {}};
    std::string msg = to_str(code);
    return fail(host, 1, msg + "\n", msg);
  }
  return fail(host, 1, format_exception(exc), exception_summary(exc));
}

}  // namespace

RunOutcome Interpreter::run_file(std::string_view source, std::string filename,
                                 const RunOptions& options) {
  ParseResult parsed = parse_module(source, filename);
  if (!parsed.ok()) {
    return fail(host_, 1, render_syntax_error(*parsed.error), syntax_error_summary(*parsed.error));
  }
  VM machine(host_, options.limits);
  machine.random_seed = options.random_seed;
  CurrentVM scope(&machine);
  RunOutcome out;
  {
    CompileResult compiled = compile_module(*parsed.module, source);
    if (compiled.error) {
      return fail(host_, 1, render_syntax_error(*compiled.error), syntax_error_summary(*compiled.error));
    }
    if (options.disassemble) {
      host_.write_stdout(disassemble(*compiled.code.as<Code>()));
      return out;
    }
    try {
      machine.run_module(compiled.code.as<Code>());
    } catch (PyException& e) {
      out = uncaught(host_, e.exc);
    } catch (StopRun& s) {
      out = fail(host_, s.status, s.message + "\n", s.message);
    } catch (std::bad_alloc&) {
      out = fail(host_, 1, "MemoryError\n", "MemoryError");
    }
  }
  return out;
}

}  // namespace looplab::lang
