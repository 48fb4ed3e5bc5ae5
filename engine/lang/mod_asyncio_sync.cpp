// asyncio's synchronisation primitives and queues over engine/loop's locks and queues.
#include "engine/lang/mod_asyncio.hpp"

namespace looplab::lang {

void init_sync_types(const Value&) {}

}  // namespace looplab::lang
