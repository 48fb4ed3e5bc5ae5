"""Sleep and gather: one after another, or at the same time
Lesson: Async basics

main fetches some data from an API, then sends it to two users, mario and luigi.
The first time every call is simply awaited: the code is asynchronous, but it is
used synchronously, so luigi waits until mario has been served. The second time
the two sends go to asyncio.gather, and both run at the same time.

Watch the clock when the two sends start: one after the other, then together.
await means "wait for this before the next line"; gather means "run all of these
and wait for all of them".
"""
import asyncio
import time

FETCH_TIME = 2.5  # @param 0.5..10 step 0.5 seconds the API needs to answer
SEND_TIME = 2.0  # @param 0.5..10 step 0.5 seconds to send the data to one user


async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(FETCH_TIME)  # @note fetch_data waits for the API, and main waits for fetch_data.
    print("Data fetched")
    return {"data": "API data"}


async def send_data(to_user):
    print(f"Sending data to {to_user}...")
    await asyncio.sleep(SEND_TIME)  # @note A send is waiting on the network here.
    print(f"Data sent to {to_user}")


async def one_after_another():
    data = await fetch_data()
    print(f"Data: {data}")
    await send_data("mario")  # @note A plain await: luigi's turn only comes when mario is done.
    await send_data("luigi")


async def at_the_same_time():
    data = await fetch_data()  # @note We still need the data before we can send it, so this stays a plain await.
    print(f"Data: {data}")
    await asyncio.gather(send_data("mario"), send_data("luigi"))  # @note gather starts both sends and waits for both.


async def main():
    print("--- await, await ---")
    start = time.perf_counter()
    await one_after_another()
    sequential = time.perf_counter() - start
    print(f"Took {sequential:.1f} s")

    print("--- await, then gather ---")
    start = time.perf_counter()
    await at_the_same_time()
    together = time.perf_counter() - start
    print(f"Took {together:.1f} s")
    print(f"gather saved {sequential - together:.1f} s")


asyncio.run(main())
