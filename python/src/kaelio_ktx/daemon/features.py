"""What this environment offers: `core` always, `local-embeddings` when the
packages that compute embeddings really import.

Detection lives here and only here, so every part of the daemon agrees on it.
"""

import importlib

# The `local-embeddings` extra of pyproject.toml, by import name.
EMBEDDING_MODULES = ("numpy", "tokenizers", "onnxruntime", "huggingface_hub")


def detect_features(log):
    """Features that really work here, in the contract's order.

    Checked once, before the ready file: "ready" includes knowing what is
    offered, and /health must never change its answer. Importing them here
    also spares the first embedding request their import time.
    """
    features = ["core"]
    missing = _unimportable(EMBEDDING_MODULES)
    if missing:
        log.event("features", "local-embeddings unavailable: %s" % missing)
    else:
        features.append("local-embeddings")
    return features


def _unimportable(modules):
    """Why the first module that does not import fails, or None."""
    for name in modules:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                return "%s is not installed" % name
            return "%s: %s" % (name, error)
        except Exception as error:  # a broken package raises more than ImportError
            return "%s: %r" % (name, error)
    return None
