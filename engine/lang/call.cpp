#include "engine/lang/call.hpp"
#include "engine/lang/vm_async.hpp"

#include "engine/lang/builtins.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

// [SECTION] Binding arguments ---------------------------------------------------------------

namespace {

std::string fn_label(Function* fn) { return fn->qualname.as<Str>()->s + "()"; }

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() > 2 ? ", " : " ";
    if (i + 1 == names.size() && i > 0) out += "and ";
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void missing(Function* fn, const std::vector<std::string>& names, bool kwonly) {
  size_t n = names.size();
  std::string kind = kwonly ? "keyword-only" : "positional";
  type_error(fn_label(fn) + " missing " + std::to_string(n) + " required " + kind +
             (n == 1 ? " argument: " : " arguments: ") + quoted_list(names));
}

// How many keyword-only parameters the call's keywords name (CPython counts them in).
size_t kwonly_given(Code* c, Tuple* kwnames) {
  size_t n = 0;
  if (!kwnames) return n;
  for (const Value& k : kwnames->items) {
    for (int i = c->argcount; i < c->argcount + c->kwonlyargcount; ++i) {
      if (c->varnames[static_cast<size_t>(i)].as<Str>()->s == k.as<Str>()->s) ++n;
    }
  }
  return n;
}

[[noreturn]] void too_many(Function* fn, size_t given, Tuple* kwnames) {
  Code* c = fn->code.as<Code>();
  size_t ndef = fn->defaults.is_null() ? 0 : fn->defaults.as<Tuple>()->items.size();
  size_t max = static_cast<size_t>(c->argcount);
  std::string takes = ndef > 0 ? "from " + std::to_string(max - ndef) + " to " + std::to_string(max)
                               : std::to_string(max);
  bool plural = ndef > 0 || max != 1;
  size_t kwonly = kwonly_given(c, kwnames);
  std::string kwonly_sig;
  if (kwonly > 0) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly) + " keyword-only argument" + (kwonly != 1 ? "s" : "") + ")";
  }
  type_error(fn_label(fn) + " takes " + takes + " positional argument" + (plural ? "s" : "") +
             " but " + std::to_string(given) + kwonly_sig +
             (given == 1 && kwonly == 0 ? " was" : " were") + " given");
}

void init_cells(Frame* f, Function* fn) {
  Code* c = f->code;
  Value* cells = f->cells();
  for (size_t i = 0; i < c->cellnames.size(); ++i) {
    auto* cell = new Cell();
    int a = c->cell2arg[i];
    if (a >= 0) cell->value = std::move(f->slots[a]);
    cells[i] = Value(cell);
  }
  if (fn && !fn->closure.is_null()) {
    auto& items = fn->closure.as<Tuple>()->items;
    for (size_t i = 0; i < items.size(); ++i) cells[c->cellnames.size() + i] = items[i];
  }
}

// Keyword arguments: into their parameter slot, or the **kwargs dict.
void bind_keywords(Function* fn, Frame* f, Tuple* kwnames, Value* kw, DictObj* kwdict) {
  Code* c = fn->code.as<Code>();
  int nnamed = c->argcount + c->kwonlyargcount;
  for (size_t k = 0; k < kwnames->items.size(); ++k) {
    Str* name = kwnames->items[k].as<Str>();
    int slot = -1;
    for (int i = c->posonlyargcount; i < nnamed; ++i) {
      Str* p = c->varnames[static_cast<size_t>(i)].as<Str>();
      // Two interned names are equal only when they are the same object.
      if (p == name || (!(p->interned && name->interned) && p->s == name->s)) {
        slot = i;
        break;
      }
    }
    if (slot < 0) {
      if (kwdict) {
        kwdict->table.set(kwnames->items[k], std::move(kw[k]));
        continue;
      }
      std::string posonly;
      for (size_t j = 0; j < kwnames->items.size(); ++j) {
        for (int i = 0; i < c->posonlyargcount; ++i) {
          const std::string& pn = c->varnames[static_cast<size_t>(i)].as<Str>()->s;
          if (pn == kwnames->items[j].as<Str>()->s) posonly += (posonly.empty() ? "" : ", ") + pn;
        }
      }
      if (!posonly.empty()) {
        type_error(fn_label(fn) +
                   " got some positional-only arguments passed as keyword arguments: '" +
                   posonly + "'");
      }
      type_error(fn_label(fn) + " got an unexpected keyword argument '" + name->s + "'");
    }
    if (!f->slots[slot].is_null()) {
      type_error(fn_label(fn) + " got multiple values for argument '" + name->s + "'");
    }
    f->slots[slot] = std::move(kw[k]);
  }
}

