"""Texts to vectors: tokenizers, then the transformer's ONNX graph on
onnxruntime, then the model's pooling and normalisation.

Inputs are cut at max_seq_length as sentence-transformers cuts them (its
tokenizer counts [CLS] and [SEP] in the limit, as tokenizers does here), and
batched by length so that short texts are not padded to the longest one of
the request; results come back in input order.
"""

import os
from typing import List, NamedTuple

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

from kaelio_ktx.embeddings import pooling
from kaelio_ktx.embeddings.errors import InputTooLong

BATCH_SIZE = 32
# Names the token-level output goes by in exports of sentence-transformers
# and optimum; otherwise the graph's first output of rank 3.
TOKEN_OUTPUTS = ("last_hidden_state", "token_embeddings")
THREADS_ENV = "KTX_EMBEDDING_THREADS"


class Tokenized(NamedTuple):
    encodings: list  # tokenizers' Encoding per input
    tokens: List[int]  # tokens the model reads, per input
    truncated: List[bool]


class OnnxEncoder:
    def __init__(self, config):
        self.config = config
        self._tokenizer = Tokenizer.from_file(config.tokenizer_path)
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=config.max_seq_length)
        self._pad_id = self._tokenizer.token_to_id("[PAD]") or 0
        self._session = onnxruntime.InferenceSession(
            config.onnx_path, _session_options(), providers=["CPUExecutionProvider"])
        self._inputs = {graph_input.name for graph_input in self._session.get_inputs()}
        self._output = _token_output(self._session)
        self.dimensions = int(self.infer(self.tokenize(["dimensions"]).encodings).shape[1])

    def tokenize(self, texts, truncate=True):
        """`texts` (a non-empty list: the request schema refuses empty ones) as the
        model's tokens; InputTooLong names the first one over max_seq_length when
        `truncate` is false."""
        if self.config.lowercase:
            texts = [text.lower() for text in texts]
        encodings = self._tokenizer.encode_batch(texts)
        truncated = [bool(encoding.overflowing) for encoding in encodings]
        if not truncate and any(truncated):
            raise InputTooLong(truncated.index(True), self.config.max_seq_length)
        return Tokenized(encodings, [len(encoding.ids) for encoding in encodings], truncated)

    def infer(self, encodings):
        """The (inputs, dimensions) float32 vectors of `encodings` (from tokenize), in
        their order: the model runs on batches of similar length, so short texts are
        not padded to long ones."""
        vectors = [None] * len(encodings)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            for index, vector in zip(batch, self._run([encodings[i] for i in batch])):
                vectors[index] = vector
        return np.stack(vectors)

    def shorten(self, vectors, dimensions):
        """The first `dimensions` of each vector, normalised again if the model normalises."""
        vectors = vectors[:, :dimensions]
        if self.config.normalize:
            vectors = pooling.normalize(vectors).astype(np.float32)
        return vectors

    def _run(self, encodings):
        width = max(len(encoding.ids) for encoding in encodings)
        ids = np.full((len(encodings), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        types = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            ids[row, :length] = encoding.ids
            mask[row, :length] = 1
            types[row, :length] = encoding.type_ids
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        token_embeddings = self._session.run(
            [self._output], {name: feed[name] for name in self._inputs if name in feed})[0]
        vectors = pooling.pool(self.config.pooling_modes, token_embeddings, mask)
        if self.config.normalize:
            vectors = pooling.normalize(vectors)
        return vectors.astype(np.float32)


def _session_options():
    options = onnxruntime.SessionOptions()
    # onnxruntime's warnings go to stderr, which is the daemon's log file.
    options.log_severity_level = 3
    options.intra_op_num_threads = intra_op_threads(os.environ)
    return options


def intra_op_threads(environ):
    """Threads of a run of the model: KTX_EMBEDDING_THREADS, else the CPUs this
    process may use (one run at a time: see batcher).

    Measured (bench/embeddings/threads, a MiniLM-sized BERT, 2 cores): batches
    of 32 get 1.66x the texts/s of onnxruntime's default (which ran one thread
    here).
    """
    configured = environ.get(THREADS_ENV, "").strip()
    if configured.isdigit():
        return int(configured)  # 0: onnxruntime's own choice
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 0


def _token_output(session):
    outputs = session.get_outputs()
    for name in TOKEN_OUTPUTS:
        if any(output.name == name for output in outputs):
            return name
    for output in outputs:
        if len(output.shape or ()) == 3:
            return output.name
    raise ValueError("the ONNX graph has no token-level output (batch, sequence, hidden)")
