"""Builds a model of all-MiniLM-L6-v2's shape from seeded weights, in the layout a Hugging Face
repository ships (sentence-transformers' files, model.safetensors, tokenizer.json and
onnx/model.onnx), so that ktx's daemon, onnxruntime and sentence-transformers all read the
same model. Nothing is downloaded.

    <tools venv python> build_minilm.py OUT_DIR

Runs in the tests' tools environment (python/tests/embedding_envs.py)."""

import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python", "tests", "fixtures"))
sys.path.insert(0, HERE)

import build_models  # noqa: E402
import corpus  # noqa: E402
import torch  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402
from sentence_transformers.models import Normalize, Pooling, Transformer  # noqa: E402
from transformers import BertConfig, BertModel  # noqa: E402

# all-MiniLM-L6-v2: 6 layers, 384 hidden, 12 heads, 1536 intermediate, inputs cut at 256 tokens,
# mean pooling, normalised. Its vocabulary of 30,522 only makes the embedding table bigger.
SHAPE = dict(hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
             intermediate_size=1536, max_position_embeddings=512)
MAX_SEQ_LENGTH = 256


def main(out_dir):
    base = build_models.vocabulary()
    tokens = base + [word for word in corpus.words() if word not in set(base)]
    tokenizer = build_models.bert_tokenizer(tokens)
    torch.manual_seed(1)
    bert = BertModel(BertConfig(vocab_size=len(tokenizer), **SHAPE)).eval()
    with tempfile.TemporaryDirectory() as scratch:
        bert.save_pretrained(scratch)
        tokenizer.save_pretrained(scratch)
        modules = [Transformer(scratch, max_seq_length=MAX_SEQ_LENGTH),
                   Pooling(SHAPE["hidden_size"], pooling_mode="mean"), Normalize()]
        SentenceTransformer(modules=modules, device="cpu").save(out_dir)
    build_models.export_onnx(bert, os.path.join(out_dir, "onnx", "model.onnx"))


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]))