void fill_defaults(Function* fn, Frame* f) {
  Code* c = fn->code.as<Code>();
  size_t argc = static_cast<size_t>(c->argcount);
  const std::vector<Value>* defs = fn->defaults.is_null() ? nullptr : &fn->defaults.as<Tuple>()->items;
  size_t ndef = defs ? defs->size() : 0;
  std::vector<std::string> miss;
  for (size_t i = 0; i < argc; ++i) {
    if (!f->slots[i].is_null()) continue;
    if (i + ndef >= argc) {
      f->slots[i] = (*defs)[i + ndef - argc];
    } else {
      miss.push_back(c->varnames[i].as<Str>()->s);
    }
  }
  if (!miss.empty()) missing(fn, miss, false);
  for (size_t i = argc; i < argc + static_cast<size_t>(c->kwonlyargcount); ++i) {
    if (!f->slots[i].is_null()) continue;
    Value* d = fn->kwdefaults.is_null() ? nullptr
                                        : fn->kwdefaults.as<DictObj>()->table.find(c->varnames[i]);
    if (d) {
      f->slots[i] = *d;
    } else {
      miss.push_back(c->varnames[i].as<Str>()->s);
    }
  }
  if (!miss.empty()) missing(fn, miss, true);
}

struct FrameGuard {
  Frame* f;
  ~FrameGuard() {
    if (f) Frame::destroy(f);
  }
};

}  // namespace

// The common calls of a plain function (Code::plain_call): positional arguments, defaults,
// keywords naming its parameters, free variables. Checks everything before it moves an
// argument, so anything else (an error to report included) is left to bind_call.
Frame* VM::bind_plain(Function* fn, Code* co, Value* args, size_t npos, Tuple* kwnames,
                       Value* kw) {
  size_t argc = static_cast<size_t>(co->argcount);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  const Tuple* defaults = fn->defaults.is_null() ? nullptr : fn->defaults.as<Tuple>();
  size_t first_default = argc - (defaults ? defaults->items.size() : 0);
  if (npos > argc || npos + nkw > argc) return nullptr;
  constexpr size_t kMaxKeywords = 8;
  if (nkw > kMaxKeywords) return nullptr;
  uint32_t filled = 0;  // keyword-given parameters at or after npos, as bits from npos
  size_t kw_slot[kMaxKeywords];
  for (size_t k = 0; k < nkw; ++k) {
    const Obj* name = kwnames->items[k].obj();
    size_t i = npos;
    while (i < argc && co->varnames[i].obj() != name) ++i;
    if (i >= argc || i < static_cast<size_t>(co->posonlyargcount) || i - npos >= 32) {
      return nullptr;
    }
    uint32_t bit = uint32_t{1} << (i - npos);
    if (filled & bit) return nullptr;
    filled |= bit;
    kw_slot[k] = i;
  }
  for (size_t i = npos; i < first_default; ++i) {
    if (i - npos >= 32 || !(filled & (uint32_t{1} << (i - npos)))) return nullptr;
  }
  Frame* nf = new_frame(co, fn->globals.as<DictObj>());
  Value* slots = nf->slots;
  for (size_t i = 0; i < npos; ++i) slots[i] = std::move(args[i]);
  for (size_t k = 0; k < nkw; ++k) slots[kw_slot[k]] = std::move(kw[k]);
  for (size_t i = first_default > npos ? first_default : npos; i < argc; ++i) {
    if (slots[i].is_null()) slots[i] = defaults->items[i - first_default];
  }
  if (!fn->closure.is_null()) {
    const std::vector<Value>& cells = fn->closure.as<Tuple>()->items;
    Value* free = slots + co->nlocals();
    for (size_t i = 0; i < cells.size(); ++i) free[i] = cells[i];
  }
  return nf;
}

