# conformance: stamp
# Video: fetch data (2.5 s), then send it to users, first one by one, then with gather.
import asyncio

async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(2.5)
    print("Data fetched")
    return "API data"

async def send_data(to_user):
    print(f"Sending data to {to_user}...")
    await asyncio.sleep(2)
    print(f"Data sent to {to_user}")

async def main():
    data = await fetch_data()
    print("Data:", data)
    await send_data("Mario")
    await send_data("Luigi")
    await asyncio.gather(send_data("Mario"), send_data("Luigi"))

asyncio.run(main())
