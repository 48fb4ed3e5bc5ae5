#include "engine/lang/support/random.hpp"
#include "tests/unit/support/vectors.hpp"

#include <numeric>

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

namespace {

std::vector<std::uint32_t> words_from_hex(std::string hex) {
    if (hex[0] == '-')
        hex.erase(0, 1);
    std::vector<std::uint32_t> words;
    std::string digits = hex.substr(2);
    for (std::size_t end = digits.size(); end > 0;) {
        std::size_t start = end >= 8 ? end - 8 : 0;
        words.push_back(static_cast<std::uint32_t>(std::stoul(digits.substr(start, end - start), nullptr, 16)));
        end = start;
    }
    return words;
}

std::string hex_of_words(const std::vector<std::uint32_t>& words) {
    std::string out;
    char buf[16];
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
        std::snprintf(buf, sizeof buf, out.empty() ? "%x" : "%08x", *it);
        out += buf;
    }
    std::size_t nz = out.find_first_not_of('0');
    return "0x" + (nz == std::string::npos ? "0" : out.substr(nz));
}

std::string hex_double(double x, const nlohmann::json& expected) {
    nlohmann::json row{{"out", expected}};
    return testing::hex_or_expected(x, row);
}

template <class T>
std::string outcome_text(const Outcome<T>& r) {
    return testing::actual_outcome(r, [](const T& v) { return nlohmann::json(v).dump(); });
}

std::string expected_text(const nlohmann::json& result) {
    return testing::expected_outcome(result);
}

std::string run_rest(Random& r, const std::string& name, const nlohmann::json& args, const nlohmann::json& want);

// Replays one call; returns {expected, actual} in comparable text.
std::pair<std::string, std::string> replay(Random& r, const nlohmann::json& call) {
    const std::string name = call[0];
    const auto& args = call[1];
    const auto& want = call[2];
    if (name == "random")
        return {want, hex_double(r.random(), want)};
    if (name == "getrandbits")
        return {want, std::to_string(r.getrandbits(args[0].get<int>()))};
    if (name == "getrandbits_big")
        return {want, hex_of_words(r.generator().getrandbits_words(args[0].get<std::size_t>()))};
    if (name == "randbelow")
        return {want, std::to_string(r.randbelow(std::stoull(args[0].get<std::string>())))};
    if (name == "uniform")
        return {want, hex_double(r.uniform(from_hex(args[0]), from_hex(args[1])), want)};
    if (name == "gauss")
        return {want, hex_double(r.gauss(from_hex(args[0]), from_hex(args[1])), want)};
    if (name == "seed_float") {
        r.seed_from_hash(args[1].get<std::int64_t>());
        return {"", ""};
    }
    if (name == "shuffle") {
        std::vector<std::size_t> x(args[0].get<std::size_t>());
        std::iota(x.begin(), x.end(), std::size_t{0});
        r.shuffle(x.size(), [&](std::size_t i, std::size_t j) { std::swap(x[i], x[j]); });
        return {want.dump(), nlohmann::json(x).dump()};
    }
    if (name == "choices")
        return {want.dump(), nlohmann::json(r.choices(args[0].get<std::size_t>(), args[1].get<std::size_t>())).dump()};
    return {expected_text(want), run_rest(r, name, args, want)};
}

std::string run_rest(Random& r, const std::string& name, const nlohmann::json& args, const nlohmann::json&) {
    if (name == "randrange1")
        return outcome_text(r.randrange(args[0].get<std::int64_t>()));
    if (name == "randrange2")
        return outcome_text(r.randrange(args[0].get<std::int64_t>(), args[1].get<std::int64_t>()));
    if (name == "randrange3")
        return outcome_text(r.randrange(args[0].get<std::int64_t>(), args[1].get<std::int64_t>(),
                                        args[2].get<std::int64_t>(), true));
    if (name == "randint")
        return outcome_text(r.randint(args[0].get<std::int64_t>(), args[1].get<std::int64_t>()));
    if (name == "choice")
        return outcome_text(r.choice(args[0].get<std::size_t>()));
    if (name == "sample")
        return outcome_text(r.sample(args[0].get<std::size_t>(), args[1].get<std::int64_t>()));
    // choices_w: [n, k, weights (hex), cumulative?]
    std::vector<double> w;
    for (const auto& h : args[2])
        w.push_back(from_hex(h));
    if (!args[3].get<bool>())
        w = Random::accumulate(w);
    return outcome_text(r.choices_cumulative(args[0].get<std::size_t>(), w, args[1].get<std::size_t>()));
}

} // namespace

TEST_CASE("random.Random call sequences match CPython for many seeds", "[support][random]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("random.txt")) {
        Random r;
        r.seed(words_from_hex(row["seed"]));
        int index = 0;
        for (const auto& call : row["calls"]) {
            auto [expected, actual] = replay(r, call);
            mismatches.check("seed " + row["seed"].get<std::string>() + " call " + std::to_string(index++) + " " +
                                 call[0].get<std::string>() + call[1].dump(),
                             expected, actual);
        }
    }
    mismatches.require_none();
}

TEST_CASE("seeding with an int64 equals seeding with its magnitude's words", "[support][random]") {
    Random a;
    Random b;
    a.seed(std::int64_t{-123456789012345});
    const std::array<std::uint32_t, 2> words{static_cast<std::uint32_t>(123456789012345ULL),
                                             static_cast<std::uint32_t>(123456789012345ULL >> 32)};
    b.seed(words);
    for (int i = 0; i < 10; ++i)
        CHECK(a.random() == b.random());
}
