// The asyncio binding seen from the session: budgets stopping runaway programs, runs
// without a trace, determinism, and reports on stderr. What CPython prints comes from the
// reference runner; the budget messages are LoopLab's own contract (DESIGN.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "engine/export/export.hpp"
#include "engine/loop/trace.hpp"
#include "engine/session/session.hpp"
#include "tests/unit/session/oracle.hpp"

namespace ls = looplab::session;
using looplab::testing::last_line;
using looplab::testing::Oracle;
using looplab::testing::reference_run;

namespace {

// A clock task that never stops; each program below runs two of them.
const std::string kTick =
    "import asyncio\n"
    "async def tick(delay):\n"
    "    n = 0\n"
    "    while True:\n"
    "        await asyncio.sleep(delay)\n"
    "        n += 1\n"
    "        if n % 100 == 0:\n"
    "            print(n)\n";

// tick(0) is always ready: the clock never moves, only the callback budget can stop it.
const std::string kSpinForever = kTick +
                                 "async def main():\n"
                                 "    await asyncio.gather(tick(0), tick(0.25))\n"
                                 "asyncio.run(main())\n";

// Only timed sleeps: the clock moves on every iteration, so the time budget runs out long
// before the callback budget.
const std::string kTickForever = kTick +
                                 "async def main():\n"
                                 "    await asyncio.gather(tick(0.1), tick(0.25))\n"
                                 "asyncio.run(main())\n";

ls::RunResult run_source(const std::string& source, const ls::RunOptions& options = {}) {
  return ls::run(ls::program_from_source("prog", "prog.py", source), options);
}

std::string csv_of(const looplab::loop::Trace& trace) {
  std::ostringstream out;
  std::string error;
  REQUIRE(looplab::exporter::write(trace, looplab::exporter::Format::Csv, out, {}, &error));
  return out.str();
}

std::vector<ls::Program> asyncio_programs() {
  std::vector<ls::Program> programs = ls::builtin_programs();
  const auto dir = std::filesystem::path(LOOPLAB_SOURCE_DIR) / "tests/conformance/asyncio";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".py") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::string error;
    auto program = ls::load_program(path.string(), &error);
    REQUIRE(program);
    programs.push_back(*program);
  }
  return programs;
}

// Runs `source` under LoopLab with `options` and under CPython with `flags`: both must
// stop with exit 4 after the same output and with the same last stderr line, which names
// the budget that ran out.
void check_stops_as_cpython(const std::string& source, const ls::RunOptions& options,
                            const std::vector<std::string>& flags, const std::string& budget) {
  const ls::RunResult result = run_source(source, options);
  const Oracle cpython = reference_run(source, flags);
  CHECK(result.exit_status == ls::kExitBudget);
  CHECK(cpython.exit_status == ls::kExitBudget);
  CHECK(result.stdout_text == cpython.out);
  CHECK(last_line(result.stderr_text) == cpython.last_err_line);
  CHECK(cpython.last_err_line.find(budget) != std::string::npos);
}

}  // namespace

TEST_CASE("a runaway asyncio program stops at its loop callback budget as under CPython") {
  ls::RunOptions options;
  options.budgets.max_steps = 1000;
  check_stops_as_cpython(kSpinForever, options, {"--max-steps", "1000"}, "loop callback limit");
}

TEST_CASE("a runaway asyncio program stops at its virtual time budget as under CPython") {
  ls::RunOptions options;
  options.budgets.max_time = 30;
  check_stops_as_cpython(kTickForever, options, {"--max-time", "30"}, "virtual time limit");
}

TEST_CASE("a task that never yields stops at the instruction budget with exit 4") {
  const std::string source =
      "import asyncio\n"
      "async def busy():\n"
      "    x = 0\n"
      "    while True:\n"
      "        x += 1\n"
      "asyncio.run(busy())\n";
  ls::RunOptions options;
  options.budgets.max_instructions = 100'000;
  const ls::RunResult result = run_source(source, options);
  CHECK(result.exit_status == ls::kExitBudget);
  CHECK(last_line(result.stderr_text).rfind("Budget exhausted: ", 0) == 0);
  CHECK(result.trace->outcome.exit_status == ls::kExitBudget);
}

