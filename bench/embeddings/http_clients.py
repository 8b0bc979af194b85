"""Clients of a running daemon's /v1/embeddings, for latency and concurrency. Standard library
only; asks for base64 float32 as `ktx embed` does. Prints one JSON object.

    python3 http_clients.py DAEMON_JSON TEXTS_FILE latency COUNT
        one-text requests over one kept-alive http.client connection: milliseconds each
    python3 http_clients.py DAEMON_JSON TEXTS_FILE concurrency CLIENTS BATCH
        CLIENTS threads, each sending its share of the texts in batches of BATCH: texts/s"""

import base64
import http.client
import json
import sys
import threading
import time


class Client:
    def __init__(self, daemon):
        self.connection = http.client.HTTPConnection(daemon["host"], daemon["port"], timeout=120)
        self.headers = {"Authorization": "Bearer " + daemon["token"],
                        "Content-Type": "application/json"}

    def embed(self, texts):
        body = json.dumps({"input": texts, "encoding_format": "base64"})
        self.connection.request("POST", "/v1/embeddings", body, self.headers)
        response = self.connection.getresponse()
        answer = response.read()
        if response.status != 200:
            raise RuntimeError("daemon answered %d: %s" % (response.status, answer[:300]))
        data = json.loads(answer)["data"]
        return [base64.b64decode(item["embedding"]) for item in data]


def latency(daemon, texts, count):
    client = Client(daemon)
    client.embed(texts[:1])
    timings = []
    for text in (texts * 10)[:count]:
        started = time.perf_counter()
        client.embed([text])
        timings.append((time.perf_counter() - started) * 1000)
    return {"ms": timings}


def concurrency(daemon, texts, clients, batch):
    failures = []

    def send(share):
        client = Client(daemon)
        try:
            for start in range(0, len(share), batch):
                client.embed(share[start:start + batch])
        except Exception as error:  # reported, not lost in a thread
            failures.append(repr(error))

    Client(daemon).embed(texts[:batch])
    threads = [threading.Thread(target=send, args=(texts[k::clients],)) for k in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError("%d clients failed: %s" % (len(failures), failures[0]))
    return {"texts_per_s": len(texts) / elapsed}


def main(daemon_json, texts_file, mode, *arguments):
    with open(daemon_json, encoding="utf-8") as handle:
        daemon = json.load(handle)
    with open(texts_file, encoding="utf-8") as handle:
        texts = handle.read().splitlines()
    numbers = [int(argument) for argument in arguments]
    result = latency(daemon, texts, *numbers) if mode == "latency" else \
        concurrency(daemon, texts, *numbers)
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
