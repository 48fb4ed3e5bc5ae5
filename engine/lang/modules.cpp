// The module registry: `import` of LoopLab's built-in modules, and the refusal of
// everything else (no file, OS, network or process access exists in the language).
#include "engine/lang/modules.hpp"

#include "engine/lang/builtins.hpp"
#include "engine/lang/errors.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

Value new_module(const char* name, std::initializer_list<ModuleFunction> fns) {
  Value m(new Module(name));
  for (const auto& f : fns) def_function(m.as<Module>()->d(), f.name, f.fn);
  return m;
}

void module_set(const Value& module, const char* name, Value v) {
  module.as<Module>()->d()->table.set(Value(vm().intern(name)), std::move(v));
}

void init_modules(VM& v) {
  v.module_factories["math"] = make_math_module;
  v.module_factories["sys"] = make_sys_module;
  v.module_factories["time"] = make_time_module;
  v.module_factories["random"] = make_random_module;
  v.module_factories["typing"] = make_typing_module;
  v.module_factories["functools"] = make_functools_module;
  v.module_factories["itertools"] = make_itertools_module;
  v.module_factories["asyncio"] = make_asyncio_module;
  v.module_factories["inspect"] = make_inspect_module;
  v.module_factories["types"] = make_types_module;
  v.module_factories["requests"] = make_requests_module;
  v.module_factories["aiohttp"] = make_aiohttp_module;
  v.module_factories["_looplab_thread"] = make_looplab_thread_module;
  v.module_factories["threading"] = make_threading_module;
  v.module_factories["concurrent"] = make_concurrent_module;
  v.module_factories["concurrent.futures"] = make_concurrent_futures_module;
  v.module_factories["datetime"] = make_datetime_module;
}

Value VM::import_module(const std::string& name) {
  auto it = modules.find(name);
  if (it != modules.end()) return it->second;
  auto f = module_factories.find(name);
  if (f == module_factories.end()) {
    Value e = new_exception_args(exc_type("ModuleNotFoundError"), {str("No module named '" + name + "'")});
    set_attr(e, intern("name"), str(name));
    throw PyException{e};
  }
  // A submodule is imported after its package and becomes the package's attribute.
  const size_t dot = name.rfind('.');
  Value parent = dot == std::string::npos ? Value() : import_module(name.substr(0, dot));
  Value m = f->second();
  modules[name] = m;
  if (!parent.is_null()) module_set(parent, name.substr(dot + 1).c_str(), m);
  auto sys = modules.find("sys");
  if (sys != modules.end()) {
    Value* d = sys->second.as<Module>()->d()->table.find_str(intern("modules"));
    if (d) d->as<DictObj>()->table.set(str(name), m);
  }
  return m;
}

}  // namespace looplab::lang
