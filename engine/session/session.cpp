#include "engine/session/session.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/lang/interpreter.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/loop/exceptions.hpp"
#include "engine/loop/host.hpp"
#include "engine/loop/runtime.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::session {

// [SECTION] Programs ------------------------------------------------------------------

namespace {

ScenarioInfo describe(const std::string& name, const std::string& source) {
  ScenarioInfo info = parse_scenario(name, source);
  if (info.title.empty()) info.title = name;
  return info;
}

bool looks_like_path(std::string_view text) {
  return text.ends_with(".py") || text.find('/') != std::string_view::npos;
}

}  // namespace

std::vector<Program> builtin_programs() {
  std::vector<Program> programs;
  for (const EmbeddedScenario& s : embedded_scenarios()) {
    std::string name(s.name);
    std::string source(s.source);
    programs.push_back(Program{name, name + ".py", source, describe(name, source)});
  }
  return programs;
}

std::optional<Program> load_program(std::string_view name_or_path, std::string* error) {
  const std::string wanted(name_or_path);
  if (!looks_like_path(wanted)) {
    for (const EmbeddedScenario& s : embedded_scenarios()) {
      if (s.name != wanted) continue;
      std::string source(s.source);
      return Program{wanted, wanted + ".py", source, describe(wanted, source)};
    }
    if (!std::filesystem::exists(wanted)) {
      *error = "no scenario or file named '" + wanted + "' (looplab-cli list shows the scenarios)";
      return std::nullopt;
    }
  }
  std::ifstream in(wanted, std::ios::binary);
  if (!in) {
    *error = "cannot open '" + wanted + "'";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return program_from_source(wanted, wanted, text.str());
  } catch (const ScenarioError& e) {
    *error = e.what();
    return std::nullopt;
  }
}

Program program_from_source(std::string name, std::string filename, std::string source) {
  ScenarioInfo info = describe(name, source);
  return Program{std::move(name), std::move(filename), std::move(source), std::move(info)};
}

// [SECTION] Running -------------------------------------------------------------------

namespace {

// The interpreter's view of the run: output and the clock belong to the Runtime, so
// every print lands in the trace at the virtual time it happened.
class RuntimeLangHost final : public lang::LangHost {
 public:
  explicit RuntimeLangHost(loop::Runtime& rt) : rt_(rt) {}
  void write_stdout(std::string_view text) override { rt_.write_stdout(text); }
  void write_stderr(std::string_view text) override { rt_.write_stderr(text); }
  double now() override { return rt_.now(); }
  void sleep(double seconds) override { rt_.blocking_sleep(seconds); }

 private:
  loop::Runtime& rt_;
};

// A run that ends before the program starts (bad options, stopped while queued).
RunResult ended_before_start(int status, std::string message) {
  RunResult result;
  result.exit_status = status;
  result.stderr_text = message + "\n";
  auto trace = std::make_shared<loop::Trace>();
  trace->outcome = {status, message};
  trace->finished = true;
  result.trace = std::move(trace);
  return result;
}

std::optional<ErrorLocation> locate_error(const std::string& report, const std::string& summary) {
  if (summary.empty()) return std::nullopt;
  // The innermost `File "...", line N` of the report is where the error points.
  int line = 0;
  size_t pos = 0;
  while ((pos = report.find(", line ", pos)) != std::string::npos) {
    pos += 7;
    line = std::atoi(report.c_str() + pos);
  }
  return ErrorLocation{line, summary};
}

}  // namespace

RunResult run(const Program& program, const RunOptions& options, RunControl* control) {
  std::string source;
  try {
    source = apply_params(program.name, program.source, options.overrides);
  } catch (const ScenarioError& e) {
    return ended_before_start(kExitUsage, e.what());
  }
  if (control && control->stop_requested)
    return ended_before_start(kExitBudget, std::string(lang::kStoppedByUser));
  lang::LoopHost host;
  loop::Budgets budgets;
  budgets.max_callbacks = options.budgets.max_steps;
  budgets.max_time = options.budgets.max_time;
  budgets.max_instructions = options.budgets.max_instructions;
  budgets.record_trace = options.record_trace;
  auto runtime = std::make_unique<loop::Runtime>(host, budgets);
  RuntimeLangHost lang_host(*runtime);
  lang::RunOptions lang_options;
  lang_options.limits.max_instructions = static_cast<int64_t>(options.budgets.max_instructions);
  lang_options.limits.max_heap_bytes = static_cast<int64_t>(options.budgets.max_memory);
  lang_options.random_seed = options.seed.value_or(0);

  lang::RunWatch watch;
  if (control) {
    watch.keep_going = [control](uint64_t events) {
      control->events = events;
      return !control->stop_requested;
    };
  }
  lang::ProgramResult ran = lang::run_program(std::move(runtime), lang_host, source, program.filename,
                                              lang_options, control ? &watch : nullptr);
  RunResult result;
  result.exit_status = ran.outcome.status;
  result.stdout_text = std::move(ran.stdout_text);
  result.stderr_text = host.err;
  result.error = locate_error(ran.outcome.error, ran.outcome.summary);
  if (control) control->events = ran.trace.size();
  result.trace = std::make_shared<loop::Trace>(std::move(ran.trace));
  return result;
}

// [SECTION] Output --------------------------------------------------------------------

std::string stamped_stdout(const loop::Trace& trace) {
  std::string out;
  std::string line;
  char stamp[48];
  for (const loop::Event& e : trace.events) {
    if (e.kind != loop::EventKind::Stdout) continue;
    for (char ch : trace.str(e.a)) {
      line += ch;
      if (ch != '\n') continue;
      std::snprintf(stamp, sizeof stamp, "[%.3f] ", e.time);
      out += stamp;
      out += line;
      line.clear();
    }
  }
  if (!line.empty()) {
    // An unfinished last line is completed when the program ends.
    const double end = trace.events.empty() ? 0.0 : trace.events.back().time;
    std::snprintf(stamp, sizeof stamp, "[%.3f] ", end);
    out += stamp;
    out += line;
  }
  return out;
}

}  // namespace looplab::session
