# conformance: stamp
# Course page (get_news_async.py): the same fetches with aiohttp and gather.
import asyncio
import time
import aiohttp

SOURCES = ["bbc-news", "cnn", "reuters", "the-verge"]

async def get_articles(session, source):
    url = f"https://newsapi.example/delay/{len(source) % 3 + 1}?source={source}"
    print("requesting", source)
    async with session.get(url) as resp:
        data = await resp.json()
        print("got", source, "status", resp.status)
        return data["url"]

async def main():
    start = time.time()
    async with aiohttp.ClientSession() as session:
        titles = await asyncio.gather(*(get_articles(session, s) for s in SOURCES))
    for t in titles:
        print(t)
    print(f"took {time.time() - start:.2f} seconds")

asyncio.run(main())
