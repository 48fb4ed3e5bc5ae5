#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "engine/export/export.hpp"
#include "engine/export/palette.hpp"
#include "export_fixtures.hpp"
#include "xml_check.hpp"

namespace looplab::exporter {
namespace {

using testing::find_all;
using testing::XmlElement;

testing::XmlResult svg_of(const loop::Trace& trace, const Options& options = {}) {
  return testing::parse_xml(testing::export_string(trace, Format::Svg, options));
}

std::set<std::string> texts(const XmlElement& root) {
  std::set<std::string> out;
  for (const XmlElement* t : find_all(root, "text")) out.insert(t->text);
  return out;
}

TEST_CASE("svg export is well-formed XML for every scenario") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto run = scenario.make();
    const auto svg = svg_of(run->trace());
    REQUIRE(svg.error == "");
    CHECK(svg.root->name == "svg");
    CHECK(svg.root->attributes.at("xmlns") == "http://www.w3.org/2000/svg");
  }
  REQUIRE(svg_of(testing::empty_trace()).error == "");
  REQUIRE(svg_of(testing::one_event_trace()).error == "");
}

TEST_CASE("svg shows a labelled lane per task, a legend of every state and a time axis") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const auto svg = svg_of(run->trace());
  REQUIRE(svg.error == "");
  const auto labels = texts(*svg.root);
  CHECK(labels.count("event loop") == 1);
  CHECK(labels.count("Task-1 (blocking_main)") == 1);
  CHECK(labels.count("Worker-1 (fetch)") == 1);
  for (size_t s = 0; s < kLaneStateCount; ++s)
    CHECK(labels.count(state_name(static_cast<LaneState>(s))) == 1);
  CHECK(labels.count("0.0 s") == 1);
  CHECK(labels.count("2.0 s") == 1);
}

TEST_CASE("svg segments carry tooltips and the palette's state colours") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const auto svg = svg_of(run->trace());
  REQUIRE(svg.error == "");
  const Palette& p = palette(Theme::Light);
  bool blocked = false;
  for (const XmlElement* rect : find_all(*svg.root, "rect")) {
    if (rect->children.empty()) continue;  // background, stripes, legend swatches
    REQUIRE(rect->children[0]->name == "title");
    const std::string& tip = rect->children[0]->text;
    if (tip == "event loop: time.sleep(2.0), t=0.000 to 2.000 (step 8)") {
      blocked = true;
      CHECK(rect->attributes.at("fill") == p.of(LaneState::Blocked).hex().data());
    }
  }
  CHECK(blocked);
}

TEST_CASE("svg dark theme draws on the dark palette's background") {
  const auto run = testing::run_failure();
  Options options;
  options.theme = Theme::Dark;
  const auto svg = svg_of(run->trace(), options);
  REQUIRE(svg.error == "");
  const auto rects = find_all(*svg.root, "rect");
  REQUIRE_FALSE(rects.empty());
  CHECK(rects[0]->attributes.at("fill") == palette(Theme::Dark).background.hex().data());
}

TEST_CASE("svg escapes program text in tooltips") {
  const auto svg = svg_of(testing::one_event_trace());
  REQUIRE(svg.error == "");
  bool found = false;
  for (const XmlElement* title : find_all(*svg.root, "title"))
    found |= title->text.find("quote \" comma , <tag> &") != std::string::npos;
  CHECK(found);
}

TEST_CASE("svg of a trace with many steps folds them to a bounded size") {
  const auto run = testing::run_many_sleepers(50, 200);
  REQUIRE(run->trace().size() > 50000);
  const std::string svg = testing::export_string(run->trace(), Format::Svg);
  const auto parsed = testing::parse_xml(svg);
  REQUIRE(parsed.error == "");
  // 52 lanes x at most ~2 rectangles per 2 px of a 1200 px plot, plus tooltips.
  CHECK(svg.size() < 52 * 1200 * 200);
  CHECK(find_all(*parsed.root, "rect").size() < 52 * 1200);
}

}  // namespace
}  // namespace looplab::exporter
