"""bench/embeddings/threads: see that script. Runs with any python3 >= 3.10."""

import json
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "python", "tests"))

import embedding_envs as envs  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from embed import minilm_model  # noqa: E402

MEASURE = r'''
import json, random, sys, threading, time
from kaelio_ktx.embeddings.embedder import Embedder
random.seed(3)
words = "the quick brown fox jumps over a lazy dog while hello world counts one two three".split()
texts = [" ".join(random.choice(words) for _ in range(random.randint(5, 30))) for _ in range(600)]
embedder = Embedder(sys.argv[1])
embedder.embed(texts[:32])
started = time.perf_counter()
for start in range(0, len(texts), 32):
    embedder.embed(texts[start:start + 32])
one_client = len(texts) / (time.perf_counter() - started)
def client(chunk):
    for start in range(0, len(chunk), 8):
        embedder.embed(chunk[start:start + 8])
threads = [threading.Thread(target=client, args=(texts[k::8],)) for k in range(8)]
started = time.perf_counter()
for thread in threads: thread.start()
for thread in threads: thread.join()
print(json.dumps({"one": one_client, "eight": len(texts) / (time.perf_counter() - started)}))
'''


def measure(path, threads):
    env = dict(os.environ, PYTHONPATH=envs.SRC_DIR, KTX_EMBEDDING_THREADS=threads)
    output = subprocess.run([envs.runtime_python(), "-c", MEASURE, path], env=env, check=True,
                            stdout=subprocess.PIPE, universal_newlines=True).stdout
    return json.loads(output)


def main():
    path = minilm_model()
    cpus = str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())
    runs = {"default": [], "cpus": []}
    for _ in range(3):  # interleaved, so a noisy minute hits both
        runs["default"].append(measure(path, "0"))
        runs["cpus"].append(measure(path, cpus))
    best = {name: {k: max(r[k] for r in results) for k in ("one", "eight")}
            for name, results in runs.items()}
    for key, what in (("one", "one client, batches of 32"), ("eight", "8 clients, batches of 8")):
        print("%s: onnxruntime default %.0f texts/s, %s threads %.0f texts/s, ratio %.2fx" % (
            what, best["default"][key], cpus, best["cpus"][key],
            best["cpus"][key] / best["default"][key]))


if __name__ == "__main__":
    main()
