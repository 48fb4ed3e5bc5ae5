// `time` on the virtual clock: the host owns the clock (DESIGN.md's time model).
#include "engine/lang/builtins.hpp"
#include "engine/lang/loop_host.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"
#include "engine/lang/worker_fiber.hpp"

namespace looplab::lang {

namespace {

constexpr double kEpoch = 1'700'000'000.0;

Value t_time(Args&) { return Value::floating(kEpoch + vm().host.now()); }
Value t_monotonic(Args&) { return Value::floating(vm().host.now()); }
Value t_time_ns(Args&) { return Value::integer(static_cast<int64_t>((kEpoch + vm().host.now()) * 1e9)); }
Value t_monotonic_ns(Args&) { return Value::integer(static_cast<int64_t>(vm().host.now() * 1e9)); }

Value t_sleep(Args& a) {
  check_args(a, "sleep", 1, 1);
  if (!a[0].is_intlike() && !a[0].is_float()) {
    type_error(std::string("'") + type_name(a[0]) + "' object cannot be interpreted as an integer");
  }
  double d = to_double(a[0]);
  if (d < 0) value_error("sleep length must be non-negative");
  // A worker's sleep suspends only that worker (DESIGN.md's time model).
  if (PyWorkerJob* w = current_worker()) {
    w->sleep(d);
  } else {
    // The timeline and the Source panel show the task at the line that stalls the loop,
    // not at the line where its step began.
    loop::Runtime* rt = current_runtime();
    if (rt && vm().frame) rt->record_line(vm().frame->line());
    vm().host.sleep(d);
  }
  return Value::none();
}

}  // namespace

Value make_time_module() {
  return new_module("time", {{"time", t_time},
                             {"monotonic", t_monotonic},
                             {"perf_counter", t_monotonic},
                             {"process_time", t_monotonic},
                             {"time_ns", t_time_ns},
                             {"monotonic_ns", t_monotonic_ns},
                             {"perf_counter_ns", t_monotonic_ns},
                             {"sleep", t_sleep}});
}

}  // namespace looplab::lang
