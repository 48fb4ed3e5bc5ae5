// `functools`: reduce, partial, wraps, lru_cache and cache. The callable objects are
// instances of small built-in classes whose __call__ is native.
#include "engine/lang/builtins.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

Value& slot(const Value& self, const char* name) {
  DictObj* d = static_cast<Instance*>(self.obj())->ensure_dict();
  Str* key = vm().intern(name);
  if (!d->table.find_str(key)) d->table.set(Value(key), Value::none());
  return *d->table.find_str(key);
}

Type* helper_type(const Value& module, const char* name, NativeFn call) {
  auto* t = new Type(name, vm().t.object, Layout::Object);
  Value hold(t);
  t->module = "functools";
  t->is_heap = true;  // instances keep their attributes in a dict
  t->subclassable = false;
  def_method(t, "__call__", call);
  module_set(module, name, hold);
  return t;
}

Type* find_type(const char* name) {
  Value m = vm().import_module("functools");
  return m.as<Module>()->d()->table.find_str(vm().intern(name))->as<Type>();
}

// Calls `f` with `pre` then the call's own positional arguments, and `kw` merged with
// the call's keywords.
Value call_merged(const Value& f, const std::vector<Value>& pre, const Value& kw, Args& a, size_t skip) {
  std::vector<Value> args = pre;
  for (size_t i = skip; i < a.n; ++i) args.push_back(a[i]);
  size_t npos = args.size();  // the positional count; keyword values follow
  std::vector<Value> names;
  if (!kw.is_null() && !kw.is_none()) {
    for (const auto& e : kw.as<DictObj>()->table.entries()) {
      if (e.key.is_null() || !a.kwarg(str_view(e.key)).is_null()) continue;
      names.push_back(e.key);
      args.push_back(e.value);
    }
  }
  for (size_t i = 0; i < a.nkw(); ++i) {
    names.push_back(a.kwnames->items[i]);
    args.push_back(a.kw[i]);
  }
  Value kwnames = names.empty() ? Value() : make_tuple(std::move(names));
  (void)npos;
  return vm().call(f, args.data(), args.size(), kwnames.is_null() ? nullptr : kwnames.as<Tuple>());
}

Value partial_call(Args& a) {
  Value self = a[0];
  return call_merged(slot(self, "func"), slot(self, "args").as<Tuple>()->items, slot(self, "keywords"), a, 1);
}

Value f_partial(Args& a) {
  if (a.n < 1) type_error("type 'partial' takes at least one argument");
  Value p(new Instance(find_type("partial")));
  slot(p, "func") = a[0];
  slot(p, "args") = make_tuple(std::vector<Value>(a.pos + 1, a.pos + a.n));
  Value kw = make_dict();
  for (size_t i = 0; i < a.nkw(); ++i) kw.as<DictObj>()->table.set(a.kwnames->items[i], a.kw[i]);
  slot(p, "keywords") = kw;
  return p;
}

Value wraps_call(Args& a) {
  check_args(a, "wraps", 2, 2);
  Value wrapped = slot(a[0], "wrapped");
  VM& v = vm();
  for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__"}) {
    Value x = get_attr_opt(wrapped, v.intern(name));
    if (!x.is_null()) set_attr(a[1], v.intern(name), x);
  }
  set_attr(a[1], v.intern("__wrapped__"), wrapped);
  return a[1];
}

Value f_wraps(Args& a) {
  check_args(a, "wraps", 1, 1);
  Value w(new Instance(find_type("_wraps")));
  slot(w, "wrapped") = a[0];
  return w;
}

Value cached_call(Args& a) {
  Value self = a[0];
  std::vector<Value> key(a.pos + 1, a.pos + a.n);
  for (size_t i = 0; i < a.nkw(); ++i) {
    key.push_back(a.kwnames->items[i]);
    key.push_back(a.kw[i]);
  }
  Value k = make_tuple(std::move(key));
  DictObj* cache = slot(self, "cache").as<DictObj>();
  if (Value* hit = cache->table.find(k)) return *hit;
  Value r = call_merged(slot(self, "__wrapped__"), {}, Value(), a, 1);
  cache->table.set(k, r);
  return r;
}

Value make_cached(const Value& f) {
  Value c(new Instance(find_type("_lru_cache_wrapper")));
  slot(c, "__wrapped__") = f;
  slot(c, "cache") = make_dict();
  VM& v = vm();
  for (const char* name : {"__name__", "__qualname__", "__doc__"}) {
    Value x = get_attr_opt(f, v.intern(name));
    if (!x.is_null()) slot(c, name) = x;
  }
  return c;
}

Value lru_decorator_call(Args& a) {
  check_args(a, "lru_cache", 2, 2);
  return make_cached(a[1]);
}

Value f_lru_cache(Args& a) {
  if (a.n == 1 && !a[0].is_intlike() && !a[0].is_none()) return make_cached(a[0]);
  return Value(new Instance(find_type("_lru_decorator")));
}

Value f_cache(Args& a) {
  check_args(a, "cache", 1, 1);
  return make_cached(a[0]);
}

Value f_reduce(Args& a) {
  check_args(a, "reduce", 2, 3);
  Value it = get_iter(a[1]);
  Value acc = a.n == 3 ? a[2] : iter_next(it);
  if (acc.is_null()) type_error("reduce() of empty iterable with no initial value");
  for (Value x = iter_next(it); !x.is_null(); x = iter_next(it)) acc = vm().call2(a[0], acc, x);
  return acc;
}

}  // namespace

Value make_functools_module() {
  Value m = new_module("functools", {{"reduce", f_reduce},
                                     {"wraps", f_wraps},
                                     {"lru_cache", f_lru_cache},
                                     {"cache", f_cache}});
  helper_type(m, "_wraps", wraps_call);
  helper_type(m, "_lru_cache_wrapper", cached_call);
  helper_type(m, "_lru_decorator", lru_decorator_call);
  Type* pt = helper_type(m, "partial", partial_call);
  pt->ctor = f_partial;
  module_set(m, "partial", Value(pt));
  return m;
}

}  // namespace looplab::lang