TEST_CASE("a run without a trace writes and exits exactly as a recorded run") {
  ls::RunOptions untraced;
  untraced.record_trace = false;
  for (const ls::Program& program : asyncio_programs()) {
    INFO(program.name);
    const ls::RunResult recorded = ls::run(program, {});
    const ls::RunResult bare = ls::run(program, untraced);
    CHECK(bare.exit_status == recorded.exit_status);
    CHECK(bare.stdout_text == recorded.stdout_text);
    CHECK(bare.stderr_text == recorded.stderr_text);
    CHECK(bare.trace->outcome.exit_status == recorded.trace->outcome.exit_status);
    CHECK(bare.trace->outcome.message == recorded.trace->outcome.message);
    CHECK(bare.trace->size() == 0);
  }
}

TEST_CASE("the same asyncio program run twice gives a byte-identical trace") {
  const std::string source =
      "import asyncio, time, random\n"
      "def blocking(n):\n"
      "    time.sleep(0.3 * n)\n"
      "    return n * n\n"
      "async def consumer(q, lock, out):\n"
      "    while True:\n"
      "        item = await q.get()\n"
      "        async with lock:\n"
      "            out.append(await asyncio.to_thread(blocking, item))\n"
      "        q.task_done()\n"
      "async def main():\n"
      "    q, lock, out = asyncio.Queue(), asyncio.Lock(), []\n"
      "    workers = [asyncio.create_task(consumer(q, lock, out)) for _ in range(3)]\n"
      "    for i in range(6):\n"
      "        await q.put(random.randint(1, 5))\n"
      "        await asyncio.sleep(0.1)\n"
      "    await q.join()\n"
      "    for w in workers:\n"
      "        w.cancel()\n"
      "    await asyncio.gather(*workers, return_exceptions=True)\n"
      "    print(out, round(asyncio.get_running_loop().time(), 3))\n"
      "asyncio.run(main())\n";
  const ls::RunResult a = run_source(source);
  const ls::RunResult b = run_source(source);
  REQUIRE(a.exit_status == 0);
  CHECK(a.stdout_text == reference_run(source).out);
  CHECK(a.stdout_text == b.stdout_text);
  CHECK(a.trace->size() == b.trace->size());
  CHECK(csv_of(*a.trace) == csv_of(*b.trace));
}

TEST_CASE("a coroutine that is never awaited warns on stderr where CPython does") {
  const std::string source =
      "import asyncio\n"
      "async def work():\n"
      "    print('never printed')\n"
      "async def main():\n"
      "    work()\n"
      "    print('after')\n"
      "asyncio.run(main())\n";
  const ls::RunResult result = run_source(source);
  const Oracle cpython = reference_run(source);
  REQUIRE(result.exit_status == 0);
  CHECK(result.stdout_text == cpython.out);
  // Both run a file named prog.py: the warning's first line, location included, agrees.
  const std::string cpython_first = cpython.err.substr(0, cpython.err.find('\n'));
  REQUIRE(cpython_first.rfind("prog.py:5: ", 0) == 0);
  CHECK(result.stderr_text.substr(0, result.stderr_text.find('\n')) == cpython_first);
  CHECK(last_line(result.stderr_text) == cpython.last_err_line);
}

namespace {

// The program's own part of a report on stderr: the "Exception in thread" header, each
// `File "prog.py"` frame with its source line, and the last line. The frames of the
// threading machinery between them differ (CPython's threading.py, the runner's patch).
std::string program_frames(const std::string& err) {
  std::istringstream in(err);
  std::string line, out, last;
  bool keep_next = false;
  while (std::getline(in, line)) {
    const bool frame = line.find("File \"prog.py\"") != std::string::npos;
    if (frame || keep_next || line.rfind("Exception in thread", 0) == 0) out += line + "\n";
    keep_next = frame;
    last = line;
  }
  return out + last + "\n";
}

}  // namespace

TEST_CASE("an exception escaping a thread is reported with its traceback as CPython does") {
  const std::string source =
      "import threading\n"
      "def pick(n):\n"
      "    items = [1, 2]\n"
      "    return items[n]\n"
      "def helper(n):\n"
      "    return pick(n + 1)\n"
      "t = threading.Thread(target=helper, args=(4,))\n"
      "t.start()\n"
      "t.join()\n"
      "print('main goes on')\n";
  const ls::RunResult result = run_source(source);
  const Oracle cpython = reference_run(source);
  REQUIRE(result.exit_status == cpython.exit_status);
  CHECK(result.stdout_text == cpython.out);
  REQUIRE(cpython.err.find("File \"prog.py\", line 4, in pick") != std::string::npos);
  CHECK(program_frames(result.stderr_text) == program_frames(cpython.err));
}
