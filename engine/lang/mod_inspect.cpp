// `inspect`: the predicates the lessons use to tell coroutine functions, coroutines and
// awaitables apart; and `types`: the same objects' types, and types.coroutine.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

uint32_t code_flags(const Value& f) {
  Value fn = f;
  if (auto* m = fn.if_type<BoundMethod>(vm().t.method)) fn = m->func;
  auto* func = fn.if_type<Function>(vm().t.function);
  return func ? func->code.as<Code>()->flags : 0;
}

Value one_arg(Args& a, const char* name) {
  check_args(a, name, 1, 1);
  return a[0];
}

Value i_iscoroutinefunction(Args& a) { return Value::boolean(code_flags(one_arg(a, "iscoroutinefunction")) & kCoroutine); }
Value i_isgeneratorfunction(Args& a) { return Value::boolean(code_flags(one_arg(a, "isgeneratorfunction")) & kGenerator); }
Value i_isasyncgenfunction(Args& a) { return Value::boolean(code_flags(one_arg(a, "isasyncgenfunction")) & kAsyncGenerator); }

Value i_iscoroutine(Args& a) { return Value::boolean(is_coroutine_object(one_arg(a, "iscoroutine"))); }

Value i_isgenerator(Args& a) {
  Value v = one_arg(a, "isgenerator");
  return Value::boolean(v.is_obj() && v.obj()->type == vm().t.generator);
}

Value i_isasyncgen(Args& a) {
  Value v = one_arg(a, "isasyncgen");
  return Value::boolean(v.is_obj() && v.obj()->type == asyncio_types().async_generator);
}

Value i_isawaitable(Args& a) {
  Value v = one_arg(a, "isawaitable");
  if (is_coroutine_object(v) || is_iterable_coroutine(v) || as_py_future(v)) return Value::boolean(true);
  if (v.if_type<Type>(vm().t.type)) return Value::boolean(false);
  return Value::boolean(!lookup_special(v, "__await__").is_null());
}

Value i_isfunction(Args& a) { return Value::boolean(one_arg(a, "isfunction").if_type<Function>(vm().t.function) != nullptr); }

Value i_isclass(Args& a) { return Value::boolean(one_arg(a, "isclass").if_type<Type>(vm().t.type) != nullptr); }

// types.coroutine: a generator function's generators become awaitable
// (CO_ITERABLE_COROUTINE). Any other callable comes back unchanged.
Value t_coroutine(Args& a) {
  check_args(a, "coroutine", 1, 1);
  VM& v = vm();
  Value* callable = v.builtins_dict()->table.find_str(v.intern("callable"));
  if (!truthy(v.call1(*callable, a[0]))) type_error("types.coroutine() expects a callable");
  if (auto* fn = a[0].if_type<Function>(v.t.function)) {
    Code* code = fn->code.as<Code>();
    if (code->flags & kGenerator) code->flags |= kIterableCoroutine;
  }
  return a[0];
}


}  // namespace

Value make_inspect_module() {
  return new_module("inspect", {{"iscoroutinefunction", i_iscoroutinefunction},
                                {"isgeneratorfunction", i_isgeneratorfunction},
                                {"isasyncgenfunction", i_isasyncgenfunction},
                                {"iscoroutine", i_iscoroutine},
                                {"isgenerator", i_isgenerator},
                                {"isasyncgen", i_isasyncgen},
                                {"isawaitable", i_isawaitable},
                                {"isfunction", i_isfunction},
                                {"isclass", i_isclass}});
}

Value make_types_module() {
  Value m = new_module("types", {{"coroutine", t_coroutine}});
  const CoreTypes& t = vm().t;
  module_set(m, "FunctionType", Value(t.function));
  module_set(m, "MethodType", Value(t.method));
  module_set(m, "GeneratorType", Value(t.generator));
  module_set(m, "CoroutineType", Value(t.coroutine));
  module_set(m, "AsyncGeneratorType", Value(asyncio_types().async_generator));
  return m;
}

}  // namespace looplab::lang
