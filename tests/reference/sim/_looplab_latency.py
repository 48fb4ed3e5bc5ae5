"""Latency of the simulated web: httpbin's /delay/N convention, else 0.1 s; the body
of every answer: json.dumps({"url": url})."""
import json
import re
import urllib.parse

_DELAY = re.compile(r"/delay/(\d+(?:\.\d*)?|\.\d+)$")


def latency(url):
    match = _DELAY.search(urllib.parse.urlsplit(str(url)).path)
    if match is None:
        return 0.1
    text = match.group(1)
    return float(text) if "." in text else int(text)


def body(url):
    return json.dumps({"url": url})
