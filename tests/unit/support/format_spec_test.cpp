#include "engine/lang/support/format_spec.hpp"
#include "tests/unit/support/vectors.hpp"

#include <functional>

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::expected_outcome;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

namespace {

std::string shown(const FormatResult& r) {
    return testing::actual_outcome(r, [](const std::string& s) { return s; });
}

std::string shown(const std::function<FormatResult()>& run) {
    try {
        return shown(run());
    } catch (const std::exception& e) {
        return std::string("C++ exception ") + e.what();
    }
}


} // namespace

TEST_CASE("format(float, spec) matches CPython, errors included", "[support][format]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("format_float.txt")) {
        std::string spec = row["spec"];
        mismatches.check("format(" + row["x"].get<std::string>() + ", '" + spec + "')", expected_outcome(row),
                         shown([&] { return format_float(from_hex(row["x"]), spec); }));
    }
    mismatches.require_none();
}

TEST_CASE("format(int, spec) matches CPython, errors included", "[support][format]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("format_int.txt")) {
        std::string spec = row["spec"];
        mismatches.check("format(" + row["v"].dump() + ", '" + spec + "')", expected_outcome(row),
                         shown([&] { return format_int(row["v"].get<std::int64_t>(), spec); }));
    }
    mismatches.require_none();
}

TEST_CASE("format(str, spec) matches CPython, errors included", "[support][format]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("format_str.txt")) {
        std::string spec = row["spec"];
        mismatches.check("format(" + row["s"].dump() + ", '" + spec + "')", expected_outcome(row),
                         shown(format_str(row["s"].get<std::string>(), spec)));
    }
    mismatches.require_none();
}

TEST_CASE("zero padding groups the padding digits too", "[support][format]") {
    CHECK(std::get<std::string>(format_int(1234, "010,")) == "00,001,234");
    CHECK(std::get<std::string>(format_int(1234, "09,")) == "0,001,234");
    CHECK(std::get<std::string>(format_float(12345.678, "015,.2f")) == "0,000,012,345.68");
}

TEST_CASE("absurd widths fail with MemoryError instead of allocating", "[support][format]") {
    auto r = format_int(1, "99999999999");
    REQUIRE(std::holds_alternative<FormatError>(r));
    CHECK(std::get<FormatError>(r).type == "MemoryError");
}
