"""Simulated `aiohttp` client: only entering `session.get(url)` suspends (once)."""
import asyncio as _asyncio

from _looplab_latency import body as _body, latency as _latency


class ClientResponse:
    def __init__(self, url):
        self.url = url
        self.status = 200
        self._body = _body(url)

    async def text(self):
        return self._body

    async def json(self):
        return {"url": self.url}


class _RequestContextManager:
    def __init__(self, url):
        self._url = url

    async def __aenter__(self):
        await _asyncio.sleep(_latency(self._url))
        return ClientResponse(self._url)

    async def __aexit__(self, exc_type, exc, tb):
        return None


class ClientSession:
    def __init__(self, *args, **kwargs):
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.closed = True
        return None

    def get(self, url, *args, **kwargs):
        return _RequestContextManager(url)

    async def close(self):
        self.closed = True
