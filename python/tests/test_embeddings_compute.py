"""kaelio_ktx.embeddings computes what sentence-transformers computes.

The models are tiny seeded BERTs in the real layout, and the references are
`SentenceTransformer(<dir>).encode(...)` of the very files the daemon reads
(fixtures/build_models.py, in the tools environment). kaelio_ktx.embeddings
runs in the runtime environment (the local-embeddings extra, no torch),
through fixtures/run_embedder.py.
"""

import json
import math
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import embedding_envs as envs  # noqa: E402

RUNNER = os.path.join(envs.TESTS_DIR, "fixtures", "run_embedder.py")


def run_jobs(jobs, **env):
    result = subprocess.run(
        [envs.runtime_python(), RUNNER], input=json.dumps(jobs), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, universal_newlines=True, timeout=300,
        env=dict(os.environ, PYTHONPATH=envs.SRC_DIR, PYTHONDONTWRITEBYTECODE="1", **env))
    if result.returncode != 0:
        raise AssertionError("run_embedder.py failed:\n" + result.stderr[-3000:])
    return json.loads(result.stdout)


def normalized(vector):
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / max(norm, 1e-12) for x in vector]


class EmbeddingsTestCase(envs.VectorAssertions, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixtures = envs.fixture_models()
        cls.texts = cls.fixtures["texts"]
        cls.models = cls.fixtures["models"]


class EqualsSentenceTransformersTest(EmbeddingsTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        jobs = []
        for name in sorted(cls.models):
            path = cls.models[name]["path"]
            jobs.append({"op": "embed", "model": path, "texts": cls.texts})
            # One at a time, and in another order: batches must not matter.
            jobs += [{"op": "embed", "model": path, "texts": [text]} for text in cls.texts]
            jobs.append({"op": "embed", "model": path, "texts": cls.texts[::-1]})
        jobs.append({"op": "modules"})
        cls.results = run_jobs(jobs)
        cls.per_model = len(cls.texts) + 2

    def results_of(self, name):
        start = sorted(self.models).index(name) * self.per_model
        return self.results[start:start + self.per_model]

    def test_every_model_gives_sentence_transformers_vectors(self):
        self.assertEqual(sorted(self.models), ["cls-plain", "max-mean-sqrt-len", "mean-normalized"])
        for name, model in self.models.items():
            with self.subTest(model=name):
                batch = self.results_of(name)[0]
                self.assert_vectors_equal(batch["vectors"], model["embeddings"], name)
                self.assertEqual(batch["dimensions"], model["dimensions"])

    def test_alone_or_reordered_the_vectors_are_the_same(self):
        for name, model in self.models.items():
            with self.subTest(model=name):
                results = self.results_of(name)
                alone = [result["vectors"][0] for result in results[1:-1]]
                self.assert_vectors_equal(alone, model["embeddings"], name + " alone")
                self.assert_vectors_equal(results[-1]["vectors"][::-1], model["embeddings"],
                                          name + " reversed")

    def test_truncation_and_token_counts_are_those_of_sentence_transformers(self):
        for name, model in self.models.items():
            with self.subTest(model=name):
                batch = self.results_of(name)[0]
                self.assertEqual(batch["truncated"], model["truncated"])
                self.assertIn(True, model["truncated"], "the texts must cross the limit")
                self.assertIn(False, model["truncated"])
                self.assertEqual(batch["tokens"], sum(model["tokens"]))

    def test_the_model_is_loaded_on_first_use_and_kept(self):
        results = self.results_of("cls-plain")
        self.assertFalse(results[0]["loaded_before"])
        self.assertTrue(all(result["loaded_before"] for result in results[1:]))

    def test_embeddings_import_neither_http_nor_daemon_nor_torch(self):
        imported = self.results[-1]
        self.assertIn("kaelio_ktx.embeddings.encoder", imported)
        self.assertEqual([m for m in imported if m.split(".")[0] != "kaelio_ktx"
                          or m.startswith(("kaelio_ktx.http", "kaelio_ktx.daemon"))], [])


class RequestOptionsTest(EmbeddingsTestCase):
    def test_dimensions_cut_and_normalise_again_when_the_model_normalises(self):
        for name in ("mean-normalized", "cls-plain"):
            with self.subTest(model=name):
                model = self.models[name]
                result = run_jobs([{"op": "embed", "model": model["path"],
                                    "texts": self.texts, "dimensions": 8}])[0]
                cut = [vector[:8] for vector in model["embeddings"]]
                expected = [normalized(v) for v in cut] if model["normalized"] else cut
                self.assert_vectors_equal(result["vectors"], expected, name)

    def test_more_dimensions_than_the_model_has_is_refused(self):
        model = self.models["cls-plain"]
        result = run_jobs([{"op": "embed", "model": model["path"], "texts": ["a"],
                            "dimensions": model["dimensions"] + 1}])[0]
        self.assertEqual(result["error"], "DimensionsTooLarge")

    def test_without_truncation_an_over_long_input_is_named(self):
        model = self.models["mean-normalized"]
        result = run_jobs([{"op": "embed", "model": model["path"], "texts": self.texts,
                            "truncate": False}])[0]
        self.assertEqual(result["error"], "InputTooLong")
        self.assertEqual(result["index"], model["truncated"].index(True))
        self.assertIn("max_seq_length of %d" % model["max_seq_length"], result["message"])

    def test_concurrent_first_requests_load_the_model_once(self):
        model = self.models["mean-normalized"]
        result = run_jobs([{"op": "concurrent", "model": model["path"],
                            "texts": self.texts[:3], "threads": 8}])[0]
        self.assertEqual(result["loads"], 1)
        for vectors in result["vectors"]:
            self.assert_vectors_equal(vectors, model["embeddings"][:3], "concurrent")


if __name__ == "__main__":
    unittest.main()
