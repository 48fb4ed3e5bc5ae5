# conformance: stamp
# current_task and all_tasks (printed sorted by name), inside and outside tasks.
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)

async def main():
    me = asyncio.current_task()
    print("current:", me.get_name(), me.done())
    tasks = [asyncio.create_task(sleeper(i), name=f"sleeper-{i}") for i in range(3)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(me in asyncio.all_tasks())

print(asyncio.current_task() if False else "no loop yet")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main())
