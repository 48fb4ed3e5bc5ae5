// The built-in exception hierarchy (CPython's, minus the OS-specific branches) and the
// methods of BaseException.
#include "engine/lang/builtins.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

Value exc_ctor_for(Type* t, Args& a) {
  if (a.nkw() > 0) type_error(t->name + "() takes no keyword arguments");
  std::vector<Value> args(a.pos, a.pos + a.n);
  return new_exception_args(t, std::move(args));
}

// OSError(errno, strerror[, filename]): the attributes CPython's oserror_init sets
// (None unless 2 to 5 arguments), and the subclass an errno selects when the class
// is OSError itself (only the errnos of the subclasses LoopLab has).
Value os_error_ctor(Type* t, Args& a) {
  if (a.nkw() > 0) type_error(t->name + "() takes no keyword arguments");
  bool parsed = a.n >= 2 && a.n <= 5;
  if (parsed && t == vm().exc_type("OSError") && a[0].is_intlike()) {
    if (a[0].as_int() == 2) t = vm().exc_type("FileNotFoundError");
    if (a[0].as_int() == 110) t = vm().exc_type("TimeoutError");
  }
  size_t kept = parsed && a.n >= 3 ? 2 : a.n;
  Value out = new_exception_args(t, std::vector<Value>(a.pos, a.pos + kept));
  DictObj* d = out.as<ExcObj>()->ensure_dict();
  auto set = [&](const char* name, size_t i) {
    d->table.set(Value(vm().intern(name)), parsed && i < a.n ? a[i] : Value::none());
  };
  set("errno", 0);
  set("strerror", 1);
  set("filename", 2);
  set("filename2", 4);
  return out;
}

