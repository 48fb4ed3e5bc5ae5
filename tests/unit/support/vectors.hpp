#pragma once
// Reading the CPython-generated vectors of tests/unit/support/vectors/ (one JSON
// object per line; regenerate with gen_vectors.py) and reporting mismatches.

#include "engine/lang/support/py_error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace looplab::lang::support::testing {

inline std::vector<nlohmann::json> load_vectors(const std::string& name) {
    std::ifstream in(std::string(LOOPLAB_SOURCE_DIR) + "/tests/unit/support/vectors/" + name);
    REQUIRE(in.good());
    std::vector<nlohmann::json> rows;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            rows.push_back(nlohmann::json::parse(line));
    REQUIRE(!rows.empty());
    return rows;
}

// float.hex() text ("0x1.8p+0", "inf", "-0x0.0p+0", "nan") to the exact double.
inline double from_hex(const nlohmann::json& text) {
    return std::strtod(text.get<std::string>().c_str(), nullptr);
}

// Doubles are compared by value (and sign, and NaN-ness): CPython's float.hex()
// spells them differently from printf's %a. Returns the expected spelling when
// equal, our %a spelling otherwise.
inline std::string hex_or_expected(double actual, const nlohmann::json& row) {
    const std::string expected = row["out"].get<std::string>();
    double want = std::strtod(expected.c_str(), nullptr);
    bool same = (std::isnan(want) && std::isnan(actual)) ||
                (want == actual && std::signbit(want) == std::signbit(actual));
    if (same)
        return expected;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", actual);
    return buf;
}

// "out: <text>" or "err: <Type>: <message>", for CPython's and our results alike.
inline std::string expected_outcome(const nlohmann::json& row) {
    if (row.contains("err"))
        return "err: " + row["err"][0].get<std::string>() + ": " + row["err"][1].get<std::string>();
    const auto& out = row["out"];
    return "out: " + (out.is_string() ? out.get<std::string>() : out.dump());
}

template <class T, class Show>
std::string actual_outcome(const Outcome<T>& result, Show&& show) {
    if (const auto* err = std::get_if<PyError>(&result))
        return "err: " + err->type + ": " + err->message;
    return "out: " + show(std::get<T>(result));
}

// Collects mismatches so that one failing vector does not flood the log.
class Mismatches {
public:
    void check(const std::string& what, const std::string& expected, const std::string& actual) {
        ++checked_;
        if (expected != actual && failures_.size() < 25)
            failures_.push_back(what + "\n    expected " + expected + "\n    actual   " + actual);
        failed_ += expected != actual ? 1 : 0;
    }
    void require_none() const {
        std::ostringstream report;
        report << failed_ << " of " << checked_ << " vectors differ from CPython";
        for (const auto& f : failures_)
            report << "\n  " << f;
        INFO(report.str());
        REQUIRE(checked_ > 0);
        REQUIRE(failed_ == 0);
    }

private:
    std::vector<std::string> failures_;
    std::size_t checked_ = 0;
    std::size_t failed_ = 0;
};

} // namespace looplab::lang::support::testing
