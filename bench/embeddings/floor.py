"""B, the floor: a model's texts embedded by onnxruntime in this one Python process, the
least any server of the same model can cost. Runs in the runtime's venv (onnxruntime,
tokenizers, numpy); prints one JSON object.

    python floor.py MODEL_DIR TEXTS_FILE throughput BATCH...   texts/s at each batch size
    python floor.py MODEL_DIR TEXTS_FILE latency COUNT         one-text calls, milliseconds

Everything a fast in-process caller would do: all texts tokenised in one call, sorted by
length before batching (so nothing is padded far), one onnxruntime thread per CPU (what the
daemon uses; measured faster than onnxruntime's default on this machine), mean pooling and
normalisation in numpy, as the models built for the benchmark ask."""

import json
import os
import resource
import sys
import time

import numpy as np
import onnxruntime
from tokenizers import Tokenizer


class Floor:
    def __init__(self, directory):
        max_length = (_json(directory, "sentence_bert_config.json").get("max_seq_length")
                      or _json(directory, "tokenizer_config.json")["model_max_length"])
        self.tokenizer = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_length)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = len(os.sched_getaffinity(0))
        self.session = onnxruntime.InferenceSession(
            os.path.join(directory, "onnx", "model.onnx"), options,
            providers=["CPUExecutionProvider"])

    def embed(self, texts, batch):
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        vectors = [None] * len(texts)
        for start in range(0, len(order), batch):
            chosen = order[start:start + batch]
            for index, vector in zip(chosen, self._run([encodings[i] for i in chosen])):
                vectors[index] = vector
        return vectors

    def _run(self, encodings):
        width = max(len(encoding.ids) for encoding in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = encoding.ids
            mask[row, :len(encoding.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _json(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as handle:
        return json.load(handle)


def main(directory, texts_file, mode, *arguments):
    with open(texts_file, encoding="utf-8") as handle:
        texts = handle.read().splitlines()
    floor = Floor(directory)
    floor.embed(texts[:64], 64)  # warm-up: onnxruntime plans its first shapes
    result = {}
    if mode == "throughput":
        for batch in arguments:
            started = time.perf_counter()
            vectors = floor.embed(texts, int(batch))
            result[batch] = len(texts) / (time.perf_counter() - started)
        result["first_vectors"] = [vector.tolist() for vector in vectors[:3]]
    else:
        timings = []
        for text in (texts * 10)[:int(arguments[0])]:
            started = time.perf_counter()
            floor.embed([text], 1)
            timings.append((time.perf_counter() - started) * 1000)
        result["ms"] = timings
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
