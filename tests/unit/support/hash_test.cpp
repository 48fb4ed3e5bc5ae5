#include "engine/lang/support/hash.hpp"
#include "engine/lang/support/probe.hpp"
#include "tests/unit/support/vectors.hpp"

#include <functional>
#include <optional>
#include <variant>

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

namespace {

// "0x1f..." (Python's hex(abs(v))) to little-endian 32-bit words.
std::vector<std::uint32_t> words_from_hex(const std::string& hex) {
    std::vector<std::uint32_t> words;
    std::string digits = hex.substr(2);
    for (std::size_t end = digits.size(); end > 0;) {
        std::size_t start = end >= 8 ? end - 8 : 0;
        words.push_back(static_cast<std::uint32_t>(std::stoul(digits.substr(start, end - start), nullptr, 16)));
        end = start;
    }
    return words;
}

} // namespace

TEST_CASE("hashes of str, int, float and tuple match CPython under PYTHONHASHSEED=0", "[support][hash]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("hash.txt")) {
        const std::string kind = row["kind"];
        PyHash actual = 0;
        std::string what;
        if (kind == "str") {
            what = "hash(" + row["s"].dump() + ")";
            actual = hash_str(row["s"].get<std::string>());
        } else if (kind == "int") {
            what = "hash(" + std::string(row["neg"].get<bool>() ? "-" : "") + row["hex"].get<std::string>() + ")";
            auto words = words_from_hex(row["hex"]);
            actual = hash_big_int(words, row["neg"].get<bool>());
            if (words.size() <= 2 && (words.size() < 2 || words[1] < 0x80000000U)) {
                std::int64_t v = static_cast<std::int64_t>(words[0] | (words.size() > 1 ? std::uint64_t{words[1]} << 32 : 0));
                PyHash small = hash_int(row["neg"].get<bool>() ? -v : v);
                mismatches.check(what + " via hash_int", std::to_string(row["h"].get<PyHash>()), std::to_string(small));
            }
        } else if (kind == "float") {
            what = "hash(" + row["x"].get<std::string>() + ")";
            actual = hash_float(from_hex(row["x"]), 0);
        } else {
            what = "hash(tuple with element hashes " + row["elems"].dump() + ")";
            auto elems = row["elems"].get<std::vector<PyHash>>();
            actual = hash_tuple(elems);
        }
        mismatches.check(what, std::to_string(row["h"].get<PyHash>()), std::to_string(actual));
    }
    mismatches.require_none();
}

TEST_CASE("NaN hashes by the identity the VM supplies, infinities by 314159", "[support][hash]") {
    CHECK(hash_float(std::nan(""), 12345) == 12345);
    CHECK(hash_float(HUGE_VAL, 1) == 314159);
    CHECK(hash_float(-HUGE_VAL, 1) == -314159);
    CHECK(hash_int(-1) == -2);
}

namespace {

// A minimal set of ints and strs built on probe.hpp exactly as its header says.
using Key = std::variant<std::int64_t, std::string>;

struct Entry {
    enum State { Empty, Dummy, Active } state = Empty;
    Key key;
    PyHash hash = 0;
};

class ProbeSet {
public:
    ProbeSet() : table_(set_probe::kMinSize) {}

    void add(const Key& key) {
        PyHash h = hash_of(key);
        auto r = set_probe::find_insert_slot(h, mask(), classifier(key, h));
        if (r.found)
            return;
        table_[r.index] = {Entry::Active, key, h};
        ++used_;
        if (r.was_empty) {
            ++fill_;
            if (set_probe::needs_resize(fill_, mask()))
                resize(set_probe::grown_capacity(used_));
        }
    }
    void discard(const Key& key) {
        PyHash h = hash_of(key);
        auto r = set_probe::find_existing_slot(h, mask(), classifier(key, h));
        if (!r.found)
            return;
        table_[r.index].state = Entry::Dummy;
        --used_;
    }
    std::vector<Key> order() const {
        std::vector<Key> keys;
        for (const auto& e : table_)
            if (e.state == Entry::Active)
                keys.push_back(e.key);
        return keys;
    }

private:
    static PyHash hash_of(const Key& key) {
        if (const auto* i = std::get_if<std::int64_t>(&key))
            return hash_int(*i);
        return hash_str(std::get<std::string>(key));
    }
    std::size_t mask() const { return table_.size() - 1; }
    std::function<set_probe::Slot(std::size_t)> classifier(const Key& key, PyHash h) const {
        return [this, &key, h](std::size_t i) {
            const Entry& e = table_[i];
            if (e.state == Entry::Empty)
                return set_probe::Slot::Empty;
            if (e.state == Entry::Dummy)
                return set_probe::Slot::Dummy;
            return e.hash == h && e.key == key ? set_probe::Slot::Match : set_probe::Slot::Other;
        };
    }
    void resize(std::size_t minused) {
        std::vector<Entry> old = std::move(table_);
        table_.assign(set_probe::table_size_for(minused), Entry{});
        for (const auto& e : old)
            if (e.state == Entry::Active)
                table_[set_probe::find_clean_slot(e.hash, mask(), [this](std::size_t i) {
                    return table_[i].state == Entry::Empty;
                })] = e;
        fill_ = used_;
    }

    std::vector<Entry> table_;
    std::size_t fill_ = 0;
    std::size_t used_ = 0;
};

Key key_of(const nlohmann::json& j) {
    if (j.contains("i"))
        return j["i"].get<std::int64_t>();
    return j["s"].get<std::string>();
}

std::string show(const std::vector<Key>& keys) {
    std::string out;
    for (const auto& k : keys)
        out += (std::holds_alternative<std::int64_t>(k) ? std::to_string(std::get<std::int64_t>(k))
                                                        : "'" + std::get<std::string>(k) + "'") + " ";
    return out;
}

} // namespace

TEST_CASE("a set built on probe.hpp iterates in CPython's order after adds and discards", "[support][hash]") {
    Mismatches mismatches;
    int case_number = 0;
    for (const auto& row : load_vectors("set_order.txt")) {
        ProbeSet set;
        for (const auto& op : row["ops"]) {
            if (op[0] == "add")
                set.add(key_of(op[1]));
            else
                set.discard(key_of(op[1]));
        }
        std::vector<Key> expected;
        for (const auto& k : row["order"])
            expected.push_back(key_of(k));
        mismatches.check("set case " + std::to_string(++case_number), show(expected), show(set.order()));
    }
    mismatches.require_none();
}
