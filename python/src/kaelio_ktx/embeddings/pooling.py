"""sentence-transformers' pooling modes and its Normalize module, in numpy.

Each mode follows `sentence_transformers...Pooling._forward_padded` for
right-padded batches; several modes are concatenated in the order given.
"""

import numpy as np

# sentence-transformers clamps the token count so an empty mask cannot divide by 0.
MIN_COUNT = 1e-9
# torch.nn.functional.normalize's default eps.
MIN_NORM = 1e-12


def pool(modes, token_embeddings, attention_mask):
    """(batch, sequence, hidden) and (batch, sequence) -> (batch, hidden * len(modes))."""
    mask = attention_mask.astype(token_embeddings.dtype)[:, :, None]
    pooled = [_POOLERS[mode](token_embeddings, mask) for mode in modes]
    return pooled[0] if len(pooled) == 1 else np.concatenate(pooled, axis=1)


def normalize(vectors):
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, MIN_NORM)


def _cls(embeddings, _mask):
    return embeddings[:, 0]


def _max(embeddings, mask):
    return np.where(mask > 0, embeddings, -np.inf).max(axis=1)


def _token_sums(embeddings, mask):
    return (embeddings * mask).sum(axis=1), np.maximum(mask.sum(axis=1), MIN_COUNT)


def _mean(embeddings, mask):
    sums, counts = _token_sums(embeddings, mask)
    return sums / counts


def _mean_sqrt_len(embeddings, mask):
    sums, counts = _token_sums(embeddings, mask)
    return sums / np.sqrt(counts)


def _weighted_mean(embeddings, mask):
    positions = np.arange(1, embeddings.shape[1] + 1, dtype=embeddings.dtype)[None, :, None]
    weights = mask * positions
    return (embeddings * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), MIN_COUNT)


def _last_token(embeddings, mask):
    last = mask[:, :, 0].sum(axis=1).astype(np.int64) - 1
    return embeddings[np.arange(embeddings.shape[0]), np.maximum(last, 0)]


_POOLERS = {
    "cls": _cls,
    "max": _max,
    "mean": _mean,
    "mean_sqrt_len_tokens": _mean_sqrt_len,
    "weightedmean": _weighted_mean,
    "lasttoken": _last_token,
}
