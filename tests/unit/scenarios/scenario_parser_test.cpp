#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/session/scenario.hpp"

using looplab::session::apply_params;
using looplab::session::embedded_scenarios;
using looplab::session::parse_scenario;
using looplab::session::python_float_repr;
using looplab::session::ScenarioError;
using looplab::session::ScenarioInfo;

namespace {

std::string error_of(const std::string& source) {
  try {
    parse_scenario("t.py", source);
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

std::string apply_error_of(const std::string& source, const std::string& name,
                           const std::string& value) {
  try {
    apply_params("t.py", source, {{name, value}});
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

long count_lines(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

const std::string kSmall =
    "\"\"\"Small title\n"
    "Lesson: Async basics\n"
    "\n"
    "    First line of the lesson.\n"
    "      Indented more.\n"
    "    A line with # @param 1..2 step 1 inside the docstring is text.\n"
    "\"\"\"\n"
    "import asyncio\n"
    "\n"
    "COUNT = 3  # @param 1..10 step 1 how many tasks\n"
    "DELAY = 0.5  # @param 0.1..2 step 0.1 seconds per sleep  # @note The slider moved.\n"
    "print(COUNT * DELAY)  # @note Prints the product.\n";

}  // namespace

TEST_CASE("every embedded scenario has a title, a lesson, a group, notes and valid params") {
  REQUIRE(!embedded_scenarios().empty());
  for (const auto& scenario : embedded_scenarios()) {
    INFO("scenario " << scenario.name);
    const ScenarioInfo info =
        parse_scenario(std::string(scenario.name), std::string(scenario.source));
    CHECK(!info.title.empty());
    CHECK(!info.lesson.empty());
    CHECK(!info.lesson_group.empty());
    CHECK(!info.notes.empty());
    for (const auto& param : info.params) {
      INFO("param " << param.name);
      CHECK(!param.description.empty());
      CHECK(param.min <= param.value);
      CHECK(param.value <= param.max);
      CHECK(param.step > 0);
    }
  }
}

TEST_CASE("the scenario library holds every scenario the issue asks for") {
  const char* required[] = {"restaurant",
                            "sleep-gather",
                            "thousand-tasks",
                            "task-lifecycle",
                            "timeouts",
                            "coroutine-internals",
                            "event-loop-by-hand",
                            "blocking-call",
                            "web-apis",
                            "web-server",
                            "gather-wait-as-completed",
                            "producer-consumer",
                            "race-and-lock",
                            "rate-limit",
                            "taskgroup",
                            "threads-vs-tasks"};
  for (const char* name : required) {
    INFO("scenario " << name);
    const auto& all = embedded_scenarios();
    CHECK(std::any_of(all.begin(), all.end(), [&](const auto& s) { return s.name == name; }));
  }
}

TEST_CASE("every embedded parameter can be set to both ends of its range") {
  for (const auto& scenario : embedded_scenarios()) {
    const std::string name(scenario.name);
    const std::string source(scenario.source);
    const ScenarioInfo info = parse_scenario(name, source);
    for (const auto& param : info.params) {
      for (const double end : {param.min, param.max}) {
        INFO(name << " " << param.name << " = " << end);
        const std::string text =
            param.is_int ? std::to_string(static_cast<long long>(end)) : python_float_repr(end);
        const std::string applied = apply_params(name, source, {{param.name, text}});
        CHECK(count_lines(applied) == count_lines(source));
        const ScenarioInfo after = parse_scenario(name, applied);
        const auto changed = std::find_if(after.params.begin(), after.params.end(),
                                          [&](const auto& p) { return p.name == param.name; });
        REQUIRE(changed != after.params.end());
        CHECK(changed->value == end);
        CHECK(changed->line == param.line);
        CHECK(after.notes == info.notes);
      }
    }
  }
}

TEST_CASE("the docstring gives the title, the lesson group and the dedented lesson text") {
  const ScenarioInfo info = parse_scenario("t.py", kSmall);
  CHECK(info.name == "t.py");
  CHECK(info.title == "Small title");
  CHECK(info.lesson_group == "Async basics");
  CHECK(info.lesson ==
        "First line of the lesson.\n  Indented more.\n"
        "A line with # @param 1..2 step 1 inside the docstring is text.");
}

TEST_CASE("a file without a docstring has no title and no lesson") {
  const ScenarioInfo info = parse_scenario("t.py", "# a comment\nx = 1\nprint(x)\n");
  CHECK(info.title.empty());
  CHECK(info.lesson.empty());
  CHECK(info.params.empty());
}

TEST_CASE("@param lines become parameters and @note lines become narration") {
  const ScenarioInfo info = parse_scenario("t.py", kSmall);
  REQUIRE(info.params.size() == 2);
  const auto& count = info.params[0];
  CHECK(count.name == "COUNT");
  CHECK(count.is_int);
  CHECK(count.value == 3);
  CHECK(count.min == 1);
  CHECK(count.max == 10);
  CHECK(count.step == 1);
  CHECK(count.description == "how many tasks");
  CHECK(count.line == 10);
  const auto& delay = info.params[1];
  CHECK(!delay.is_int);
  CHECK(delay.value == 0.5);
  CHECK(delay.min == 0.1);
  CHECK(delay.step == 0.1);
  CHECK(delay.description == "seconds per sleep");
  CHECK(info.notes ==
        std::map<int, std::string>{{11, "The slider moved."}, {12, "Prints the product."}});
}

TEST_CASE("negative bounds, exponents and digit separators are numbers too") {
  const ScenarioInfo info = parse_scenario(
      "t.py",
      "LOW = -2  # @param -5..-1 step 1 below zero\nBIG = 1_000  # @param 0..2e3 step 1 many\n");
  REQUIRE(info.params.size() == 2);
  CHECK(info.params[0].value == -2);
  CHECK(info.params[0].min == -5);
  CHECK(info.params[0].max == -1);
  CHECK(info.params[1].is_int);
  CHECK(info.params[1].value == 1000);
  CHECK(info.params[1].max == 2000);
  CHECK(apply_params("t.py", "LOW = -2  # @param -5..-1 step 1 d\n", {{"LOW", "-5"}}) ==
        "LOW = -5  # @param -5..-1 step 1 d\n");
}

TEST_CASE("malformed @param lines are reported with file and line") {
  CHECK(error_of("X = 1  # @param 1..10 step 1\n") == "t.py:1: @param X needs a description");
  CHECK(error_of("if True:\n    X = 1  # @param 1..3 step 1 d\n") ==
        "t.py:2: @param must follow a top-level constant: NAME = <number>");
  CHECK(error_of("X = Y + 1  # @param 1..3 step 1 d\n") ==
        "t.py:1: @param must follow a top-level constant: NAME = <number>");
  CHECK(error_of("X = f(1)  # @param 1..3 step 1 d\n") ==
        "t.py:1: @param X: 'f(1)' is not an int or float literal");
  CHECK(error_of("X = 'a'  # @param 1..3 step 1 d\n") ==
        "t.py:1: @param X: ''a'' is not an int or float literal");
  CHECK(error_of("X = 1  # @param 1-10 step 1 d\n") ==
        "t.py:1: expected '@param MIN..MAX step S description'");
  CHECK(error_of("X = 1  # @param a..10 step 1 d\n") == "t.py:1: malformed @param range 'a..10'");
  CHECK(error_of("X = 1  # @param 1..10 stride 1 d\n") ==
        "t.py:1: expected '@param MIN..MAX step S description'");
  CHECK(error_of("X = 1  # @param 1..10 step x d\n") == "t.py:1: malformed @param step 'x'");
  CHECK(error_of("X = 1  # @param 1..10 step 0 d\n") == "t.py:1: @param X: step must be positive");
  CHECK(error_of("X = 5  # @param 10..1 step 1 d\n") ==
        "t.py:1: @param X: MIN is greater than MAX");
  CHECK(error_of("X = 20  # @param 1..10 step 1 d\n") ==
        "t.py:1: @param X: default 20 is outside 1..10");
  CHECK(error_of("X = 2.5  # @param 0.1..2 step 0.1 d\n") ==
        "t.py:1: @param X: default 2.5 is outside 0.1..2.0");
  CHECK(error_of("X = 2  # @param 0.5..10 step 1 d\n") ==
        "t.py:1: @param X: an int parameter needs whole-number MIN, MAX and step");
  CHECK(error_of("X = 1  # @param 1..3 step 1 d\nX = 2  # @param 1..3 step 1 d\n") ==
        "t.py:2: @param X is defined twice");
}

TEST_CASE("an empty @note is reported with file and line") {
  CHECK(error_of("x = 1\nprint(x)  # @note\n") == "t.py:2: @note needs a sentence");
  CHECK(error_of("x = 1  # @notes are not notes\n") == "no error");
}

TEST_CASE("apply_params rewrites only the value text of the overridden lines") {
  const std::string applied = apply_params("t.py", kSmall, {{"COUNT", "7"}, {"DELAY", "2"}});
  std::string expected = kSmall;
  expected.replace(expected.find("COUNT = 3"), 9, "COUNT = 7");
  expected.replace(expected.find("DELAY = 0.5"), 11, "DELAY = 2.0");
  CHECK(applied == expected);
  CHECK(apply_params("t.py", kSmall, {}) == kSmall);
}

TEST_CASE("a later override of the same parameter wins") {
  const std::string applied = apply_params("t.py", kSmall, {{"COUNT", "7"}, {"COUNT", "4"}});
  CHECK(parse_scenario("t.py", applied).params[0].value == 4);
}

TEST_CASE("float overrides are written as Python's repr") {
  const auto delay_text = [](const std::string& value) {
    const std::string applied = apply_params("t.py", kSmall, {{"DELAY", value}});
    const auto start = applied.find("DELAY = ") + 8;
    return applied.substr(start, applied.find(' ', start) - start);
  };
  CHECK(delay_text("0.1") == "0.1");
  CHECK(delay_text("1.50") == "1.5");
  CHECK(delay_text("1") == "1.0");
  CHECK(delay_text("2e0") == "2.0");
}

TEST_CASE("python_float_repr chooses fixed or exponent notation as CPython's repr does") {
  CHECK(python_float_repr(0.0) == "0.0");
  CHECK(python_float_repr(-0.0) == "-0.0");
  CHECK(python_float_repr(0.1 + 0.2) == "0.30000000000000004");
  CHECK(python_float_repr(1e16) == "1e+16");
  CHECK(python_float_repr(1e15) == "1000000000000000.0");
  CHECK(python_float_repr(0.0001) == "0.0001");
  CHECK(python_float_repr(0.00001) == "1e-05");
  CHECK(python_float_repr(-1.5e-7) == "-1.5e-07");
  CHECK(python_float_repr(123.456) == "123.456");
}

TEST_CASE("bad overrides are refused with a clear message") {
  CHECK(apply_error_of(kSmall, "NOPE", "1") ==
        "t.py: unknown parameter 'NOPE' (parameters: COUNT, DELAY)");
  CHECK(apply_error_of(kSmall, "COUNT", "11") == "t.py:10: COUNT = 11 is outside 1..10");
  CHECK(apply_error_of(kSmall, "COUNT", "2.5") == "t.py:10: COUNT takes an int, not '2.5'");
  CHECK(apply_error_of(kSmall, "DELAY", "fast") == "t.py:11: DELAY takes a number, not 'fast'");
  CHECK(apply_error_of(kSmall, "DELAY", "nan") == "t.py:11: DELAY takes a number, not 'nan'");
  CHECK(apply_error_of(kSmall, "DELAY", "0.05") == "t.py:11: DELAY = 0.05 is outside 0.1..2.0");
  CHECK(apply_error_of("x = 1\n", "X", "1") ==
        "t.py: unknown parameter 'X' (this scenario has no parameters)");
}
