#!/usr/bin/env python3
"""Self-checks of the reference runner: properties of its output, not typed-out prints.

Run: python3 tests/reference/test_runner.py   (exit 0 when every check passes)
"""
import os
import subprocess
import sys
import textwrap

RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "looplab_ref.py")


def run(source, *flags, stdin_name=None):
    args = [sys.executable, RUNNER, *flags]
    if stdin_name is not None:
        args += ["--filename", stdin_name]
    args.append("-")
    proc = subprocess.run(args, input=textwrap.dedent(source), capture_output=True,
                          text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def stamped(stdout):
    """[(time, text)] from --stamp output."""
    rows = []
    for line in stdout.splitlines():
        stamp, _, text = line.partition("] ")
        rows.append((float(stamp[1:]), text))
    return rows


def check_equal_time_timers_fire_in_scheduling_order():
    rc, out, _ = run("""
        import asyncio
        async def kill_time(n):
            await asyncio.sleep(1)
            print(n)
        async def main():
            await asyncio.gather(*(kill_time(i) for i in range(1000)))
        asyncio.run(main())
    """)
    assert rc == 0
    assert [int(x) for x in out.split()] == list(range(1000))


def check_worker_due_at_t_runs_before_timer_due_at_t():
    rc, out, _ = run("""
        import asyncio, time
        def blocking():
            time.sleep(1.0)
            print("worker")
        async def main():
            loop = asyncio.get_running_loop()
            loop.call_later(1.0, print, "timer")
            await asyncio.gather(asyncio.to_thread(blocking), asyncio.sleep(1.5))
        asyncio.run(main())
    """, "--stamp")
    assert rc == 0
    assert stamped(out) == [(1.0, "worker"), (1.0, "timer")], out


def check_two_runs_are_identical():
    source = """
        import asyncio, random
        words = {"alpha", "beta", "gamma", "delta", "epsilon"}
        print(list(words), random.random())
        async def job(i):
            await asyncio.sleep(random.random())
            print("job", i)
        async def main():
            await asyncio.gather(*(job(i) for i in range(20)))
        asyncio.run(main())
    """
    first = run(source, "--stamp")
    assert first[0] == 0
    assert first == run(source, "--stamp")


def check_hash_seed_is_zero():
    source = 'print(list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta"}))\n'
    env = dict(os.environ, PYTHONHASHSEED="0")
    direct = subprocess.run([sys.executable, "-c", source], capture_output=True,
                            text=True, env=env).stdout
    assert run(source)[1] == direct


def check_deadlock_exits_3_naming_tasks_in_creation_order():
    rc, out, err = run("""
        import asyncio
        async def waiter(ev):
            await ev.wait()
        async def main():
            ev = asyncio.Event()
            t1 = asyncio.create_task(waiter(ev), name="zeta")
            t2 = asyncio.create_task(waiter(ev), name="alpha")
            await asyncio.sleep(1)
            print("before")
            await asyncio.gather(t1, t2)
        asyncio.run(main())
    """)
    assert rc == 3
    assert out == "before\n"
    assert err.splitlines()[-1] == "Deadlock: tasks waiting forever: Task-1, zeta, alpha"


def check_time_budget_exits_4():
    rc, out, err = run("""
        import asyncio
        async def main():
            while True:
                await asyncio.sleep(1000)
                print("tick")
        asyncio.run(main())
    """)
    assert rc == 4
    assert out.count("tick") == 3
    assert err.splitlines()[-1] == "Budget exhausted: virtual time limit of 3600 s"


def check_blocking_sleep_on_loop_thread_moves_clock():
    rc, out, _ = run("""
        import asyncio, time
        async def ticker():
            for _ in range(3):
                print("tick", time.monotonic())
                await asyncio.sleep(0.5)
        async def main():
            t = asyncio.create_task(ticker())
            await asyncio.sleep(0)
            time.sleep(2)
            print("unblocked")
            await t
        asyncio.run(main())
    """, "--stamp")
    assert rc == 0
    rows = stamped(out)
    assert rows[0] == (0.0, "tick 0.0")
    assert rows[1] == (2.0, "unblocked")
    assert rows[2][0] == 2.0 and rows[3][0] == 2.5


def check_pool_limit_queues_jobs():
    rc, out, _ = run("""
        import concurrent.futures, threading, time
        def job(i):
            time.sleep(1)
            print("done", i, threading.current_thread().name)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for i in range(5):
                pool.submit(job, i)
        print("all", time.monotonic())
    """, "--stamp")
    assert rc == 0
    times = [t for t, _ in stamped(out)]
    assert times == [1.0, 1.0, 2.0, 2.0, 3.0, 3.0], out


def check_task_names_and_traceback_filename():
    rc, out, err = run("""
        import asyncio
        async def main():
            t = asyncio.create_task(asyncio.sleep(0))
            print(asyncio.current_task().get_name(), t.get_name())
            await t
            raise KeyError("missing")
        asyncio.run(main())
    """, stdin_name="prog.py")
    assert rc == 1
    assert out == "Task-1 Task-2\n"
    assert err.splitlines()[-1] == "KeyError: 'missing'"
    assert '  File "prog.py", line 7, in main' in err.splitlines()


def check_executor_results_arrive_through_call_soon_threadsafe():
    rc, out, _ = run("""
        import asyncio
        async def main():
            loop = asyncio.get_running_loop()
            fut = loop.run_in_executor(None, sum, [1, 2, 3])
            print(fut.done())
            await asyncio.sleep(0)
            print(fut.done())
            await asyncio.sleep(0)
            print(fut.done(), fut.result())
        asyncio.run(main())
    """)
    assert rc == 0
    # The job finished inside the call; its result needs one loop iteration to land.
    assert out.split("\n")[:3] == ["False", "True", "True 6"], out


def check_workers_due_together_run_in_sleep_order():
    rc, out, _ = run("""
        import asyncio, time
        def job(name, first, second):
            time.sleep(first)
            print(name, "a", time.monotonic())
            time.sleep(second)
            print(name, "b", time.monotonic())
        async def main():
            await asyncio.gather(asyncio.to_thread(job, "x", 2, 1),
                                 asyncio.to_thread(job, "y", 1, 2))
        asyncio.run(main())
    """)
    assert rc == 0
    # Both wake at 3.0: y went to sleep (at 1.0) before x (at 2.0), so y runs first.
    assert out.split("\n")[2:4] == ["y b 3.0", "x b 3.0"], out


def check_run_waits_for_default_executor_jobs():
    rc, out, _ = run("""
        import asyncio, time
        def slow():
            time.sleep(5)
            print("job done", time.monotonic())
        async def main():
            asyncio.get_running_loop().run_in_executor(None, slow)
        asyncio.run(main())
        print("run returned", time.monotonic())
    """)
    assert rc == 0
    assert out == "job done 5.0\nrun returned 5.0\n", out


def check_cache_replays_identical_runs_only():
    import tempfile
    program = """
        import sys
        print("out", end="")
        print("err", file=sys.stderr)
        raise ValueError(len(sys.argv))
    """
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, LOOPLAB_REF_CACHE=cache)

        def cached(source):
            proc = subprocess.run([sys.executable, RUNNER, "-"], input=textwrap.dedent(source),
                                  capture_output=True, text=True, timeout=120, env=env)
            return proc.returncode, proc.stdout, proc.stderr

        plain = run(program)
        assert plain[0] == 1 and plain[1] == "out" and "ValueError: 1" in plain[2], plain
        assert cached(program) == plain
        assert len(os.listdir(cache)) == 1
        assert cached(program) == plain
        assert len(os.listdir(cache)) == 1
        import marshal  # an answer kept in the cache is what a repeated run prints
        entry = os.path.join(cache, os.listdir(cache)[0])
        with open(entry, "wb") as f:
            marshal.dump((5, b"kept", b""), f)
        assert cached(program) == (5, "kept", "")
        other = program.replace("len(sys.argv)", "2")
        assert cached(other) == run(other) != plain
        assert len(os.listdir(cache)) == 2


CHECKS = [v for k, v in sorted(globals().items()) if k.startswith("check_")]

if __name__ == "__main__":
    failed = 0
    for check in CHECKS:
        try:
            check()
            print("ok  ", check.__name__)
        except AssertionError as exc:
            failed += 1
            print("FAIL", check.__name__, exc)
    sys.exit(1 if failed else 0)
