# conformance: stamp
# Course page (get_news_sync.py): fetch several sources one after another with requests.
import time
import requests

SOURCES = ["bbc-news", "cnn", "reuters", "the-verge"]

def get_articles(source):
    url = f"https://newsapi.example/delay/{len(source) % 3 + 1}?source={source}"
    resp = requests.get(url)
    print("got", source, "status", resp.status_code)
    return resp.json()["url"]

start = time.time()
titles = [get_articles(s) for s in SOURCES]
for t in titles:
    print(t)
print(f"took {time.time() - start:.2f} seconds")
