// The fast paths of `await`: a queue's put/get finished without a loop coroutine when it
// would not wait, a frame's block stack sized by the compiler, a Future's Python face
// found through the future. Each program must print what CPython prints (the reference
// runner is the oracle).
#include <catch2/catch.hpp>

#include <string>

#include "engine/session/session.hpp"
#include "tests/unit/session/oracle.hpp"

namespace ls = looplab::session;
using looplab::testing::Oracle;
using looplab::testing::reference_run;

namespace {

void check_as_cpython(const std::string& source) {
  const ls::RunResult result = ls::run(ls::program_from_source("prog", "prog.py", source), {});
  const Oracle cpython = reference_run(source);
  CHECK(result.exit_status == cpython.exit_status);
  CHECK(result.stdout_text == cpython.out);
}

}  // namespace

TEST_CASE("queue put and get coroutines keep CPython's coroutine rules when they need not wait") {
  check_as_cpython(
      "import asyncio\n"
      "async def main():\n"
      "    q = asyncio.Queue(maxsize=1)\n"
      "    c = q.put(1)\n"
      "    print(q.qsize())\n"
      "    await c\n"
      "    print(q.qsize())\n"
      "    for again in (lambda: c, lambda: q.get()):\n"
      "        co = again()\n"
      "        co.close()\n"
      "        try:\n"
      "            await co\n"
      "        except RuntimeError as e:\n"
      "            print('RuntimeError', e)\n"
      "    s = q.get()\n"
      "    try:\n"
      "        s.send(3)\n"
      "    except TypeError as e:\n"
      "        print('TypeError', e)\n"
      "    print(await s, q.qsize())\n"
      "    t = asyncio.create_task(q.get())\n"
      "    await asyncio.sleep(0)\n"
      "    print(t.done())\n"
      "    await q.put('x')\n"
      "    print(await t)\n"
      "    pq = asyncio.PriorityQueue()\n"
      "    await pq.put(2)\n"
      "    try:\n"
      "        await pq.put('a')\n"
      "    except TypeError as e:\n"
      "        print('TypeError', e)\n"
      "    print(await pq.get(), pq.qsize())\n"
      "asyncio.run(main())\n");
}

TEST_CASE("a full queue's put and an empty queue's get still wait their turn") {
  check_as_cpython(
      "import asyncio\n"
      "async def producer(q, log):\n"
      "    for i in range(5):\n"
      "        await q.put(i)\n"
      "        log.append(('put', i))\n"
      "async def consumer(q, log):\n"
      "    for _ in range(5):\n"
      "        log.append(('got', await q.get()))\n"
      "async def main():\n"
      "    q = asyncio.Queue(maxsize=2)\n"
      "    log = []\n"
      "    await asyncio.gather(consumer(q, log), producer(q, log))\n"
      "    print(log)\n"
      "    g = asyncio.create_task(asyncio.wait_for(q.get(), 0.5))\n"
      "    try:\n"
      "        await g\n"
      "    except asyncio.TimeoutError:\n"
      "        print('timed out', q.qsize())\n"
      "asyncio.run(main())\n");
}

TEST_CASE("try and with blocks and their handlers nest in coroutines as deep as the code says") {
  check_as_cpython(
      "import asyncio\n"
      "class Cm:\n"
      "    def __init__(self, name): self.name = name\n"
      "    def __enter__(self): return self.name\n"
      "    def __exit__(self, *exc): print('exit', self.name, exc[0]); return self.name == 'swallow'\n"
      "class Acm:\n"
      "    async def __aenter__(self): await asyncio.sleep(0); return 'a'\n"
      "    async def __aexit__(self, *exc): await asyncio.sleep(0); print('aexit', exc[0])\n"
      "async def deep(n):\n"
      "    for i in range(3):\n"
      "        try:\n"
      "            with Cm('outer') as o:\n"
      "                async with Acm() as a:\n"
      "                    try:\n"
      "                        try:\n"
      "                            if i == 1:\n"
      "                                continue\n"
      "                            raise ValueError(i)\n"
      "                        except ValueError as e:\n"
      "                            try:\n"
      "                                with Cm('swallow'):\n"
      "                                    raise KeyError(o + a)\n"
      "                            finally:\n"
      "                                await asyncio.sleep(0.1)\n"
      "                            if i == 2:\n"
      "                                return n\n"
      "                    finally:\n"
      "                        print('finally', i)\n"
      "        except* ValueError as g:\n"
      "            print('group', g)\n"
      "    return -1\n"
      "def gen():\n"
      "    try:\n"
      "        try:\n"
      "            yield 1\n"
      "        finally:\n"
      "            yield 2\n"
      "    except GeneratorExit:\n"
      "        pass\n"
      "async def main():\n"
      "    print(await asyncio.gather(deep(1), deep(2)))\n"
      "    print(list(gen()))\n"
      "asyncio.run(main())\n");
}
