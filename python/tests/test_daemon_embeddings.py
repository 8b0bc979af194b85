"""A real `ktx-daemon serve-http --model <dir>` serving /v1/embeddings, /v1/models
and the model in /health, to plain HTTP and to the official `openai` client.

The daemon runs in the runtime test environment (the local-embeddings extra);
its vectors must equal sentence-transformers' (references.json of the
fixture models) within 1e-5.
"""

import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402
import embedding_envs as envs  # noqa: E402

TOKEN = ds.TOKEN
OPENAI_CLIENT = os.path.join(envs.TESTS_DIR, "fixtures", "openai_client.py")


def embeddings_env(**extra):
    # No test may need the network: a model that is not local fails at once.
    return ds.daemon_env(HF_HUB_OFFLINE="1", PIP_RETRIES="0", **extra)


class EmbeddingDaemonTestCase(envs.VectorAssertions, unittest.TestCase):
    """One daemon per fixture model in MODELS, shared by the class's tests."""

    MODELS = ("mean-normalized",)

    @classmethod
    def setUpClass(cls):
        fixtures = envs.fixture_models()
        cls.texts = fixtures["texts"]
        cls.models = fixtures["models"]
        cls.daemons = {}
        cls.workspaces = []
        try:
            for name in cls.MODELS:
                workspace = ds.Workspace()
                cls.workspaces.append(workspace)
                process, ready = workspace.start(
                    "--model", cls.models[name]["path"], python=envs.runtime_python(),
                    env=embeddings_env())
                cls.daemons[name] = (process, ready["port"])
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for process, _ in cls.daemons.values():
            ds.stop(process)
        for workspace in cls.workspaces:
            workspace.close()

    def port(self, name=None):
        return self.daemons[name or self.MODELS[0]][1]

    def embed(self, payload, name=None, raw=None):
        body = raw if raw is not None else json.dumps(payload).encode("utf-8")
        return ds.request(self.port(name), "POST", "/v1/embeddings", token=TOKEN, body=body,
                          headers={"Content-Type": "application/json"})[:2]

    def assert_healthy(self, name=None):
        status, body, _ = ds.request(self.port(name), "GET", "/health", token=TOKEN)
        self.assertEqual((status, body["status"]), (200, "healthy"))


class HealthTest(EmbeddingDaemonTestCase):
    """A daemon of its own: nothing may have embedded with it before."""

    MODELS = ("max-mean-sqrt-len",)

    def test_health_names_the_model_and_loads_it_on_first_use_only(self):
        # Before any embedding request: named, not loaded, no dimensions yet.
        status, body, _ = ds.request(self.port("max-mean-sqrt-len"), "GET", "/health",
                                     token=TOKEN)
        self.assertEqual(status, 200)
        self.assertEqual(body["features"], ["core", "local-embeddings"])
        path = self.models["max-mean-sqrt-len"]["path"]
        self.assertEqual(body["model"], {"name": path, "loaded": False})
        self.assertEqual(self.embed({"input": "a"}, "max-mean-sqrt-len")[0], 200)
        body = ds.request(self.port("max-mean-sqrt-len"), "GET", "/health", token=TOKEN)[1]
        self.assertEqual(body["model"], {"name": path, "loaded": True, "dimensions": self.models["max-mean-sqrt-len"]["dimensions"]})


