#include "engine/lang/errors.hpp"

#include "engine/lang/code.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_ops.hpp"

namespace looplab::lang {

// [SECTION] Raising -----------------------------------------------------------------------------

Value new_exception_args(Type* type, std::vector<Value> args) {
  auto* e = new ExcObj(type);
  Value out(e);
  e->args = make_tuple(std::move(args));
  return out;
}

Value new_exception(Type* type, std::string_view msg) {
  std::vector<Value> args;
  if (!msg.empty()) args.push_back(make_str(std::string(msg)));
  return new_exception_args(type, std::move(args));
}

void raise_value(Value exc) { throw PyException{std::move(exc)}; }
void raise(Type* type, std::string_view msg) { throw PyException{new_exception(type, msg)}; }
void raise(const std::string& type_name, std::string_view msg) {
  raise(vm().exc_type(type_name), msg);
}
void type_error(std::string_view msg) { raise(vm().hot_exc.type_error, msg); }
void value_error(std::string_view msg) { raise(vm().hot_exc.value_error, msg); }
void index_error(std::string_view msg) { raise(vm().hot_exc.index_error, msg); }
void attribute_error(std::string_view msg) { raise(vm().hot_exc.attribute_error, msg); }
void zero_division(std::string_view msg) { raise("ZeroDivisionError", msg); }
void overflow_error(std::string_view msg) { raise("OverflowError", msg); }
void not_supported(std::string_view what) {
  int line = vm().frame ? vm().frame->line() : 0;
  raise("NotImplementedError",
        "LoopLab does not support " + std::string(what) + " (line " + std::to_string(line) + ")");
}

void key_error(const Value& key) {
  throw PyException{new_exception_args(vm().hot_exc.key_error, {key})};
}

void stop_iteration(Value value) {
  std::vector<Value> args;
  if (!value.is_null()) args.push_back(std::move(value));
  throw PyException{new_exception_args(vm().hot_exc.stop_iteration, std::move(args))};
}

Value fail(Type* type, std::string_view msg) { return fail_value(new_exception(type, msg)); }

Value fail_value(Value exc) {
  vm().pending_exception = std::move(exc);
  return Value();
}

void raise_pending() {
  VM& v = vm();
  Value exc = std::move(v.pending_exception);
  throw PyException{std::move(exc)};
}

bool exc_matches(const Value& exc, const char* name) {
  return exc.is_obj() && exc.type()->is_subtype(vm().exc_type(name));
}

// [SECTION] Rendering ---------------------------------------------------------------------------

namespace {

std::string qualified_type_name(const Type* t) {
  if (t->module == "builtins" || t->module == "__main__") return t->name;
  return t->module + "." + t->name;
}

std::string strip(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\f");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t\r\f");
  return s.substr(a, b - a + 1);
}

std::string format_traceback(const ExcObj* e) {
  std::string out = "Traceback (most recent call last):\n";
  for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
    const Code* c = it->code.as<Code>();
    out += "  File \"" + c->filename + "\", line " + std::to_string(it->line) + ", in " +
           c->name + "\n";
    std::string src = strip(c->source_line(it->line));
    if (!src.empty()) out += "    " + src + "\n";
  }
  return out;
}

std::string format_one(const Value& exc, int depth) {
  auto* e = exc.as<ExcObj>();
  std::string out;
  if (depth < 20) {
    if (!e->cause.is_null()) {
      out += format_one(e->cause, depth + 1);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!e->context.is_null() && !e->suppress_context) {
      out += format_one(e->context, depth + 1);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  if (!e->traceback.empty()) out += format_traceback(e);
  out += exception_summary(exc) + "\n";
  return out;
}

}  // namespace

std::string exception_summary(const Value& exc) {
  std::string name = qualified_type_name(exc.type());
  std::string msg;
  try {
    msg = to_str(exc);
  } catch (const PyException&) {
    msg = "<exception str() failed>";
  }
  return msg.empty() ? name : name + ": " + msg;
}

std::string format_exception(const Value& exc) { return format_one(exc, 0); }

// [SECTION] Exception groups (except*) ----------------------------------------------------------

namespace {

bool is_group(const Value& v) { return exc_matches(v, "BaseExceptionGroup"); }

Value derive_group(const Value& group, std::vector<Value> items) {
  auto* g = group.as<ExcObj>();
  Value out = new_exception_args(group.type(), {g->message, make_tuple(items)});
  auto* o = out.as<ExcObj>();
  o->message = g->message;
  o->exceptions = make_tuple(std::move(items));
  o->traceback = g->traceback;
  o->cause = g->cause;
  o->context = g->context;
  return out;
}

// The condition of except* and ExceptionGroup.split: a type, a tuple, or a predicate.
bool matches(const Value& exc, const Value& cond) {
  VM& v = vm();
  if (cond.if_type<Type>(v.t.type) || cond.if_type<Tuple>(v.t.tuple)) return exception_matches(exc, cond);
  return truthy(v.call1(cond, exc));
}

}  // namespace

// Splits `exc` into the part matching `type` and the rest (either may be Null).
void split_exception_group(const Value& exc, const Value& type, Value& match, Value& rest) {
  auto& split = split_exception_group;
  if (!is_group(exc)) {
    if (matches(exc, type)) {
      match = exc;
    } else {
      rest = exc;
    }
    return;
  }
  if (matches(exc, type)) {
    match = exc;
    return;
  }
  std::vector<Value> m, r;
  for (const auto& sub : exc.as<ExcObj>()->exceptions.as<Tuple>()->items) {
    Value sm, sr;
    split(sub, type, sm, sr);
    if (!sm.is_null()) m.push_back(sm);
    if (!sr.is_null()) r.push_back(sr);
  }
  if (!m.empty()) match = derive_group(exc, std::move(m));
  if (!r.empty()) rest = derive_group(exc, std::move(r));
}

void check_eg_match(Value* sp) {
  Value rest = std::move(sp[-2]);
  Value type = std::move(sp[-1]);
  if (rest.is_none()) {
    sp[-2] = Value::none();
    sp[-1] = Value::none();
    return;
  }
  Value match, remaining;
  split_exception_group(rest, type, match, remaining);
  if (!match.is_null() && !is_group(match)) {
    VM& v = vm();
    Value msg = make_str("");
    Value group = new_exception_args(v.exc_type("ExceptionGroup"), {msg, make_tuple({match})});
    group.as<ExcObj>()->message = msg;
    group.as<ExcObj>()->exceptions = make_tuple({match});
    match = group;
  }
  sp[-2] = remaining.is_null() ? Value::none() : remaining;
  sp[-1] = match.is_null() ? Value::none() : match;
  if (!match.is_none()) vm().frame->handled = match;
}

Value prep_reraise_star(const Value& orig, const Value& raised, const Value& rest) {
  std::vector<Value> all = raised.as<List>()->items;
  if (all.empty()) return rest;
  if (!rest.is_none()) all.push_back(rest);
  if (all.size() == 1 && !is_group(orig)) return all[0];
  Value msg = is_group(orig) ? orig.as<ExcObj>()->message : make_str("");
  Value group = new_exception_args(vm().exc_type("ExceptionGroup"), {msg, make_tuple(all)});
  group.as<ExcObj>()->message = msg;
  group.as<ExcObj>()->exceptions = make_tuple(std::move(all));
  return group;
}

}  // namespace looplab::lang
