// The module registry: `import` of LoopLab's built-in modules, and the refusal of
// everything else (no file, OS, network or process access exists in the language).
#include "engine/lang/modules.hpp"

#include "engine/lang/builtins.hpp"
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
  v.module_factories["requests"] = make_requests_module;
  v.module_factories["aiohttp"] = make_aiohttp_module;
}

Value VM::import_module(const std::string& name) {
  auto it = modules.find(name);
  if (it != modules.end()) return it->second;
  auto f = module_factories.find(name);
  if (f == module_factories.end()) {
    raise("ModuleNotFoundError", "No module named '" + name + "'");
  }
  Value m = f->second();
  modules[name] = m;
  auto sys = modules.find("sys");
  if (sys != modules.end()) {
    Value* d = sys->second.as<Module>()->d()->table.find_str(intern("modules"));
    if (d) d->as<DictObj>()->table.set(str(name), m);
  }
  return m;
}

}  // namespace looplab::lang
