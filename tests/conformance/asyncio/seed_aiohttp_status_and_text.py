# conformance: stamp
# Slides: the aiohttp client pattern, printing status and body.
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession(trust_env=True) as session:
        async with session.get("https://www.bbc.co.uk/rd/projects/cloud-fit-production") as resp:
            print(resp.status)
            print(await resp.text())
        async with session.get("https://httpbin.org/delay/1.5") as resp:
            data = await resp.json()
            print(type(data).__name__, data["url"])
    print("session closed:", session.closed)

asyncio.run(main())
