#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "engine/export/narration.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

using Row = std::vector<std::string>;

// An RFC 4180 reader: CRLF records, fields quoted with '"' and '""' inside quotes.
// Fails the test on anything malformed.
std::vector<Row> read_csv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        REQUIRE(i < text.size());
        if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
        } else if (text[i] == '"') {
          ++i;
          break;
        } else {
          field += text[i++];
        }
      }
      REQUIRE((i == text.size() || text[i] == ',' || text[i] == '\r'));
    }
    if (i < text.size() && text[i] == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (i < text.size() && text[i] == '\r') {
      REQUIRE(text.compare(i, 2, "\r\n") == 0);
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      i += 2;
    } else if (i < text.size()) {
      REQUIRE(text[i] != '\n');
      REQUIRE(text[i] != '"');
      field += text[i++];
    }
  }
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return rows;
}

TEST_CASE("csv export has the header and one six-field row per trace event") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto run = scenario.make();
    const loop::Trace& trace = run->trace();
    const auto rows = read_csv(testing::export_string(trace, Format::Csv));
    REQUIRE(rows.size() == trace.size() + 1);
    CHECK(rows[0] == Row{"time", "step", "iteration", "task", "kind", "detail"});
    for (size_t i = 0; i < trace.size(); ++i) {
      const Row& row = rows[i + 1];
      REQUIRE(row.size() == 6);
      CHECK(std::stod(row[0]) == trace[i].time);
      CHECK(row[1] == std::to_string(i));
      CHECK(row[2] == std::to_string(trace[i].iteration));
      CHECK(row[3] == subject_label(trace, i));
      CHECK(row[4] == loop::to_string(trace[i].kind));
      CHECK(row[5] == narrate(trace, i));
    }
  }
}

TEST_CASE("csv quoting round-trips commas and quotes in program output") {
  const auto odd = read_csv(testing::export_string(testing::one_event_trace(), Format::Csv));
  REQUIRE(odd.size() == 2);
  CHECK(odd[1][5] ==
        "The program prints: quote \" comma , <tag> & \xEF\xBF\xBD bad byte\\nsecond line");
}

TEST_CASE("csv export of an empty trace is just the header") {
  CHECK(testing::export_string(testing::empty_trace(), Format::Csv) ==
        "time,step,iteration,task,kind,detail\r\n");
}

}  // namespace
}  // namespace looplab::exporter
