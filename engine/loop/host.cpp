#include "engine/loop/host.hpp"

namespace looplab::loop {

namespace {

const char* kind_name(ExcKind kind) {
  switch (kind) {
    case ExcKind::CancelledError: return "CancelledError";
    case ExcKind::TimeoutError: return "TimeoutError";
    case ExcKind::InvalidStateError: return "InvalidStateError";
    case ExcKind::RuntimeError: return "RuntimeError";
    case ExcKind::QueueEmpty: return "QueueEmpty";
    case ExcKind::QueueFull: return "QueueFull";
    case ExcKind::ValueError: return "ValueError";
    case ExcKind::TypeError: return "TypeError";
  }
  return "Exception";
}

NativeException* as_exc(const Value& v) { return dynamic_cast<NativeException*>(v.get()); }

std::string quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

Value box(std::string s) { return Value(new NativeStr(std::move(s))); }
Value box(long long v) { return Value(new NativeInt(v)); }

Value NativeHost::exception(std::string type, std::string message, bool base_only) {
  auto* e = new NativeException();
  e->type = std::move(type);
  e->message = std::move(message);
  e->base_only = base_only;
  return Value(e);
}

Value NativeHost::new_exception(ExcKind kind, std::string_view message) {
  return exception(kind_name(kind), std::string(message), kind == ExcKind::CancelledError);
}

Value NativeHost::new_cancelled_error(const Value& msg) {
  Value e = exception("CancelledError", msg ? str(msg) : std::string(), true);
  as_exc(e)->args0 = msg;
  return e;
}

Value NativeHost::new_exception_group(std::string_view message, std::vector<Value> excs) {
  bool all_exceptions = true;
  for (const Value& e : excs) all_exceptions = all_exceptions && is_exception(e);
  const size_t n = excs.size();
  Value g = exception(all_exceptions ? "ExceptionGroup" : "BaseExceptionGroup",
                      std::string(message) + " (" + std::to_string(n) +
                          (n == 1 ? " sub-exception)" : " sub-exceptions)"),
                      !all_exceptions);
  as_exc(g)->members = std::move(excs);
  return g;
}

bool NativeHost::is_cancelled_error(const Value& exc) const {
  auto* e = as_exc(exc);
  return e && e->type == "CancelledError";
}

bool NativeHost::is_exception(const Value& exc) const {
  auto* e = as_exc(exc);
  return e && !e->base_only;
}

bool NativeHost::is_kind(const Value& exc, ExcKind kind) const {
  auto* e = as_exc(exc);
  return e && e->type == kind_name(kind);
}

Value NativeHost::get_context(const Value& exc) const {
  auto* e = as_exc(exc);
  return e ? e->context : nullptr;
}
void NativeHost::set_context(const Value& exc, Value context) {
  if (auto* e = as_exc(exc)) e->context = std::move(context);
}
void NativeHost::set_cause(const Value& exc, Value cause) {
  if (auto* e = as_exc(exc)) e->cause = std::move(cause);
}

std::string NativeHost::exception_text(const Value& exc) const {
  auto* e = as_exc(exc);
  if (!e) return repr(exc);
  return e->message.empty() ? e->type : e->type + ": " + e->message;
}

std::string NativeHost::format_exception(const Value& exc) const {
  return exception_text(exc) + "\n";
}

std::string NativeHost::repr(const Value& v) const {
  if (!v) return "None";
  if (auto* s = dynamic_cast<NativeStr*>(v.get())) return quote(s->text);
  if (auto* i = dynamic_cast<NativeInt*>(v.get())) return std::to_string(i->value);
  if (auto* b = dynamic_cast<NativeBool*>(v.get())) return b->value ? "True" : "False";
  if (auto* e = as_exc(v)) return e->type + "(" + (e->message.empty() ? "" : quote(e->message)) + ")";
  if (auto* q = dynamic_cast<NativeSeq*>(v.get())) {
    const char close = q->open == '[' ? ']' : q->open == '(' ? ')' : '}';
    std::string out(1, q->open);
    for (size_t i = 0; i < q->items.size(); ++i) out += (i ? ", " : "") + repr(q->items[i]);
    if (q->open == '(' && q->items.size() == 1) out += ",";
    return out + close;
  }
  return "<object>";
}

std::string NativeHost::str(const Value& v) const {
  if (auto* s = dynamic_cast<NativeStr*>(v.get())) return s->text;
  if (auto* e = as_exc(v)) return e->message;
  return repr(v);
}

Value NativeHost::new_bool(bool value) { return Value(new NativeBool(value)); }

Value NativeHost::new_list(std::vector<Value> items) { return Value(new NativeSeq('[', std::move(items))); }
Value NativeHost::new_tuple(std::vector<Value> items) { return Value(new NativeSeq('(', std::move(items))); }
Value NativeHost::new_set(std::vector<Value> items) { return Value(new NativeSeq('{', std::move(items))); }

bool NativeHost::less(const Value& a, const Value& b) {
  auto* x = dynamic_cast<NativeInt*>(a.get());
  auto* y = dynamic_cast<NativeInt*>(b.get());
  if (x && y) return x->value < y->value;
  auto* s = dynamic_cast<NativeStr*>(a.get());
  auto* t = dynamic_cast<NativeStr*>(b.get());
  if (s && t) return s->text < t->text;
  if (auto* p = dynamic_cast<NativeSeq*>(a.get())) {
    auto* q = dynamic_cast<NativeSeq*>(b.get());
    if (q) {
      for (size_t i = 0; i < p->items.size() && i < q->items.size(); ++i) {
        if (less(p->items[i], q->items[i])) return true;
        if (less(q->items[i], p->items[i])) return false;
      }
      return p->items.size() < q->items.size();
    }
  }
  throw PyException(new_exception(ExcKind::TypeError, "'<' not supported between instances"));
}

}  // namespace looplab::loop
