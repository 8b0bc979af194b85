"""Local text embeddings: model resolution and loading, tokenising, inference
and pooling, equal to what sentence-transformers computes for the same model.

- `config`: what a model directory says of itself (pooling, normalisation,
  truncation, its files), read with the standard library only;
- `resolve`: a local directory, or a Hugging Face repository id fetched into
  the standard Hugging Face cache (only the files needed);
- `pooling`: the sentence-transformers pooling modes and normalisation, in
  numpy;
- `encoder`: tokenizers + onnxruntime over batches sorted by length;
- `batcher`: one worker that runs the model over the texts of every request
  waiting, merged (micro-batching);
- `embedder`: the one object the daemon holds: loads once, on first use or
  at start, and embeds.

Imports neither kaelio_ktx.http nor kaelio_ktx.daemon. numpy, tokenizers and
onnxruntime are imported by `encoder` and `pooling` only, so the rest stays
importable (and testable) without them.
"""
