"""What a sentence-transformers model directory says of itself.

Never assumed: pooling comes from the Pooling module's `config.json`,
normalisation from a Normalize module in `modules.json`, truncation from
`sentence_bert_config.json` (or, as sentence-transformers falls back, the
tokenizer's `model_max_length` capped at the model's positions), tokenising
from `tokenizer.json`. Both forms of the pooling configuration are read: the
`pooling_mode_*_tokens` flags most models on the hub carry, and the
`pooling_mode` name sentence-transformers 5 and later write.
"""

import json
import os
from dataclasses import dataclass
from typing import Tuple

from kaelio_ktx.embeddings.errors import ModelUnavailable

# Where the ONNX graph of the transformer may be, first match wins: the
# layout of sentence-transformers' own repositories, then a bare export.
ONNX_PATHS = ("onnx/model.onnx", "model.onnx")
# Legacy flags, in the order sentence-transformers concatenates the modes.
LEGACY_POOLING_FLAGS = (
    ("pooling_mode_cls_token", "cls"),
    ("pooling_mode_max_tokens", "max"),
    ("pooling_mode_mean_tokens", "mean"),
    ("pooling_mode_mean_sqrt_len_tokens", "mean_sqrt_len_tokens"),
    ("pooling_mode_weightedmean_tokens", "weightedmean"),
    ("pooling_mode_lasttoken", "lasttoken"),
)
POOLING_MODES = frozenset(mode for _, mode in LEGACY_POOLING_FLAGS)
# A tokenizer's model_max_length of "no limit" is a huge sentinel (1e30).
NO_LIMIT = 1_000_000


@dataclass(frozen=True)
class ModelConfig:
    directory: str
    onnx_path: str
    tokenizer_path: str
    pooling_modes: Tuple[str, ...]
    normalize: bool
    max_seq_length: int
    lowercase: bool


def read_model_config(directory, name):
    """The configuration of the model in `directory`; `name` is for messages.

    Raises ModelUnavailable naming the missing or unreadable file.
    """
    files = _ModelFiles(directory, name)
    pooling_path, normalize = _modules(files)
    sbert = files.json("sentence_bert_config.json", required=False) or {}
    return ModelConfig(
        directory=directory,
        onnx_path=_onnx_path(files),
        tokenizer_path=files.require("tokenizer.json"),
        pooling_modes=_pooling_modes(files, pooling_path),
        normalize=normalize,
        max_seq_length=_max_seq_length(files, sbert),
        lowercase=bool(sbert.get("do_lower_case", False)),
    )


class _ModelFiles:
    def __init__(self, directory, name):
        self.directory = directory
        self.name = name

    def path(self, relative):
        return os.path.join(self.directory, *relative.split("/"))

    def require(self, relative):
        path = self.path(relative)
        if not os.path.isfile(path):
            raise self.unusable("it has no %s" % relative)
        return path

    def json(self, relative, required=True):
        path = self.path(relative)
        if not os.path.isfile(path):
            if required:
                raise self.unusable("it has no %s" % relative)
            return None
        try:
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError) as error:
            raise self.unusable("its %s cannot be read (%s)" % (relative, error))

    def unusable(self, reason):
        return ModelUnavailable(
            "Embedding model %s in %s cannot be used: %s. Set KTX_EMBEDDING_MODEL to a "
            "sentence-transformers model directory with an ONNX graph."
            % (self.name, self.directory, reason))


def _modules(files):
    """(the Pooling module's directory, whether a Normalize module follows)."""
    modules = files.json("modules.json")
    if not isinstance(modules, list):
        raise files.unusable("its modules.json is not a list of modules")
    pooling_path, normalize = None, False
    for module in sorted(modules, key=lambda m: m.get("idx", 0) if isinstance(m, dict) else 0):
        kind = str(module.get("type", "")).rsplit(".", 1)[-1] if isinstance(module, dict) else ""
        if kind == "Transformer":
            continue
        if kind == "Pooling" and pooling_path is None and not normalize:
            pooling_path = str(module.get("path") or "")
        elif kind == "Normalize" and pooling_path is not None:
            normalize = True
        else:
            raise files.unusable("its modules.json lists a %s module, which ktx does not "
                                 "support (only Transformer, Pooling and Normalize)"
                                 % (kind or repr(module)))
    if pooling_path is None:
        raise files.unusable("its modules.json lists no Pooling module")
    return pooling_path, normalize


def _pooling_modes(files, pooling_path):
    relative = (pooling_path + "/config.json") if pooling_path else "config.json"
    config = files.json(relative)
    if not isinstance(config, dict):
        raise files.unusable("its %s is not an object" % relative)
    declared = config.get("pooling_mode")
    if declared is None:
        modes = tuple(mode for flag, mode in LEGACY_POOLING_FLAGS if config.get(flag))
    elif isinstance(declared, str):
        modes = (declared,)
    else:
        modes = tuple(declared) if isinstance(declared, list) else ()
    unknown = [mode for mode in modes if mode not in POOLING_MODES]
    if not modes or unknown:
        raise files.unusable("its %s names no pooling mode ktx knows (%s)"
                             % (relative, ", ".join(map(str, unknown)) or "none"))
    return modes


def _onnx_path(files):
    for relative in ONNX_PATHS:
        path = files.path(relative)
        if os.path.isfile(path):
            return path
    raise files.unusable("it has no ONNX graph (%s)" % " or ".join(ONNX_PATHS))


def _max_seq_length(files, sbert):
    """Where sentence-transformers cuts inputs, in tokens."""
    declared = sbert.get("max_seq_length")
    if _positive_int(declared):
        return declared
    tokenizer_config = files.json("tokenizer_config.json", required=False) or {}
    model_config = files.json("config.json", required=False) or {}
    limits = [value for value in (tokenizer_config.get("model_max_length"),
                                  model_config.get("max_position_embeddings"))
              if _positive_int(value) and value < NO_LIMIT]
    if not limits:
        raise files.unusable("neither its sentence_bert_config.json nor its tokenizer "
                             "says how many tokens it takes (max_seq_length)")
    return min(limits)


def _positive_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
