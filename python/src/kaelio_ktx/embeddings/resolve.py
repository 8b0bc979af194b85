"""Where a model's files are: a local directory as it is, or a Hugging Face
repository id fetched into the standard Hugging Face cache.

Only the files the daemon reads are fetched (`allow_patterns`), never a whole
repository, which also holds PyTorch, TensorFlow, Rust and OpenVINO weights.
The cache is huggingface_hub's own (`HF_HOME`, `HF_HUB_CACHE`), shared with
every other tool that uses it, and `HF_HUB_OFFLINE=1` is honoured there.
"""

import os
import re

from kaelio_ktx.embeddings.config import ONNX_PATHS
from kaelio_ktx.embeddings.errors import ModelUnavailable, first_line

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_ENV = "KTX_EMBEDDING_MODEL"
FILES_NEEDED = (
    "modules.json", "sentence_bert_config.json", "config.json",
    "tokenizer.json", "tokenizer_config.json", "*/config.json",
) + ONNX_PATHS + tuple(path + "_data" for path in ONNX_PATHS)
# owner/name as the hub spells repository ids.
REPOSITORY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$")
FIX = "set KTX_EMBEDDING_MODEL to a local model directory"


def configured_model(option, environ):
    """--model wins over KTX_EMBEDDING_MODEL; then the default."""
    return option or environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL


def model_directory(name):
    """The local directory holding `name`'s files, fetching them if needed."""
    if os.path.isdir(name):
        return os.path.abspath(name)
    if _looks_like_a_path(name) or not REPOSITORY_ID.match(name):
        raise ModelUnavailable(
            "Embedding model %s is neither a directory nor a Hugging Face repository id: "
            "%s." % (name, FIX))
    return _fetch(name)


def _looks_like_a_path(name):
    return (os.path.isabs(name) or name.startswith(("~", "./", "../"))
            or name.count("/") > 1 or (os.sep != "/" and os.sep in name))


def _fetch(repository):
    from huggingface_hub import constants, snapshot_download
    try:
        return snapshot_download(repo_id=repository, allow_patterns=list(FILES_NEEDED))
    except Exception as error:  # offline, not cached, no such repository, network
        raise ModelUnavailable(
            "Embedding model %s cannot be fetched from Hugging Face into the cache %s (%s): "
            "%s, or fetch it once with network access%s." % (
                repository, constants.HF_HUB_CACHE,
                "%s: %s" % (type(error).__name__, first_line(error)), FIX,
                " (HF_HUB_OFFLINE is set)" if constants.HF_HUB_OFFLINE else ""))

