#pragma once
// The built-in modules scripts can import, one file each (mod_<name>.cpp).

#include <string>

#include "engine/lang/object.hpp"

namespace looplab::lang {

Value make_math_module();
Value make_sys_module();
Value make_time_module();
Value make_random_module();
Value make_typing_module();
Value make_functools_module();
Value make_itertools_module();
Value make_asyncio_module();  // mod_asyncio.cpp
Value make_inspect_module();
Value make_types_module();  // mod_inspect.cpp
Value make_requests_module();
Value make_aiohttp_module();
Value make_looplab_thread_module();  // mod_threading.cpp
Value make_threading_module();  // mod_threading_py.cpp
Value make_concurrent_module();  // mod_concurrent.cpp: the package
Value make_concurrent_futures_module();
Value make_datetime_module();
// A module written in Python (the simulated web), run in the current VM.
Value module_from_source(const char* name, const std::string& source);
std::string web_common_source();  // mod_requests.cpp: latency and body helpers

// A fresh module object named `name` whose functions come from `fns`.
struct ModuleFunction {
  const char* name;
  NativeFn fn;
};
Value new_module(const char* name, std::initializer_list<ModuleFunction> fns);
void module_set(const Value& module, const char* name, Value v);

}  // namespace looplab::lang
