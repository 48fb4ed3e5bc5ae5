#include "engine/lang/support/percent_format.hpp"
#include "tests/unit/support/vectors.hpp"

#include <deque>

using namespace looplab::lang::support;
using looplab::lang::support::testing::Mismatches;
using looplab::lang::support::testing::expected_outcome;
using looplab::lang::support::testing::from_hex;
using looplab::lang::support::testing::load_vectors;

namespace {

// Arguments described by gen_vectors.py: each carries CPython's own str/repr/ascii.
class VectorArgs : public PercentArgs {
public:
    explicit VectorArgs(const nlohmann::json& row) : row_(row) {
        const std::string shape = row["shape"];
        shape_ = shape == "tuple" ? Shape::Tuple : shape == "mapping" ? Shape::Mapping : Shape::Single;
        if (shape_ == Shape::Tuple)
            for (const auto& item : row["args"])
                described_.push_back(item);
        else if (shape_ == Shape::Single)
            described_.push_back(row["args"]);
        else
            described_.push_back(row["operand"]);
    }
    Shape shape() override { return shape_; }
    std::size_t tuple_size() override { return described_.size(); }
    PercentArg tuple_item(std::size_t index) override { return make(index); }
    PercentArg operand() override { return make(0); }
    Outcome<PercentArg> lookup(std::string_view key) override {
        const auto& args = row_["args"];
        auto found = args.find(std::string(key));
        if (found == args.end())
            return PyError{"KeyError", "'" + std::string(key) + "'"};
        described_.push_back(*found);
        return make(described_.size() - 1);
    }
    Outcome<std::string> to_str(const PercentArg& a) override { return text(a, "str"); }
    Outcome<std::string> to_repr(const PercentArg& a) override { return text(a, "repr"); }
    Outcome<std::string> to_ascii(const PercentArg& a) override { return text(a, "ascii"); }

private:
    PercentArg make(std::size_t index) {
        const auto& d = described_[index];
        PercentArg a;
        const std::string kind = d["kind"];
        a.kind = kind == "int" ? PercentArg::Kind::Int : kind == "float" ? PercentArg::Kind::Float
               : kind == "str" ? PercentArg::Kind::Str : PercentArg::Kind::Other;
        if (a.kind == PercentArg::Kind::Int)
            a.int_value = d["int"].get<std::int64_t>();
        if (a.kind == PercentArg::Kind::Float)
            a.float_value = from_hex(d["float"]);
        if (a.kind == PercentArg::Kind::Str)
            a.text = d["text"].get_ref<const std::string&>();
        a.type_name = d["type"].get_ref<const std::string&>();
        a.handle = index;
        return a;
    }
    Outcome<std::string> text(const PercentArg& a, const char* which) {
        return described_[a.handle][which].get<std::string>();
    }

    const nlohmann::json& row_;
    Shape shape_;
    std::deque<nlohmann::json> described_;
};

} // namespace

TEST_CASE("str % args matches CPython for tuples, single values and mappings", "[support][percent]") {
    Mismatches mismatches;
    for (const auto& row : load_vectors("percent.txt")) {
        VectorArgs args(row);
        std::string fmt = row["fmt"];
        auto result = percent_format(fmt, args);
        mismatches.check("'" + fmt + "' % " + row["args"].dump(), expected_outcome(row),
                         testing::actual_outcome(result, [](const std::string& s) { return s; }));
    }
    mismatches.require_none();
}
