#pragma once
// Scenario metadata (DESIGN.md, "Scenario files"): the module docstring gives the title,
// an optional `Lesson: <group>` line and the lesson text; `NAME = number  # @param MIN..MAX
// step S description` on a top-level constant makes a slider; `# @note sentence` at the end
// of a line narrates that line. The source stays plain Python, so parameters are applied by
// rewriting the value text of their line, never by injecting code: line numbers hold.

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace looplab::session {

// A malformed @param/@note line or a bad override. what() reads "<name>:<line>: <message>"
// (or "<name>: <message>" when no line is concerned), `name` as given to the parser.
class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScenarioParam {
  std::string name;
  double value = 0;  // the default written in the file
  double min = 0;
  double max = 0;
  double step = 0;
  bool is_int = false;  // the default's literal is an int: every value must be one too
  std::string description;
  int line = 0;  // 1-based
};

struct ScenarioInfo {
  std::string name;
  std::string title;                  // empty when the file has no module docstring
  std::string lesson_group;           // from `Lesson: <group>`; empty when absent
  std::string lesson;                 // the rest of the docstring, dedented, blank lines trimmed
  std::vector<ScenarioParam> params;  // in file order
  std::map<int, std::string> notes;   // 1-based line -> sentence
};

// Throws ScenarioError for a malformed @param or @note line.
ScenarioInfo parse_scenario(std::string name, std::string source);

// --set NAME=VALUE pairs, applied in order (a later pair for the same name wins).
using ParamOverrides = std::vector<std::pair<std::string, std::string>>;

// The source with each overridden parameter's value text replaced: ints as ints, floats in
// Python's repr (`1.5`, `0.1`, `1e-05`). Throws ScenarioError for an unknown name, a value
// that is not a number of the parameter's type, or one outside MIN..MAX.
std::string apply_params(const std::string& name, const std::string& source,
                         const ParamOverrides& overrides);

// Python's repr() of a float: the shortest text that reads back as the same double.
std::string python_float_repr(double value);

// Every scenarios/*.py, compiled into the binaries by scenarios_embed.cmake; name = file stem,
// sorted by name.
struct EmbeddedScenario {
  std::string_view name;
  std::string_view source;
};
const std::vector<EmbeddedScenario>& embedded_scenarios();

}  // namespace looplab::session
