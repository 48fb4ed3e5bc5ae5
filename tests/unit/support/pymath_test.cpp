#include "engine/lang/support/pymath.hpp"
#include "tests/unit/support/vectors.hpp"

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::expected_outcome;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

namespace {

std::string as_text(const Outcome<std::int64_t>& r) {
    return testing::actual_outcome(r, [](std::int64_t v) { return std::to_string(v); });
}

std::string as_text(const Outcome<bool>& r) {
    return testing::actual_outcome(r, [](bool v) { return std::string(v ? "true" : "false"); });
}

std::string as_text(const Outcome<double>& r, const nlohmann::json& row) {
    return testing::actual_outcome(r, [&](double v) { return testing::hex_or_expected(v, row); });
}

std::string integer_function(const nlohmann::json& row) {
    const std::string fn = row["fn"];
    if (fn == "gcd" || fn == "lcm") {
        auto vs = row["vs"].get<std::vector<std::int64_t>>();
        return as_text(fn == "gcd" ? pymath::gcd(vs) : pymath::lcm(vs));
    }
    if (fn == "factorial")
        return as_text(pymath::factorial(row["n"].get<std::int64_t>()));
    if (fn == "comb")
        return as_text(pymath::comb(row["n"].get<std::int64_t>(), row["k"].get<std::int64_t>()));
    if (fn == "perm")
        return as_text(pymath::perm(row["n"].get<std::int64_t>(), row["k"].get<std::int64_t>()));
    if (fn == "perm1")
        return as_text(pymath::perm(row["n"].get<std::int64_t>()));
    if (fn == "isqrt")
        return as_text(pymath::isqrt(row["n"].get<std::int64_t>()));
    return as_text(fn == "floor" ? pymath::floor(from_hex(row["x"])) : pymath::ceil(from_hex(row["x"])));
}

// CPython returns big ints where LoopLab's int64 helpers signal overflow.
bool beyond_int64(const nlohmann::json& row) {
    if (!row.contains("out"))
        return false;
    try {
        std::size_t used = 0;
        std::stoll(row["out"].get<std::string>(), &used);
        return false;
    } catch (const std::out_of_range&) {
        return true;
    }
}

} // namespace

TEST_CASE("math helpers match CPython: fsum, isclose, integer functions, log", "[support][math]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("math.txt")) {
        const std::string fn = row["fn"];
        std::string actual;
        if (fn == "fsum") {
            std::vector<double> xs;
            for (const auto& h : row["xs"])
                xs.push_back(from_hex(h));
            actual = as_text(pymath::fsum(xs), row);
        } else if (fn == "isclose") {
            actual = as_text(pymath::isclose(from_hex(row["a"]), from_hex(row["b"]), from_hex(row["rel"]),
                                             from_hex(row["abs"])));
        } else if (fn == "log") {
            actual = as_text(pymath::log(from_hex(row["x"])), row);
        } else if (fn == "log_base") {
            actual = as_text(pymath::log(from_hex(row["x"]), from_hex(row["b"])), row);
        } else if (fn == "log2" || fn == "log10") {
            actual = as_text(fn == "log2" ? pymath::log2(from_hex(row["x"])) : pymath::log10(from_hex(row["x"])), row);
        } else {
            actual = integer_function(row);
            if (beyond_int64(row) && actual == std::string("err: OverflowError: ") + pymath::kIntResultTooLarge)
                actual = expected_outcome(row);
        }
        mismatches.check(row.dump(), expected_outcome(row), actual);
    }
    mismatches.require_none();
}

TEST_CASE("integer results beyond int64 are signalled, not wrapped", "[support][math]") {
    auto f = pymath::factorial(21);
    REQUIRE(std::holds_alternative<PyError>(f));
    CHECK(std::get<PyError>(f).message == pymath::kIntResultTooLarge);
    CHECK(std::holds_alternative<PyError>(pymath::comb(100, 50)));
    CHECK(std::get<std::int64_t>(pymath::comb(66, 33)) == 7219428434016265740LL);
}