Frame* bind_call(Function* fn, Value* pos, size_t npos, Tuple* kwnames, Value* kw) {
  Code* c = fn->code.as<Code>();
  if (c->plain_call) {
    if (Frame* f = vm().bind_plain(fn, c, pos, npos, kwnames, kw)) {
      f->func = Value(fn);
      return f;
    }
  }
  Frame* f = Frame::create(c, Value(fn), fn->globals.as<DictObj>());
  FrameGuard guard{f};
  size_t argc = static_cast<size_t>(c->argcount);
  bool simple = !kwnames && npos == argc && c->kwonlyargcount == 0 &&
                !(c->flags & (kVarargs | kVarkeywords));
  if (simple) {
    for (size_t i = 0; i < npos; ++i) f->slots[i] = std::move(pos[i]);
  } else {
    size_t n = npos < argc ? npos : argc;
    for (size_t i = 0; i < n; ++i) f->slots[i] = std::move(pos[i]);
    size_t extra_slot = argc + static_cast<size_t>(c->kwonlyargcount);
    if (c->flags & kVarargs) {
      std::vector<Value> rest;
      for (size_t i = n; i < npos; ++i) rest.push_back(std::move(pos[i]));
      f->slots[extra_slot++] = make_tuple(std::move(rest));
    } else if (npos > argc) {
      too_many(fn, npos, kwnames);
    }
    DictObj* kwdict = nullptr;
    if (c->flags & kVarkeywords) {
      kwdict = new DictObj();
      f->slots[extra_slot] = Value(kwdict);
    }
    if (kwnames) bind_keywords(fn, f, kwnames, kw, kwdict);
    fill_defaults(fn, f);
  }
  if (!c->cellnames.empty() || !c->freenames.empty()) init_cells(f, fn);
  guard.f = nullptr;
  return f;
}

Value make_generator(Function* fn, Frame* f) {
  VM& v = vm();
  uint32_t flags = fn->code.as<Code>()->flags;
  GenKind kind = (flags & kCoroutine) ? GenKind::Coroutine
                 : (flags & kAsyncGenerator) ? GenKind::AsyncGenerator
                                             : GenKind::Generator;
  Type* t = kind == GenKind::Coroutine        ? v.t.coroutine
            : kind == GenKind::AsyncGenerator ? async_generator_type()
                                              : v.t.generator;
  auto* g = new Generator(t, f, kind);
  f->gen = g;
  g->name = fn->name;
  g->qualname = fn->qualname;
  return Value(g);
}

// [SECTION] Generic calls ---------------------------------------------------------------------

namespace {

Value call_function(Function* fn, Args& a) {
  VM& v = vm();
  Value hold(fn);
  Frame* f = bind_call(fn, a.pos, a.n, a.kwnames, a.kw);
  if (fn->code.as<Code>()->flags & (kGenerator | kCoroutine | kAsyncGenerator)) {
    return make_generator(fn, f);
  }
  f->entry = true;
  v.push_frame(f);
  return v.execute(f);
}

Value call_prepended(const Value& func, const Value& self, Args& a) {
  std::vector<Value> args;
  args.reserve(a.n + a.nkw() + 1);
  args.push_back(self);
  for (size_t i = 0; i < a.n; ++i) args.push_back(a.pos[i]);
  for (size_t i = 0; i < a.nkw(); ++i) args.push_back(a.kw[i]);
  Args b{args.data(), a.n + 1, a.kwnames, args.data() + a.n + 1};
  return call_object_pending(func, b);
}

}  // namespace

Value call_object(const Value& callable, Args& a) {
  Value r = call_object_pending(callable, a);
  if (r.is_null() && !vm().pending_exception.is_null()) raise_pending();
  return r;
}

Value call_object_pending(const Value& callable, Args& a) {
  VM& v = vm();
  if (auto* fn = callable.if_type<Function>(v.t.function)) return call_function(fn, a);
  if (auto* b = callable.if_type<Builtin>(v.t.builtin)) {
    if (++v.depth > v.limits.recursion_limit + 50) {
      --v.depth;
      v.recursion_error();
    }
    struct DepthGuard {
      ~DepthGuard() { --vm().depth; }
    } guard;
    return b->fn(a);
  }
  if (auto* m = callable.if_type<BoundMethod>(v.t.method)) return call_prepended(m->func, m->self, a);
  if (auto* t = callable.if_type<Type>(v.t.type)) {
    if (t->layout == Layout::Exception && !t->is_heap) return construct_builtin_exception(t, a);
    if (t->ctor) return t->ctor(a);
    if (!t->is_heap) type_error("cannot create '" + t->name + "' instances");
    Value init;
    Value inst = new_instance(t, a, init);
    if (!init.is_null()) {
      Value r = call_prepended(init, inst, a);
      if (!r.is_none()) {
        type_error(std::string("__init__() should return None, not '") + type_name(r) + "'");
      }
    }
    return inst;
  }
  Value call = lookup_special(callable, "__call__");
  if (call.is_null()) type_error(std::string("'") + type_name(callable) + "' object is not callable");
  return call_object_pending(call, a);
}

