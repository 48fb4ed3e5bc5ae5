# conformance: stamp
# Talk Python transcript: an async view awaiting two async services built on aiohttp.
import asyncio
import aiohttp

async def get_lat_long(zip_code, country):
    url = f"https://location.example/api/{zip_code}/{country}/delay/1"
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            data = await response.json()
            print("location service answered", response.status)
            return len(data["url"]) / 10, -len(zip_code) * 1.5

async def for_today(lat, long):
    url = f"https://sun.example/json?lat={lat}&lng={long}"
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            data = await response.json()
            print("sun service answered", response.status)
            return {"sunrise": "06:12", "url": data["url"]}

async def sun_view(zip_code):
    lat, long = await get_lat_long(zip_code, "us")
    sun = await for_today(lat, long)
    return lat, long, sun

async def main():
    results = await asyncio.gather(sun_view("97227"), sun_view("10001"))
    for r in results:
        print(r)

asyncio.run(main())
