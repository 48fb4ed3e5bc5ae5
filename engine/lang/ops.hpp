#pragma once
// The abstract object protocol (CPython's Objects/abstract.c and object.c): what every
// operator, builtin and opcode uses to act on a value of any type, including user classes
// with dunder methods.

#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/ast.hpp"
#include "engine/lang/object.hpp"

namespace looplab::lang {

struct AttrCache;

__extension__ typedef __int128 Int128;

// [SECTION] Construction
Value make_str(std::string s);
Value make_tuple(std::vector<Value> items);
Value make_list(std::vector<Value> items);
Value make_dict();
Value make_int_checked(Int128 v);  // OverflowError beyond 64 bits

// [SECTION] Type tests
const char* type_name(const Value& v);  // "int", "Foo", ...
bool is_str(const Value& v);
bool is_instance(const Value& v, const Type* t);
Str* as_str(const Value& v);  // null if not a str
std::string_view str_view(const Value& v);  // the UTF-8 of a str value (must be str)

// [SECTION] Text
std::string repr(const Value& v);
std::string to_str(const Value& v);
std::string ascii_repr(const Value& v);  // ascii(): repr with non-ASCII escaped
Value repr_value(const Value& v);
Value str_value(const Value& v);
std::string format_value(const Value& v, std::string_view spec);  // format(v, spec)

// [SECTION] Truth, identity, comparison, hashing
bool truthy(const Value& v);
bool equals(const Value& a, const Value& b);  // a == b, truth of the result
Value compare(ast::CmpOpKind op, const Value& a, const Value& b);
bool less_than(const Value& a, const Value& b);  // for sorting, min, max
// The sign of int i minus float f, exactly (f must not be NaN).
int compare_int_float(int64_t i, double f);
bool contains(const Value& container, const Value& item);
int64_t object_id(const Value& v);

// [SECTION] Arithmetic
Value binary_op(ast::BinOpKind op, const Value& a, const Value& b, bool inplace);
Value unary_op(ast::UnaryOpKind op, const Value& a);
Value int_pow(int64_t base, int64_t exp);
double to_double(const Value& v);  // int/float/bool to double, TypeError otherwise
int64_t to_index(const Value& v);  // __index__: ints and bools only

// [SECTION] Attributes
Value get_attr(const Value& obj, Str* name);  // AttributeError if missing
Value get_attr_opt(const Value& obj, Str* name);  // Null if missing
void set_attr(const Value& obj, Str* name, Value v);
void del_attr(const Value& obj, Str* name);
// A special-method lookup on the type (never the instance), bound to `obj`; Null if none.
Value lookup_special(const Value& obj, std::string_view name);
// Method lookup for LOAD_METHOD: returns the unbound function and sets `is_method` when
// the attribute is a plain function found on the type (call it with obj prepended).
Value get_method(const Value& obj, Str* name, bool& is_method);
// LOAD_ATTR, STORE_ATTR and LOAD_METHOD through their instruction's cache: the same
// results as get_attr, set_attr and get_method.
Value load_attr_cached(const Value& obj, Str* name, AttrCache& c);
void store_attr_cached(const Value& obj, Str* name, Value v, AttrCache& c);
Value load_method_cached(const Value& obj, Str* name, bool& is_method, AttrCache& c);
// The descriptor protocol for a class attribute found on `type`, accessed via `obj`
// (Null obj: accessed on the class itself).
Value bind_descriptor(const Value& attr, const Value& obj, Type* type);

// [SECTION] Containers
int64_t length(const Value& v);
Value get_item(const Value& obj, const Value& key);
void set_item(const Value& obj, const Value& key, Value v);
void del_item(const Value& obj, const Value& key);
Value get_iter(const Value& obj);
// The next item, or Null when exhausted (StopIteration is consumed).
Value iter_next(const Value& it);
std::vector<Value> to_vector(const Value& iterable);
// A new set of an iterable's items: how dict views take part in set operators and comparisons.
Value set_of(const Value& iterable);
// Normalises an index for a sequence of `len` items; IndexError with `what` if outside.
size_t seq_index(const Value& key, size_t len, const char* what);
// start/stop/step of a slice over `len` items (CPython's PySlice_AdjustIndices).
int64_t slice_indices(const Slice* s, int64_t len, int64_t& start, int64_t& stop,
                      int64_t& step);

// [SECTION] Calls
Value call_method(const Value& obj, std::string_view name, std::vector<Value> args);

}  // namespace looplab::lang
