"""A′, where A's time goes: the daemon's own embedding code (kaelio_ktx.embeddings, as installed in
the runtime) in this one Python process, fed BATCH texts at a time as `ktx embed --batch-size BATCH`
feeds the daemon. A′ against B is what the daemon's code and per-request sorting cost; A against A′
is what HTTP, the daemon's serving and ktx's Java side cost. Prints one JSON object.

    python in_process.py MODEL_DIR TEXTS_FILE BATCH...   texts/s at each batch size"""

import json
import sys
import time

from kaelio_ktx.embeddings.embedder import Embedder


def main(directory, texts_file, *batches):
    with open(texts_file, encoding="utf-8") as handle:
        texts = handle.read().splitlines()
    embedder = Embedder(directory)
    embedder.embed(texts[:64])
    result = {}
    for batch in batches:
        size = int(batch)
        started = time.perf_counter()
        for start in range(0, len(texts), size):
            embedder.embed(texts[start:start + size])
        result[batch] = len(texts) / (time.perf_counter() - started)
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
