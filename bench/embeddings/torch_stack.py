"""C, the peer's stack: a model's texts embedded by sentence-transformers on torch (CPU), in
this one Python process, as a user of the TypeScript ktx's runtime would. Runs in a venv with
sentence-transformers; prints one JSON object.

    python torch_stack.py MODEL_DIR TEXTS_FILE BATCH...   texts/s at each batch size

sentence-transformers sorts the texts by length itself; torch keeps its own thread count."""

import json
import resource
import sys
import time

import torch
from sentence_transformers import SentenceTransformer


def main(directory, texts_file, *batches):
    with open(texts_file, encoding="utf-8") as handle:
        texts = handle.read().splitlines()
    model = SentenceTransformer(directory, device="cpu")
    model.encode(texts[:64], batch_size=64)
    result = {"torch_threads": torch.get_num_threads()}
    for batch in batches:
        started = time.perf_counter()
        vectors = model.encode(texts, batch_size=int(batch), convert_to_numpy=True)
        result[batch] = len(texts) / (time.perf_counter() - started)
    result["first_vectors"] = vectors[:3].tolist()
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