class EmbeddingsEndpointTest(EmbeddingDaemonTestCase):
    MODELS = ("mean-normalized", "cls-plain", "max-mean-sqrt-len")

    def test_vectors_equal_sentence_transformers_for_every_model(self):
        for name in self.MODELS:
            with self.subTest(model=name):
                model = self.models[name]
                status, body = self.embed({"input": self.texts}, name)
                self.assertEqual(status, 200, body)
                self.assertEqual(body["object"], "list")
                self.assertEqual(body["model"], model["path"])
                self.assertEqual([item["index"] for item in body["data"]],
                                 list(range(len(self.texts))))
                self.assertEqual({item["object"] for item in body["data"]}, {"embedding"})
                self.assert_vectors_equal([item["embedding"] for item in body["data"]],
                                          model["embeddings"], name)
                self.assertEqual(body["usage"], {"prompt_tokens": sum(model["tokens"]),
                                                 "total_tokens": sum(model["tokens"])})

    def test_a_single_string_is_one_embedding(self):
        model = self.models["cls-plain"]
        status, body = self.embed({"input": self.texts[3], "model": model["path"]}, "cls-plain")
        self.assertEqual(status, 200, body)
        self.assertEqual(len(body["data"]), 1)
        self.assert_vectors_equal([body["data"][0]["embedding"]], [model["embeddings"][3]])

    def test_truncated_inputs_say_so(self):
        model = self.models["mean-normalized"]
        body = self.embed({"input": self.texts})[1]
        self.assertEqual([item.get("truncated", False) for item in body["data"]],
                         model["truncated"])
        self.assertNotIn(False, [item.get("truncated") for item in body["data"]],
                         "only truncated inputs carry the field")

    def test_base64_is_little_endian_float32(self):
        model = self.models["mean-normalized"]
        body = self.embed({"input": self.texts[:4], "encoding_format": "base64"})[1]
        vectors = []
        for item in body["data"]:
            raw = base64.b64decode(item["embedding"])
            vectors.append(list(struct.unpack("<%df" % (len(raw) // 4), raw)))
        self.assert_vectors_equal(vectors, model["embeddings"][:4])

    def test_dimensions_cut_and_normalise_again(self):
        model = self.models["mean-normalized"]
        body = self.embed({"input": self.texts[:2], "dimensions": 8})[1]
        for item, full in zip(body["data"], model["embeddings"]):
            cut = full[:8]
            norm = sum(x * x for x in cut) ** 0.5
            self.assert_vectors_equal([item["embedding"]], [[x / norm for x in cut]])

    def test_models_lists_the_model_served(self):
        status, body, _ = ds.request(self.port("cls-plain"), "GET", "/v1/models", token=TOKEN)
        self.assertEqual((status, body), (200, {"object": "list", "data": [
            {"id": self.models["cls-plain"]["path"], "object": "model", "owned_by": "ktx"}]}))

    def test_the_endpoints_need_the_token(self):
        for method, path in (("POST", "/v1/embeddings"), ("GET", "/v1/models")):
            with self.subTest(path=path):
                status, body, _ = ds.request(self.port(), method, path, token="wrong",
                                             body=b'{"input": "a"}')
                self.assertEqual((status, body), (401, {"error": "unauthorized"}))


class RepositoryModelTest(envs.VectorAssertions, unittest.TestCase):
    """A repository id is looked up in the standard Hugging Face cache."""

    REPOSITORY = "ktx-test/tiny-mean"
    REVISION = "0123456789abcdef0123456789abcdef01234567"

    def test_a_cached_repository_is_served_offline_under_its_id(self):
        model = envs.fixture_models()["models"]["mean-normalized"]
        ws = ds.Workspace()
        self.addCleanup(ws.close)
        # The cache's layout: models--<owner>--<name>/{refs/main, snapshots/<revision>/…}.
        cached = ws.path("hf", "hub", "models--ktx-test--tiny-mean")
        shutil.copytree(model["path"], os.path.join(cached, "snapshots", self.REVISION))
        os.makedirs(os.path.join(cached, "refs"))
        ds.write_text(os.path.join(cached, "refs", "main"), self.REVISION)
        process, ready = ws.start("--model", self.REPOSITORY, python=envs.runtime_python(),
                                  env=embeddings_env(HF_HOME=ws.path("hf")))
        self.addCleanup(ds.stop, process)
        status, body, _ = ds.request(ready["port"], "POST", "/v1/embeddings", token=TOKEN,
                                     body=json.dumps({"input": envs.fixture_models()["texts"],
                                                      "model": self.REPOSITORY}).encode())
        self.assertEqual((status, body["model"]), (200, self.REPOSITORY))
        self.assert_vectors_equal([item["embedding"] for item in body["data"]],
                                  model["embeddings"])


class OpenAIClientTest(EmbeddingDaemonTestCase):
    def client(self, calls, model=None):
        name = model or self.models["mean-normalized"]["path"]
        result = subprocess.run(
            [envs.tools_python(), OPENAI_CLIENT, "http://127.0.0.1:%d/v1" % self.port(), name],
            input=json.dumps(calls), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, timeout=120,
            env=dict(os.environ, OPENAI_API_KEY=TOKEN, NO_PROXY="127.0.0.1"))
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        return json.loads(result.stdout)

    def test_the_openai_client_gets_the_same_vectors(self):
        model = self.models["mean-normalized"]
        answers = self.client([{"input": self.texts}, {"input": self.texts[2]},
                               {"input": self.texts, "encoding_format": "float"},
                               {"input": self.texts, "encoding_format": "base64"}])
        every, single, floats, base64_answer = answers
        self.assert_vectors_equal(every["vectors"], model["embeddings"], "list")
        self.assertEqual(every["indexes"], list(range(len(self.texts))))
        self.assertEqual((every["model"], every["prompt_tokens"]),
                         (model["path"], sum(model["tokens"])))
        self.assert_vectors_equal(single["vectors"], [model["embeddings"][2]], "string")
        self.assert_vectors_equal(floats["vectors"], model["embeddings"], "float")
        self.assert_vectors_equal(base64_answer["vectors"], model["embeddings"], "base64")

    def test_the_openai_client_reads_the_errors(self):
        answers = self.client([{"input": []}], model="text-embedding-3-small")
        self.assertEqual(answers[0]["error"], "BadRequestError")
        self.assertEqual(answers[0]["status"], 400)
        self.assertIn("is not served here", answers[0]["message"])


if __name__ == "__main__":
    unittest.main()