Value group_ctor(Type* t, Args& a) {
  check_args(a, t->name.c_str(), 2, 2);
  if (!is_str(a[0])) type_error("argument 1 must be str, not " + std::string(type_name(a[0])));
  std::vector<Value> excs = to_vector(a[1]);
  if (excs.empty()) value_error("second argument (exceptions) must be a non-empty sequence");
  Type* base = vm().exc_type("BaseException");
  bool all_exceptions = true;
  for (size_t i = 0; i < excs.size(); ++i) {
    if (!excs[i].is_obj() || !excs[i].type()->is_subtype(base)) {
      value_error("Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    }
    if (!excs[i].type()->is_subtype(vm().exc_type("Exception"))) all_exceptions = false;
  }
  if (t == vm().exc_type("ExceptionGroup") && !all_exceptions) {
    type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  }
  if (t == vm().exc_type("BaseExceptionGroup") && all_exceptions) t = vm().exc_type("ExceptionGroup");
  Value tuple = make_tuple(excs);
  Value out = new_exception_args(t, {a[0], make_list(excs)});
  out.as<ExcObj>()->message = a[0];
  out.as<ExcObj>()->exceptions = tuple;
  return out;
}

Value exc_init(Args& a) {
  a[0].as<ExcObj>()->args = make_tuple(std::vector<Value>(a.pos + 1, a.pos + a.n));
  return Value::none();
}

Value exc_with_traceback(Args& a) { return a[0]; }

Value exc_add_note(Args& a) {
  check_args(a, "add_note", 2, 2);
  if (!is_str(a[1])) type_error("note must be a str, not '" + std::string(type_name(a[1])) + "'");
  DictObj* d = a[0].as<ExcObj>()->ensure_dict();
  Str* key = vm().intern("__notes__");
  Value* notes = d->table.find_str(key);
  if (!notes) {
    d->table.set(Value(key), make_list({}));
    notes = d->table.find_str(key);
  }
  notes->as<List>()->items.push_back(a[1]);
  return Value::none();
}

Value exc_str_method(Args& a) { return make_str(to_str(a[0])); }

Value eg_split(Args& a) {
  check_args(a, "split", 2, 2);
  Value match, rest;
  split_exception_group(a[0], a[1], match, rest);
  return make_tuple({match.is_null() ? Value::none() : match, rest.is_null() ? Value::none() : rest});
}

Value eg_subgroup(Args& a) {
  check_args(a, "subgroup", 2, 2);
  Value match, rest;
  split_exception_group(a[0], a[1], match, rest);
  return match.is_null() ? Value::none() : match;
}

Value eg_derive(Args& a) {
  check_args(a, "derive", 2, 2);
  Args b{nullptr, 0, nullptr, nullptr};
  Value args[2] = {a[0].as<ExcObj>()->message, a[1]};
  b.pos = args;
  b.n = 2;
  return construct_builtin_exception(a[0].type(), b);
}

}  // namespace

void init_exceptions(VM& v) {
  struct Spec {
    const char* name;
    const char* base;
  };
  static const Spec kTree[] = {
      {"BaseException", nullptr}, {"BaseExceptionGroup", "BaseException"},
      {"GeneratorExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
      {"SystemExit", "BaseException"}, {"Exception", "BaseException"},
      {"ArithmeticError", "Exception"}, {"FloatingPointError", "ArithmeticError"},
      {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"},
      {"AssertionError", "Exception"}, {"AttributeError", "Exception"},
      {"BufferError", "Exception"}, {"EOFError", "Exception"},
      {"ExceptionGroup", "BaseExceptionGroup"}, {"ImportError", "Exception"},
      {"ModuleNotFoundError", "ImportError"}, {"LookupError", "Exception"},
      {"IndexError", "LookupError"}, {"KeyError", "LookupError"}, {"MemoryError", "Exception"},
      {"NameError", "Exception"}, {"UnboundLocalError", "NameError"}, {"OSError", "Exception"},
      {"ConnectionError", "OSError"}, {"TimeoutError", "OSError"},
      {"FileNotFoundError", "OSError"}, {"ReferenceError", "Exception"},
      {"RuntimeError", "Exception"}, {"NotImplementedError", "RuntimeError"},
      {"RecursionError", "RuntimeError"}, {"StopAsyncIteration", "Exception"},
      {"StopIteration", "Exception"}, {"SyntaxError", "Exception"},
      {"IndentationError", "SyntaxError"}, {"SystemError", "Exception"},
      {"TypeError", "Exception"}, {"ValueError", "Exception"}, {"UnicodeError", "ValueError"},
      {"Warning", "Exception"}, {"DeprecationWarning", "Warning"},
      {"RuntimeWarning", "Warning"}, {"UserWarning", "Warning"},
  };
  DictObj* b = v.builtins_dict();
  for (const auto& s : kTree) {
    Type* base = s.base ? v.exc.at(s.base) : v.t.object;
    auto* t = new Type(s.name, base, Layout::Exception);
    t->incref();
    v.exc[s.name] = t;
    b->table.set(Value(v.intern(s.name)), Value(t));
  }
  Type* eg = v.exc.at("ExceptionGroup");
  eg->mro = {eg, v.exc.at("BaseExceptionGroup"), v.exc.at("Exception"), v.exc.at("BaseException"), v.t.object};
  Type* base = v.exc.at("BaseException");
  def_method(base, "__init__", exc_init);
  def_method(base, "with_traceback", exc_with_traceback);
  def_method(base, "add_note", exc_add_note);
  def_method(base, "__str__", exc_str_method);
  Type* group = v.exc.at("BaseExceptionGroup");
  def_method(group, "split", eg_split);
  def_method(group, "subgroup", eg_subgroup);
  def_method(group, "derive", eg_derive);
  v.hot_exc = HotExcTypes{v.exc.at("BaseException"),  v.exc.at("BaseExceptionGroup"),
                          v.exc.at("OSError"),        v.exc.at("TypeError"),
                          v.exc.at("ValueError"),     v.exc.at("IndexError"),
                          v.exc.at("KeyError"),       v.exc.at("AttributeError"),
                          v.exc.at("StopIteration")};
}

Value construct_builtin_exception(Type* t, Args& a) {
  const HotExcTypes& hot = vm().hot_exc;
  if (t->is_subtype(hot.base_exception_group)) return group_ctor(t, a);
  if (t->is_subtype(hot.os_error)) return os_error_ctor(t, a);
  return exc_ctor_for(t, a);
}

}  // namespace looplab::lang