Value call_with_tuple(const Value& f, const Value& args, const Value& kwargs) {
  std::vector<Value> all = args.as<Tuple>()->items;
  size_t npos = all.size();
  Value names;
  if (!kwargs.is_null()) {
    std::vector<Value> keys;
    for (const auto& e : kwargs.as<DictObj>()->table.entries()) {
      if (e.key.is_null()) continue;
      if (!is_str(e.key)) type_error("keywords must be strings");
      keys.push_back(e.key);
      all.push_back(e.value);
    }
    if (!keys.empty()) names = make_tuple(std::move(keys));
  }
  Args a{all.data(), npos, names.is_null() ? nullptr : names.as<Tuple>(), all.data() + npos};
  return call_object(f, a);
}

// [SECTION] Classes ---------------------------------------------------------------------------

namespace {

// The first definition of `name` along the MRO when a class statement made it, else
// Null. Single inheritance puts every such class before the built-in ones.
Value find_in_mro(Type* t, Str* name, bool& user_defined) {
  for (Type* m : t->mro) {
    if (!m->is_heap) break;
    if (Value* v = m->d()->table.find_str(name)) {
      user_defined = true;
      return *v;
    }
  }
  user_defined = false;
  return Value();
}

Value allocate(Type* t, Args& a) {
  if (t->layout == Layout::Exception) {
    auto* e = new ExcObj(t);
    Value inst(e);
    e->args = make_tuple(std::vector<Value>(a.pos, a.pos + a.n));
    return inst;
  }
  return Value(new Instance(t));
}

}  // namespace

Value new_instance(Type* t, Args& a, Value& init) {
  VM& v = vm();
  bool user_new = false, user_init = false;
  Value new_fn = find_in_mro(t, v.names.new_, user_new);
  Value init_fn = find_in_mro(t, v.names.init, user_init);
  Value inst;
  if (user_new) {
    Value f = new_fn;
    if (auto* sm = new_fn.if_type<MethodWrapper>(v.t.staticmethod)) f = sm->func;
    inst = call_prepended(f, Value(t), a);
    if (!inst.is_obj() || !inst.type()->is_subtype(t)) return inst;
  } else {
    inst = allocate(t, a);
  }
  if (user_init) {
    if (init_fn.if_type<Function>(v.t.function)) {
      init = init_fn;
    } else if (call_prepended(init_fn, inst, a).is_null() && !v.pending_exception.is_null()) {
      return Value();
    }
    return inst;
  }
  if (t->layout == Layout::Exception) return inst;
  if (!user_new && (a.n > 0 || a.nkw() > 0)) type_error(t->name + "() takes no arguments");
  return inst;
}

Value build_class(Args& a) {
  VM& v = vm();
  if (a.n < 2) type_error("__build_class__: not enough arguments");
  auto* body = a.pos[0].as<Function>();
  std::string name = str_view(a.pos[1]).data();
  if (a.n > 3) not_supported("multiple inheritance");
  Type* base = v.t.object;
  if (a.n == 3) {
    base = a.pos[2].if_type<Type>(v.t.type);
    if (!base) type_error("bases must be types");
    if (!base->subclassable) not_supported("subclassing '" + base->name + "'");
  }
  auto* ns = new DictObj();
  Value ns_hold(ns);
  Code* c = body->code.as<Code>();
  Frame* f = Frame::create(c, Value(body), body->globals.as<DictObj>());
  f->locals = ns_hold;
  init_cells(f, body);
  f->entry = true;
  v.push_frame(f);
  Value cell = v.execute(f);
  Str* eq = v.intern("__eq__");
  Str* hash = v.intern("__hash__");
  if (ns->table.find_str(eq) && !ns->table.find_str(hash)) ns->table.set(Value(hash), Value::none());
  auto* cls = new Type(name, base, base->layout);
  Value out(cls);
  cls->is_heap = true;
  cls->dict = ns_hold;
  if (Value* m = ns->table.find_str(v.intern("__module__"))) cls->module = to_str(*m);
  cls->has_del = !cls->lookup("__del__").is_null();
  if (auto* cl = cell.if_type<Cell>(v.t.cell)) cl->value = out;
  return out;
}

}  // namespace looplab::lang
