#pragma once
// The built-in namespace: type objects, builtin functions, exception hierarchy, and the
// methods of each built-in type (one file per type family registers its methods).

#include <string>
#include <string_view>
#include <vector>

#include "engine/lang/object.hpp"

namespace looplab::lang {

class VM;

void init_types(VM& vm);
void init_builtins(VM& vm);

// Registration helpers for the per-type method tables.
void def_method(Type* t, const char* name, NativeFn fn);
void def_function(DictObj* d, const char* name, NativeFn fn);

// The method tables (str_type.cpp, list_type.cpp, dict_type.cpp, object_type.cpp).
void init_str_methods(VM& vm);
void init_list_methods(VM& vm);
void init_dict_methods(VM& vm);
void init_set_methods(VM& vm);
void init_object_methods(VM& vm);
void init_exceptions(VM& vm);
void init_modules(VM& vm);

// Argument checking for native functions, with CPython's messages.
void check_args(const Args& a, const char* fname, size_t min, size_t max);
void no_kwargs(const Args& a, const char* fname);

// sorted() and list.sort(): stable, key and reverse as CPython.
Value sorted_list(std::vector<Value> items, const Value& key, bool reverse);
// The `<` sorting applies to keys: less_than, with ints, strs and tuples of them compared
// directly (list_type.cpp).
bool sort_key_less(const Value& a, const Value& b);
// Sorts `order` (positions into keys) stably when every key is an int, or every key a
// tuple of 1 to 3 ints of one length; false (order untouched) otherwise.
bool sort_int_keys(std::vector<size_t>& order, const std::vector<Value>& keys);

// `ValueError("x")`: an instance of a built-in exception type.
Value construct_builtin_exception(Type* t, Args& a);

// str.format(*args, **kwargs)
std::string str_format(std::string_view fmt, const Args& a, size_t first_pos);

}  // namespace looplab::lang
