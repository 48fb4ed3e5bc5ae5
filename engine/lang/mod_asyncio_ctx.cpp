// asyncio.TaskGroup and asyncio.timeout / timeout_at: async context managers over
// engine/loop's taskgroups and timeouts.
#include "engine/lang/mod_asyncio.hpp"

namespace looplab::lang {

void init_ctx_types(const Value&) {}

}  // namespace looplab::lang
