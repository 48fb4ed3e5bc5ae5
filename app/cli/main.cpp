// looplab-cli: runs and exports LoopLab programs from a terminal (DESIGN.md's contract).
//   looplab-cli run FILE.py|SCENARIO [--stamp] [--seed N] [--set NAME=VALUE]... [--max-*]
//   looplab-cli export FILE.py|SCENARIO --format chrome|csv|text|svg -o OUT [--set ...]
//   looplab-cli source SCENARIO [--set NAME=VALUE]...   the effective source, for the oracle
//   looplab-cli list
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "engine/loop/trace.hpp"
#include "engine/session/session.hpp"

namespace {

using looplab::session::kExitUsage;

constexpr const char* kUsage =
    "usage: looplab-cli run FILE.py|SCENARIO [--stamp] [--seed N] [--set NAME=VALUE]...\n"
    "                   [--max-steps N] [--max-time SECONDS] [--max-instructions N]\n"
    "                   [--max-memory BYTES]\n"
    "       looplab-cli export FILE.py|SCENARIO --format chrome|csv|text|svg -o OUT|-\n"
    "                   [--seed N] [--set NAME=VALUE]...\n"
    "       looplab-cli source FILE.py|SCENARIO [--set NAME=VALUE]...\n"
    "       looplab-cli list\n";

struct Command {
  std::string verb;
  std::string target;
  bool stamp = false;
  std::string format;
  std::string output;
  looplab::session::RunOptions run;
};

int usage_error(const std::string& message) {
  std::cerr << "looplab-cli: " << message << "\n" << kUsage;
  return kExitUsage;
}

template <class T>
bool parse_number(const std::string& text, T* out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

// Parses argv into `cmd`; returns an error message, or nothing when the line is valid.
std::optional<std::string> parse_command(int argc, char** argv, Command* cmd) {
  if (argc < 2) return "missing command";
  cmd->verb = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (arg == "--stamp") {
      cmd->stamp = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 && arg != "-o") {
      if (!cmd->target.empty()) return "unexpected argument '" + arg + "'";
      cmd->target = arg;
      continue;
    }
    const std::optional<std::string> v = value();
    if (!v) return "missing value for " + arg;
    auto& budgets = cmd->run.budgets;
    uint64_t seed = 0;
    if (arg == "--set") {
      const size_t eq = v->find('=');
      if (eq == std::string::npos || eq == 0) return "--set wants NAME=VALUE, got '" + *v + "'";
      cmd->run.overrides.emplace_back(v->substr(0, eq), v->substr(eq + 1));
    } else if (arg == "--seed") {
      if (!parse_number(*v, &seed)) return "--seed wants a non-negative integer";
      cmd->run.seed = seed;
    } else if (arg == "--max-steps") {
      if (!parse_number(*v, &budgets.max_steps)) return "--max-steps wants an integer";
    } else if (arg == "--max-instructions") {
      if (!parse_number(*v, &budgets.max_instructions)) return "--max-instructions wants an integer";
    } else if (arg == "--max-memory") {
      if (!parse_number(*v, &budgets.max_memory)) return "--max-memory wants a byte count";
    } else if (arg == "--max-time") {
      if (!parse_number(*v, &budgets.max_time) || !(budgets.max_time > 0))
        return "--max-time wants a positive number of seconds";
    } else if (arg == "--format") {
      cmd->format = *v;
    } else if (arg == "-o" || arg == "--output") {
      cmd->output = *v;
    } else {
      return "unknown option " + arg;
    }
  }
  return std::nullopt;
}

// One scenario per line: its name, then its title, the titles in one column.
int list_scenarios() {
  const auto programs = looplab::session::builtin_programs();
  size_t width = 0;
  for (const auto& program : programs) width = std::max(width, program.name.size());
  for (const auto& program : programs)
    std::cout << program.name << std::string(width - program.name.size() + 2, ' ')
              << program.info.title << "\n";
  return 0;
}

std::optional<looplab::session::Program> load(const Command& cmd, int* status) {
  std::string error;
  auto program = looplab::session::load_program(cmd.target, &error);
  if (!program) {
    std::cerr << "looplab-cli: " << error << "\n";
    *status = kExitUsage;
  }
  return program;
}

int print_source(const Command& cmd) {
  int status = 0;
  auto program = load(cmd, &status);
  if (!program) return status;
  try {
    std::cout << looplab::session::apply_params(program->name, program->source, cmd.run.overrides);
  } catch (const looplab::session::ScenarioError& e) {
    std::cerr << "looplab-cli: " << e.what() << "\n";
    return kExitUsage;
  }
  return 0;
}

int run_program(const Command& cmd) {
  int status = 0;
  auto program = load(cmd, &status);
  if (!program) return status;
  looplab::session::RunOptions options = cmd.run;
  options.record_trace = cmd.stamp;
  const auto result = looplab::session::run(*program, options);
  const std::string out = cmd.stamp ? looplab::session::stamped_stdout(*result.trace)
                                    : result.stdout_text;
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  std::fwrite(result.stderr_text.data(), 1, result.stderr_text.size(), stderr);
  return result.exit_status;
}

int export_program(const Command& cmd) {
  const auto format = looplab::exporter::parse_format(cmd.format);
  if (!format) return usage_error("--format wants chrome, csv, text or svg");
  if (cmd.output.empty()) return usage_error("export needs -o OUT (or -o - for stdout)");
  int status = 0;
  auto program = load(cmd, &status);
  if (!program) return status;
  const auto result = looplab::session::run(*program, cmd.run);
  if (result.exit_status == kExitUsage) {
    std::cerr << result.stderr_text;
    return kExitUsage;
  }
  std::string error;
  const bool ok = cmd.output == "-"
                      ? looplab::exporter::write(*result.trace, *format, std::cout, {}, &error)
                      : looplab::exporter::export_to_file(*result.trace, *format, cmd.output, &error);
  if (!ok) {
    std::cerr << "looplab-cli: " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Command cmd;
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << kUsage;
    return 0;
  }
  if (auto error = parse_command(argc, argv, &cmd)) return usage_error(*error);
  if (cmd.verb == "list") return list_scenarios();
  if (cmd.verb != "run" && cmd.verb != "export" && cmd.verb != "source")
    return usage_error("unknown command '" + cmd.verb + "'");
  if (cmd.target.empty()) return usage_error(cmd.verb + " needs a FILE.py or SCENARIO");
  if (cmd.verb == "source") return print_source(cmd);
  if (cmd.verb == "export") return export_program(cmd);
  return run_program(cmd);
}
