#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "engine/export/export.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

using nlohmann::json;

json chrome_json(const loop::Trace& trace) {
  return json::parse(testing::export_string(trace, Format::Chrome));
}

// The Trace Event Format's rules for the phases LoopLab writes; returns the thread
// names by tid.
std::map<int, std::string> check_trace_event_format(const json& doc) {
  REQUIRE(doc.is_object());
  REQUIRE(doc.at("traceEvents").is_array());
  std::map<int, std::string> thread_names;
  std::map<int, double> last_slice_ts;
  std::map<long, int> flow_starts, flow_ends;
  std::map<long, double> flow_start_ts;
  for (const json& e : doc["traceEvents"]) {
    INFO(e.dump());
    REQUIRE(e.at("name").is_string());
    REQUIRE(e.at("ph").is_string());
    REQUIRE(e.at("pid").is_number_integer());
    REQUIRE(e.at("tid").is_number_integer());
    const std::string ph = e["ph"];
    const int tid = e["tid"];
    if (ph == "M") {
      if (e["name"] == "thread_sort_index") {
        REQUIRE(e.at("args").at("sort_index").is_number_integer());
      } else {
        REQUIRE(e.at("args").at("name").is_string());
        if (e["name"] == "thread_name") thread_names[tid] = e["args"]["name"];
      }
      continue;
    }
    REQUIRE(e.at("ts").is_number());
    const double ts = e["ts"];
    if (ph == "X") {
      REQUIRE(e.at("dur").is_number());
      REQUIRE(e["dur"].get<double>() >= 0.0);
      REQUIRE(e.at("args").at("step").is_number_integer());
      REQUIRE(e.at("args").at("iteration").is_number_integer());
      if (last_slice_ts.count(tid)) REQUIRE(last_slice_ts[tid] <= ts + 1e-6);
      last_slice_ts[tid] = ts + e["dur"].get<double>();
    } else if (ph == "i") {
      REQUIRE(e.at("s").is_string());
    } else if (ph == "s") {
      ++flow_starts[e.at("id").get<long>()];
      flow_start_ts[e["id"].get<long>()] = ts;
    } else if (ph == "f") {
      REQUIRE(e.at("bp") == "e");
      ++flow_ends[e.at("id").get<long>()];
      REQUIRE(flow_start_ts.count(e["id"].get<long>()) == 1);
      REQUIRE(flow_start_ts[e["id"].get<long>()] <= ts);
    } else {
      FAIL("unexpected phase " << ph);
    }
    REQUIRE(thread_names.count(tid) == 1);
  }
  REQUIRE(flow_starts.size() == flow_ends.size());
  for (const auto& [id, count] : flow_starts) {
    REQUIRE(count == 1);
    REQUIRE(flow_ends[id] == 1);
  }
  return thread_names;
}

std::set<std::string> slice_names(const json& doc, const std::string& category) {
  std::set<std::string> names;
  for (const json& e : doc["traceEvents"])
    if (e.value("cat", "") == category) names.insert(e["name"].get<std::string>());
  return names;
}

TEST_CASE("chrome export is valid Trace Event JSON with a named track per task and worker") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto run = scenario.make();
    const loop::Trace& trace = run->trace();
    const json doc = chrome_json(trace);
    const auto threads = check_trace_event_format(doc);
    std::set<std::string> names;
    for (const auto& [tid, name] : threads) names.insert(name);
    CHECK(names.count("event loop") == 1);
    for (uint32_t t = 0; t < trace.tasks.size(); ++t) {
      const std::string task(trace.str(trace.tasks[t].name));
      bool has_track = false;
      for (const std::string& n : names) has_track |= n.rfind(task + " (", 0) == 0 || n == task;
      CHECK(has_track);
    }
    CHECK(threads.size() == 1 + trace.tasks.size() + trace.workers.size());
  }
}

TEST_CASE("chrome tracks are sorted in creation order") {
  const auto run = testing::run_worker_and_blocking_sleep();
  const json doc = chrome_json(run->trace());
  std::map<int, int> sort_index;
  for (const json& e : doc["traceEvents"])
    if (e["name"] == "thread_sort_index") sort_index[e["tid"]] = e["args"]["sort_index"];
  REQUIRE(sort_index.size() == 5);  // loop, main, worker, two shutdown tasks
  int expected = 0;
  for (const auto& [tid, index] : sort_index) CHECK(index == expected++);
}

TEST_CASE("chrome waiting slices are named after what is awaited") {
  const auto gathered = testing::run_sleep_gather();
  const auto waits = slice_names(chrome_json(gathered->trace()), "waiting");
  CHECK(waits.count("sleep 2.0") == 1);
  CHECK(waits.count("sleep 1.0") == 1);
  CHECK(waits.count("await gather") == 1);
  const auto awaited = testing::run_await_task();
  CHECK(slice_names(chrome_json(awaited->trace()), "waiting").count("await Task-3") == 1);
}

TEST_CASE("chrome timestamps are virtual microseconds and zero-length steps keep dur 0") {
  const auto run = testing::run_failure();
  const json doc = chrome_json(run->trace());
  bool sleep_found = false;
  int zero_steps = 0;
  for (const json& e : doc["traceEvents"]) {
    if (e["name"] == "sleep 0.25") {
      sleep_found = true;
      CHECK(e["ts"].get<double>() == 0.0);
      CHECK(e["dur"].get<double>() == 250000.0);
    }
    if (e["ph"] == "X" && e["cat"] == "running" && e["dur"].get<double>() == 0.0) ++zero_steps;
  }
  CHECK(sleep_found);
  CHECK(zero_steps > 0);
}

TEST_CASE("chrome prints are instant events carrying the printed text") {
  const auto run = testing::run_sleep_gather();
  const json doc = chrome_json(run->trace());
  std::set<std::string> texts;
  for (const json& e : doc["traceEvents"])
    if (e["name"] == "print") texts.insert(e["args"]["text"].get<std::string>());
  CHECK(texts.count("start soup\n") == 1);
  CHECK(texts.count("all done\n") == 1);
}

TEST_CASE("chrome export of an empty or odd trace is still valid JSON") {
  check_trace_event_format(chrome_json(testing::empty_trace()));
  const json doc = chrome_json(testing::one_event_trace());
  check_trace_event_format(doc);
  bool found = false;
  for (const json& e : doc["traceEvents"])
    if (e["name"] == "print") {
      found = true;
      CHECK(e["args"]["text"] == "quote \" comma , <tag> & \xEF\xBF\xBD bad byte\nsecond line\n");
    }
  CHECK(found);
}

}  // namespace
}  // namespace looplab::exporter
