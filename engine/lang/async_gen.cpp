// Async generators: the async_generator type (__anext__, asend, athrow, aclose), the
// awaitables those return, and the loop's asyncgen hooks: a generator first iterated
// under a running loop is tracked by it; dropped unfinished, its aclose() is scheduled
// on that loop at once (BaseEventLoop._asyncgen_finalizer_hook); asyncio.run closes the
// rest in shutdown_asyncgens.
#include "engine/lang/builtins.hpp"
#include "engine/lang/coroutine.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/mod_asyncio.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/vm_async.hpp"
#include "engine/loop/native_task.hpp"
#include "engine/loop/runtime.hpp"

namespace looplab::lang {

namespace {

struct Wrapped : Obj {
  explicit Wrapped(Value v) : Obj(asyncio_types().wrapped), value(std::move(v)) {}
  void clear_refs() override { value = Value(); }
  Value value;
};

// The awaitable of __anext__/asend (Send), athrow (Throw) and aclose (Close).
struct AGenStep : Awaitable {
  enum class Mode : uint8_t { Send, Throw, Close };
  AGenStep(Value g, Mode m, Value a)
      : Awaitable(m == Mode::Send ? asyncio_types().asend : asyncio_types().athrow),
        gen(std::move(g)), mode(m), arg(std::move(a)) {}
  void clear_refs() override { gen = arg = Value(); }

  void send(Value sent, Value& out, bool& returned) override {
    Generator* g = gen.as<Generator>();
    check_reuse();
    if (state == 0) {
      state = 1;
      first_iter(g);
      if (mode == Mode::Send) {
        step([&](bool& r) { return vm().gen_resume(g, arg.is_null() ? Value::none() : arg, Value(), r); }, out, returned);
        return;
      }
      if (!g->frame || (mode == Mode::Close && !g->started)) {
        close_generator(g);
        state = 2;
        if (mode == Mode::Throw) raise(vm().exc_type("StopAsyncIteration"), "");
        out = Value::none();
        returned = true;
        return;
      }
      step([&](bool& r) { return throw_into(g, arg, r); }, out, returned);
      return;
    }
    step([&](bool& r) { return vm().gen_resume(g, std::move(sent), Value(), r); }, out, returned);
  }

  void throw_(Value exc, Value& out, bool& returned) override {
    check_reuse();
    state = 1;
    Generator* g = gen.as<Generator>();
    step([&](bool& r) { return throw_into(g, exc, r); }, out, returned);
  }

  void check_reuse() const {
    if (state != 2) return;
    raise("RuntimeError", mode == Mode::Send ? "cannot reuse already awaited __anext__()/asend()"
                                             : "cannot reuse already awaited aclose()/athrow()");
  }

  static void first_iter(Generator* g) {
    loop::Runtime* rt = current_runtime();
    if (rt && rt->running_loop() && !asyncgen_loop(g)) asyncgen_register(g, rt->running_loop());
  }

  template <class F>
  void step(F resume, Value& out, bool& returned) {
    bool finished = false;
    Value r;
    try {
      r = resume(finished);
    } catch (PyException& e) {
      state = 2;
      if (mode == Mode::Close && (exc_matches(e.exc, "GeneratorExit") || exc_matches(e.exc, "StopAsyncIteration"))) {
        out = Value::none();
        returned = true;
        return;
      }
      throw;
    }
    if (finished) {
      state = 2;
      if (mode != Mode::Close) raise(vm().exc_type("StopAsyncIteration"), "");
      out = Value::none();
      returned = true;
      return;
    }
    if (auto* w = r.is_obj() ? dynamic_cast<Wrapped*>(r.obj()) : nullptr) {
      state = 2;
      if (mode == Mode::Close) raise("RuntimeError", "async generator ignored GeneratorExit");
      out = w->value;
      returned = true;
      return;
    }
    out = std::move(r);
    returned = false;
  }

  Value gen;
  Mode mode;
  Value arg;
  int state = 0;  // 0 not started, 1 running, 2 finished
};

Value aclose_of(const Value& g) {
  return Value(new AGenStep(g, AGenStep::Mode::Close, new_exception(vm().exc_type("GeneratorExit"), "")));
}

Value ag_aiter(Args& a) { return a[0]; }
Value ag_anext(Args& a) { return Value(new AGenStep(a[0], AGenStep::Mode::Send, Value::none())); }

Value ag_asend(Args& a) {
  check_args(a, "asend", 2, 2);
  return Value(new AGenStep(a[0], AGenStep::Mode::Send, a[1]));
}

Value ag_athrow(Args& a) {
  check_args(a, "athrow", 2, 4);
  return Value(new AGenStep(a[0], AGenStep::Mode::Throw, thrown_exception(a)));
}

Value ag_aclose(Args& a) { return aclose_of(a[0]); }

Value ag_repr(Args& a) {
  auto* g = a[0].as<Generator>();
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(object_id(a[0])));
  return make_str("<async_generator object " + to_str(g->qualname) + " at " + buf + ">");
}

Value ag_running(Args& a) { return Value::boolean(a[0].as<Generator>()->running); }

// The finaliser hook: an unfinished generator's aclose() goes to its loop at once.
Value ag_del(Args& a) {
  auto* g = a[0].as<Generator>();
  loop::EventLoop* l = asyncgen_loop(g);
  asyncgen_forget(g);
  if (!l || l->is_closed() || !g->frame || !g->started) return Value::none();
  loop::Ref<loop::Coroutine> closing(new IterCoroutine(aclose_of(a[0]), "aclose"));
  loop::Ref<loop::EventLoop> keep(l);
  l->call_soon_threadsafe(loop::make_callback("create_task", [keep, closing](const loop::Value&) {
    keep->create_task(closing);
  }));
  return Value::none();
}

loop::Co shutdown_co(loop::Ref<loop::EventLoop> l) {
  std::vector<Value> gens = asyncgen_take(l.get());
  std::vector<loop::Value> aws;
  for (const Value& g : gens) {
    if (!g.as<Generator>()->frame) continue;
    aws.push_back(loop::Value(loop::Ref<loop::Coroutine>(new IterCoroutine(aclose_of(g), "aclose"))));
  }
  if (aws.empty()) co_return nullptr;
  co_await loop::gather(*l, aws, true);
  co_return nullptr;
}

}  // namespace

Value async_gen_wrap(Value v) { return Value(new Wrapped(std::move(v))); }

Type* async_generator_type() { return asyncio_types().async_generator; }

loop::Ref<loop::Coroutine> shutdown_asyncgens(loop::EventLoop& l) {
  return shutdown_co(loop::Ref<loop::EventLoop>(&l)).named("shutdown_asyncgens");
}

void init_async_gen_types(AsyncioTypes& t) {
  Type* g = t.async_generator;
  def_method(g, "__aiter__", ag_aiter);
  def_method(g, "__anext__", ag_anext);
  def_method(g, "asend", ag_asend);
  def_method(g, "athrow", ag_athrow);
  def_method(g, "aclose", ag_aclose);
  def_method(g, "__repr__", ag_repr);
  def_method(g, "__del__", ag_del);
  def_property(g, "ag_running", ag_running);
  g->has_del = true;
}

}  // namespace looplab::lang
