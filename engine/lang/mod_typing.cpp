// `typing`: the names scripts import for annotations. LoopLab ignores annotations, so
// each name is a placeholder that subscripting (`List[int]`) leaves unchanged.
#include "engine/lang/modules.hpp"
#include "engine/lang/vm.hpp"

namespace looplab::lang {

Value make_typing_module() {
  VM& v = vm();
  Value m = new_module("typing", {});
  const CoreTypes& t = v.t;
  module_set(m, "List", Value(t.list));
  module_set(m, "Dict", Value(t.dict));
  module_set(m, "Tuple", Value(t.tuple));
  module_set(m, "Set", Value(t.set));
  module_set(m, "FrozenSet", Value(t.frozenset));
  module_set(m, "Type", Value(t.type));
  for (const char* name : {"Any", "Optional", "Union", "Callable", "Iterable", "Iterator",
                           "Generator", "Awaitable", "Coroutine", "AsyncIterator",
                           "AsyncGenerator", "Sequence", "Mapping", "NoReturn", "ClassVar",
                           "Final", "Literal"}) {
    module_set(m, name, Value(t.object));
  }
  return m;
}

}  // namespace looplab::lang
