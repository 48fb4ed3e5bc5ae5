#pragma once
// The engine of `str % args` (printf-style formatting), exactly as CPython 3.11's
// PyUnicode_Format: %s %r %a %c %d %i %u %o %x %X %e %E %f %F %g %G %% with the
// flags - + space # 0, width, .precision, `*` for either, %(key) lookups, and
// CPython's TypeError/ValueError wording. Pure C++: the VM supplies arguments
// through PercentArgs.

#include "engine/lang/support/py_error.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace looplab::lang::support {

// One argument as the formatter needs to see it. `handle` is the VM's own
// reference to the object, handed back in the to_str/to_repr/to_ascii calls.
struct PercentArg {
    enum class Kind { Int, Float, Str, Other };
    Kind kind = Kind::Other;
    std::int64_t int_value = 0; // Kind::Int (bools are ints: True -> 1)
    double float_value = 0.0;   // Kind::Float
    std::string_view text;      // Kind::Str: the string itself (UTF-8)
    std::string_view type_name; // Python type name, used in error messages
    std::size_t handle = 0;
};

// The right operand of %, as CPython classifies it:
//   Tuple   - its items are the arguments;
//   Mapping - has __getitem__ and is neither a tuple nor a str (dict, list, ...):
//             %(key)s looks keys up in it; a spec without a key takes the mapping
//             itself as its argument, and unused mappings are not an error;
//   Single  - anything else: the one argument.
class PercentArgs {
public:
    enum class Shape { Tuple, Mapping, Single };
    virtual ~PercentArgs() = default;
    virtual Shape shape() = 0;
    virtual std::size_t tuple_size() = 0;
    virtual PercentArg tuple_item(std::size_t index) = 0;
    // The operand itself (Single or Mapping shapes).
    virtual PercentArg operand() = 0;
    // operand[key] for %(key)...; the VM's KeyError (or other exception) on failure.
    virtual Outcome<PercentArg> lookup(std::string_view key) = 0;
    // str(), repr(), ascii() of an argument; exceptions raised by __str__ etc.
    // are passed through.
    virtual Outcome<std::string> to_str(const PercentArg& arg) = 0;
    virtual Outcome<std::string> to_repr(const PercentArg& arg) = 0;
    virtual Outcome<std::string> to_ascii(const PercentArg& arg) = 0;
};

// format % args. The format string and the result are UTF-8. Int arguments
// are int64 (a VM with big ints must format those itself before calling).
Outcome<std::string> percent_format(std::string_view format, PercentArgs& args);

} // namespace looplab::lang::support
