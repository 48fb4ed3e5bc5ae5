# conformance: stamp
# Slides: async with on objects whose __aenter__/__aexit__ await (a provider and a reader).
import asyncio

class Reader:
    def __init__(self, flow_id):
        self.flow_id = flow_id
    async def __aenter__(self):
        print("  opening reader", self.flow_id)
        await asyncio.sleep(0.2)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("  closing reader", self.flow_id, "error:", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.1)
    async def read(self, start, count):
        await asyncio.sleep(0.5)
        return list(range(start, start + count))

class FlowProvider:
    def __init__(self, url):
        self.url = url
    async def __aenter__(self):
        print("connect", self.url)
        await asyncio.sleep(1)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("disconnect", self.url)
        return False
    def open_read(self, flow_id):
        return Reader(flow_id)

async def main():
    async with FlowProvider("store://flows") as provider:
        async with provider.open_read("flow-7") as reader:
            frames = await reader.read(720, 4)
            print("frames", frames)
        print("provider still open")
    print("done")

asyncio.run(main())
