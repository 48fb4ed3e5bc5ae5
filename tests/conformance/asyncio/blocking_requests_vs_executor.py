# conformance: stamp
# requests.get blocks the loop; moving it to run_in_executor lets downloads overlap.
import asyncio
import time
import requests

URLS = [f"https://httpbin.org/delay/{d}" for d in (1, 2, 1)]

async def fetch_blocking(url):
    r = requests.get(url)
    print("blocking fetch done", url[-7:], r.status_code, "at", time.monotonic())
    return len(r.text)

async def fetch_threaded(url):
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, requests.get, url)
    print("threaded fetch done", url[-7:], r.json()["url"][-7:], "at", time.monotonic())
    return len(r.text)

async def main():
    start = time.monotonic()
    print(await asyncio.gather(*(fetch_blocking(u) for u in URLS)), time.monotonic() - start)
    start = time.monotonic()
    print(await asyncio.gather(*(fetch_threaded(u) for u in URLS)), time.monotonic() - start)

asyncio.run(main())
