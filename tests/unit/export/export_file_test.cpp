#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/export/export.hpp"
#include "export_fixtures.hpp"

namespace looplab::exporter {
namespace {

namespace fs = std::filesystem;

constexpr Format kFormats[] = {Format::Chrome, Format::Csv, Format::Text, Format::Svg};

// A fresh empty directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("looplab-export-test-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("every format is byte-identical for two runs of the same program") {
  for (const auto& scenario : testing::native_scenarios()) {
    INFO(scenario.name);
    const auto first = scenario.make();
    const auto second = scenario.make();
    for (Format f : kFormats) {
      INFO(format_name(f));
      const std::string a = testing::export_string(first->trace(), f);
      CHECK(a.size() > 100);
      CHECK(a == testing::export_string(second->trace(), f));
    }
  }
}

TEST_CASE("export_to_file writes exactly what write produces and leaves no temporary") {
  const auto run = testing::run_sleep_gather();
  TempDir dir;
  for (Format f : kFormats) {
    const fs::path path = dir.path / (std::string("out") + format_extension(f));
    std::string error;
    REQUIRE(export_to_file(run->trace(), f, path.string(), &error));
    CHECK(error.empty());
    CHECK(read_file(path) == testing::export_string(run->trace(), f));
  }
  CHECK(dir.entries() == 4);
}

TEST_CASE("export_to_file replaces an existing file") {
  const auto run = testing::run_failure();
  TempDir dir;
  const fs::path path = dir.path / "trace.csv";
  std::ofstream(path) << "old contents";
  std::string error;
  REQUIRE(export_to_file(run->trace(), Format::Csv, path.string(), &error));
  CHECK(read_file(path) == testing::export_string(run->trace(), Format::Csv));
  CHECK(dir.entries() == 1);
}

TEST_CASE("an unwritable path gives a clear error and leaves no file") {
  const auto run = testing::run_failure();
  std::string error;
  CHECK_FALSE(export_to_file(run->trace(), Format::Chrome, "/nonexistent/x.json", &error));
  CHECK(error == "cannot write /nonexistent/x.json: No such file or directory");
  CHECK_FALSE(fs::exists("/nonexistent/x.json"));
}

TEST_CASE("a failed rename removes the temporary and keeps what was there") {
  const auto run = testing::run_failure();
  TempDir dir;
  const fs::path target = dir.path / "taken";
  fs::create_directory(target);
  std::ofstream(target / "keep.txt") << "keep";
  std::string error;
  CHECK_FALSE(export_to_file(run->trace(), Format::Svg, target.string(), &error));
  CHECK(error.rfind("cannot write " + target.string() + ": ", 0) == 0);
  CHECK(dir.entries() == 1);
  CHECK(read_file(target / "keep.txt") == "keep");
}

TEST_CASE("format names round-trip and nothing else parses") {
  for (Format f : kFormats) CHECK(parse_format(format_name(f)) == f);
  CHECK_FALSE(parse_format("png").has_value());
  CHECK_FALSE(parse_format("").has_value());
  CHECK_FALSE(parse_format("Chrome").has_value());
}

TEST_CASE("a failing stream is reported, not ignored") {
  const auto run = testing::run_failure();
  for (Format f : kFormats) {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    std::string error;
    CHECK_FALSE(write(run->trace(), f, out, {}, &error));
    CHECK_FALSE(error.empty());
  }
}

}  // namespace
}  // namespace looplab::exporter
