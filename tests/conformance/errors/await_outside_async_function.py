# await used inside a plain (non-async) function.
import asyncio
def main():
    await asyncio.sleep(1)
main()
