#include "engine/lang/support/float_format.hpp"
#include "tests/unit/support/vectors.hpp"

#include <cmath>

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

TEST_CASE("float repr and str match CPython for random doubles", "[support][float]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("float_repr.txt")) {
        double x = from_hex(row["x"]);
        mismatches.check("repr(" + row["x"].get<std::string>() + ")", row["repr"], float_repr(x));
        mismatches.check("str(" + row["x"].get<std::string>() + ")", row["str"], float_repr(x));
    }
    mismatches.require_none();
}

TEST_CASE("round(x) and round(x, n) match CPython, overflow included", "[support][float]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("float_round.txt")) {
        double x = from_hex(row["x"]);
        std::string what = "round(" + row["x"].get<std::string>() + ", " + row["n"].dump() + ")";
        std::string expected = testing::expected_outcome(row);
        std::string actual;
        if (row["n"].is_null()) {
            double r = round_half_even(x);
            if (std::isinf(r))
                actual = "err: OverflowError: cannot convert float infinity to integer";
            else if (std::isnan(r))
                actual = "err: ValueError: cannot convert float NaN to integer";
            else
                actual = "out: " + double_to_string(r + 0.0, 'f', 0); // ints have no -0
        } else {
            std::optional<double> r = round_to_ndigits(x, row["n"].get<std::int64_t>());
            actual = r ? "out: " + testing::hex_or_expected(*r, row) : "err: OverflowError: rounded value too large to represent";
        }
        mismatches.check(what, expected, actual);
    }
    mismatches.require_none();
}

TEST_CASE("float repr switches to exponent notation at 1e16 and below 1e-4", "[support][float]") {
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(1e15) == "1000000000000000.0");
    CHECK(float_repr(0.0001) == "0.0001");
    CHECK(float_repr(0.00001) == "1e-05");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(HUGE_VAL) == "inf");
    CHECK(float_repr(-HUGE_VAL) == "-inf");
    CHECK(float_repr(std::nan("")) == "nan");
}
