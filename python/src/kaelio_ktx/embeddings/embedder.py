"""The embedding model a daemon serves: loaded once, then kept warm."""

import threading
from typing import List, NamedTuple

from kaelio_ktx.embeddings.batcher import Batcher
from kaelio_ktx.embeddings.config import read_model_config
from kaelio_ktx.embeddings.errors import DimensionsTooLarge, ModelUnavailable, first_line
from kaelio_ktx.embeddings.resolve import FIX, model_directory


class Embeddings(NamedTuple):
    vectors: object  # (inputs, dimensions) float32 array, in input order
    prompt_tokens: int
    truncated: List[bool]


class _Loaded(NamedTuple):
    encoder: object  # OnnxEncoder
    batcher: Batcher


class Embedder:
    """Loads `name` on first use (or `load()` at start); concurrent first
    requests load it once. A failed load is not remembered: the next request
    tries again, so a model fetched or fixed meanwhile is picked up."""

    def __init__(self, name, locate=model_directory):
        self.name = name
        self._locate = locate
        self._lock = threading.Lock()
        self._model = None

    @property
    def loaded(self):
        return self._model is not None

    @property
    def dimensions(self):
        model = self._model
        return None if model is None else model.encoder.dimensions

    def load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    encoder = self._load()
                    self._model = _Loaded(encoder, Batcher(encoder.infer))
        return self._model

    def _load(self):
        directory = self._locate(self.name)
        config = read_model_config(directory, self.name)
        from kaelio_ktx.embeddings.encoder import OnnxEncoder
        try:
            return OnnxEncoder(config)
        except Exception as error:  # onnxruntime and tokenizers raise their own types
            raise ModelUnavailable("Embedding model %s in %s cannot be loaded (%s): %s." % (
                self.name, directory, first_line(error), FIX))

    def embed(self, texts, truncate=True, dimensions=None):
        """Embeddings of `texts` (a non-empty list of non-empty strings).

        `dimensions` keeps the first n of each vector, normalised again when
        the model normalises (as for Matryoshka models). Raises
        ModelUnavailable, DimensionsTooLarge, or InputTooLong when `truncate`
        is false.
        """
        model = self.load()
        encoder = model.encoder
        if dimensions is not None and dimensions > encoder.dimensions:
            raise DimensionsTooLarge(dimensions, encoder.dimensions)
        # Tokenised here, on the request's own thread, while the model runs others' texts.
        tokenized = encoder.tokenize(texts, truncate=truncate)
        vectors = model.batcher.run(tokenized.encodings)
        if dimensions is not None and dimensions < encoder.dimensions:
            vectors = encoder.shorten(vectors, dimensions)
        return Embeddings(vectors, sum(tokenized.tokens), tokenized.truncated)
