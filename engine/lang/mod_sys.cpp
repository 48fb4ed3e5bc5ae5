// `sys`: stdout/stderr (writing through the host), version_info, maxsize, the recursion
// limit, exit(), excepthook().
#include "engine/lang/builtins.hpp"
#include "engine/lang/modules.hpp"
#include "engine/lang/ops.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

namespace {

bool is_stderr(const Value& stream) {
  Value* fd = stream.as<Instance>()->dict.as<DictObj>()->table.find_str(vm().intern("_fd"));
  return fd && fd->as_int() == 2;
}

Value stream_write(Args& a) {
  check_args(a, "write", 2, 2);
  if (!is_str(a[1])) {
    type_error(std::string("write() argument must be str, not ") + type_name(a[1]));
  }
  if (is_stderr(a[0])) {
    vm().write_stderr(str_view(a[1]));
  } else {
    vm().write_stdout(str_view(a[1]));
  }
  return Value::integer(static_cast<int64_t>(a[1].as<Str>()->ncp));
}

Value stream_flush(Args&) { return Value::none(); }

Value make_stream(Type* t, int fd) {
  auto* s = new Instance(t);
  Value out(s);
  s->ensure_dict()->table.set(Value(vm().intern("_fd")), Value::integer(fd));
  return out;
}

Value sys_exit(Args& a) {
  check_args(a, "exit", 0, 1);
  std::vector<Value> args;
  if (a.n == 1) args.push_back(a[0]);
  throw PyException{new_exception_args(vm().exc_type("SystemExit"), std::move(args))};
}

// sys.excepthook(type, value, traceback): the report of an uncaught exception, as the
// top level prints it (the value carries its own traceback).
Value sys_excepthook(Args& a) {
  check_args(a, "excepthook", 3, 3);
  if (!exc_matches(a[1], "BaseException")) {
    type_error(std::string("print_exception(): Exception expected for value, ") + type_name(a[1]) +
               " found");
  }
  vm().write_stderr(format_exception(a[1]));
  return Value::none();
}

Value sys_getrecursionlimit(Args&) { return Value::integer(vm().limits.recursion_limit); }

Value sys_setrecursionlimit(Args& a) {
  check_args(a, "setrecursionlimit", 1, 1);
  int64_t n = to_index(a[0]);
  if (n < 1) value_error("recursion limit must be greater or equal than 1");
  vm().limits.recursion_limit = static_cast<int>(std::min<int64_t>(n, 100000));
  return Value::none();
}

// sys.version_info is a struct sequence: a tuple whose items are also attributes.
constexpr const char* kVersionInfo = R"PY(
class version_info:
    __module__ = "sys"
    _fields = ("major", "minor", "micro", "releaselevel", "serial")

    def __init__(self, values):
        self._values = tuple(values)

    major = property(lambda self: self._values[0])
    minor = property(lambda self: self._values[1])
    micro = property(lambda self: self._values[2])
    releaselevel = property(lambda self: self._values[3])
    serial = property(lambda self: self._values[4])

    def __repr__(self):
        items = ", ".join("%s=%r" % pair for pair in zip(self._fields, self._values))
        return "sys.version_info(" + items + ")"

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return 5

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, item):
        return item in self._values

    def __hash__(self):
        return hash(self._values)

    def __eq__(self, other):
        return self._values == _as_tuple(other)

    def __ne__(self, other):
        return self._values != _as_tuple(other)

    def __lt__(self, other):
        return self._values < _as_tuple(other)

    def __le__(self, other):
        return self._values <= _as_tuple(other)

    def __gt__(self, other):
        return self._values > _as_tuple(other)

    def __ge__(self, other):
        return self._values >= _as_tuple(other)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)


def _as_tuple(other):
    return other._values if isinstance(other, version_info) else other
)PY";

Value make_version_info() {
  VM& v = vm();
  Value m = module_from_source("sys", kVersionInfo);
  Value cls = get_attr(m, v.intern("version_info"));
  Value values = make_tuple({Value::integer(3), Value::integer(11), Value::integer(7), v.str("final"),
                             Value::integer(0)});
  return v.call(cls, &values, 1);
}

}  // namespace

Value make_sys_module() {
  VM& v = vm();
  Value m = new_module("sys", {{"exit", sys_exit},
                               {"excepthook", sys_excepthook},
                               {"getrecursionlimit", sys_getrecursionlimit},
                               {"setrecursionlimit", sys_setrecursionlimit}});
  auto* io = new Type("TextIOWrapper", v.t.object, Layout::Object);
  Value io_hold(io);
  io->module = "_io";
  io->subclassable = false;
  def_method(io, "write", stream_write);
  def_method(io, "flush", stream_flush);
  module_set(m, "stdout", make_stream(io, 1));
  module_set(m, "stderr", make_stream(io, 2));
  module_set(m, "version_info", make_version_info());
  module_set(m, "version", v.str("3.11.7 (LoopLab)"));
  module_set(m, "maxsize", Value::integer(INT64_MAX));
  module_set(m, "platform", v.str("looplab"));
  module_set(m, "argv", make_list({v.str("main.py")}));
  Value loaded = make_dict();
  for (const auto& [name, mod] : v.modules) loaded.as<DictObj>()->table.set(v.str(name), mod);
  loaded.as<DictObj>()->table.set(v.str("sys"), m);
  module_set(m, "modules", loaded);
  return m;
}

}  // namespace looplab::lang
