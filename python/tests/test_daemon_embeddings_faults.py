"""Every bad request to /v1/embeddings gets OpenAI's error shape and the daemon
keeps serving; concurrent clients, a stalled client, a model that cannot be
fetched offline, a runtime without the feature, and --preload."""

import json
import os
import socket
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402
import embedding_envs as envs  # noqa: E402
from test_daemon_embeddings import EmbeddingDaemonTestCase, embeddings_env  # noqa: E402

TOKEN = ds.TOKEN
DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


def raw_exchange(port, data, timeout=20):
    """Sends `data` as it is and reads until the daemon closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def post_head(length):
    return ("POST /v1/embeddings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
            % (TOKEN, length)).encode("ascii")


class BadInputTest(EmbeddingDaemonTestCase):
    def assert_refused(self, status, fragment, param=None, payload=None, raw=None):
        got, body = self.embed(payload, raw=raw)
        self.assertEqual(got, status, body)
        error = body["error"]
        self.assertIn(fragment, error["message"])
        self.assertEqual(error["type"], "invalid_request_error")
        self.assertEqual(error.get("param"), param)
        self.assert_healthy()

    def test_malformed_input_is_a_400_naming_the_field_or_index(self):
        cases = [
            ({"input": []}, "input is an empty list"),
            ({"input": ""}, "input is an empty string"),
            ({"input": ["a", "b", ""]}, "input[2] is an empty string"),
            ({"input": ["a", 7]}, "input[1] is not a string"),
            ({"input": [[1, 2, 3]]}, "input[0] is not a string (token arrays"),
            ({"input": {"text": "a"}}, "input must be a string or a list of strings"),
            ({"encoding_format": "float"}, "input is required"),
            ({"input": ["a"] * 2049}, "input has 2049 items; at most 2048"),
        ]
        for payload, fragment in cases:
            with self.subTest(payload=str(payload)[:60]):
                self.assert_refused(400, fragment, "input", payload)

    def test_a_body_that_is_not_json_or_not_utf8_is_a_400(self):
        for raw, fragment in ((b'{"input": ', "not valid JSON"),
                              (b'["a"]', "must be a JSON object"),
                              (b'{"input": "caf\xe9"}', "not valid UTF-8 (byte 14)"),
                              (b"", "not valid JSON")):
            with self.subTest(raw=raw):
                self.assert_refused(400, fragment, raw=raw)

    def test_options_out_of_range_are_a_400_naming_the_option(self):
        cases = [
            ({"input": "a", "model": "text-embedding-3-small"}, "model",
             'The model "text-embedding-3-small" is not served here; this daemon serves '),
            ({"input": "a", "encoding_format": "hex"}, "encoding_format",
             'encoding_format must be "float" or "base64"'),
            ({"input": "a", "dimensions": 0}, "dimensions", "positive integer"),
            ({"input": "a", "dimensions": "8"}, "dimensions", "positive integer"),
            ({"input": "a", "dimensions": True}, "dimensions", "positive integer"),
            ({"input": "a", "dimensions": 33}, "dimensions", "dimensions is 33, but the model gives 32"),
            ({"input": "a", "truncate": "no"}, "truncate", "truncate must be true or false"),
        ]
        for payload, param, fragment in cases:
            with self.subTest(payload=payload):
                self.assert_refused(400, fragment, param, payload)

    def test_without_truncation_an_over_long_input_is_a_400_naming_its_index(self):
        model = self.models["mean-normalized"]
        first = model["truncated"].index(True)
        self.assert_refused(400, "input[%d] is longer than the model's max_seq_length of %d"
                            % (first, model["max_seq_length"]), "input",
                            {"input": self.texts, "truncate": False})

    def test_a_body_over_the_limit_is_a_413_before_it_is_read(self):
        answer = raw_exchange(self.port(), post_head(8 * 1024 * 1024 + 1) + b'{"input": ')
        head, _, body = answer.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 413 "), head)
        # The body was not read, so the connection cannot carry another request.
        self.assertIn(b"\r\nConnection: close", head)
        error = json.loads(body)["error"]
        self.assertEqual(error["code"], "request_too_large")
        self.assertIn("8388608-byte limit", error["message"])
        self.assert_healthy()

    def test_it_still_embeds_after_every_error(self):
        self.embed(None, raw=b"\xff\xfe")
        status, body = self.embed({"input": self.texts})
        self.assertEqual(status, 200)
        self.assert_vectors_equal([item["embedding"] for item in body["data"]],
                                  self.models["mean-normalized"]["embeddings"])


class LoadTest(EmbeddingDaemonTestCase):
    def test_eight_concurrent_clients_get_their_own_answers(self):
        model = self.models["mean-normalized"]
        failures = []

        def client(number):
            for round_ in range(4):
                chosen = [(number + round_ + k) % len(self.texts) for k in range(1 + number % 4)]
                try:
                    status, body = self.embed({"input": [self.texts[i] for i in chosen]})
                    self.assertEqual(status, 200, body)
                    self.assert_vectors_equal([item["embedding"] for item in body["data"]],
                                              [model["embeddings"][i] for i in chosen])
                except Exception as error:  # collected: a thread cannot fail the test
                    failures.append("client %d: %r" % (number, error))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        self.assertEqual(failures, [])
        self.assert_healthy()

    def test_a_client_that_stalls_mid_body_blocks_no_one_and_is_dropped(self):
        stalled = socket.create_connection(("127.0.0.1", self.port()), timeout=30)
        self.addCleanup(stalled.close)
        stalled.sendall(post_head(200) + b'{"input": ["half a bo')
        for _ in range(3):
            self.assertEqual(self.embed({"input": self.texts[:2]})[0], 200)
        self.assert_healthy()
        # The daemon gives up on it after its connection timeout (5 s).
        self.assertEqual(stalled.recv(65536), b"")


class UnavailableModelTest(unittest.TestCase):
    """Daemons that cannot embed, for want of a model or of the feature."""

    def setUp(self):
        self.ws = ds.Workspace()
        self.addCleanup(self.ws.close)

    def start(self, *extra, **options):
        process, ready = self.ws.start(*extra, **options)
        self.addCleanup(ds.stop, process)
        return process, ready["port"]

    def embed(self, port):
        return ds.request(port, "POST", "/v1/embeddings", token=TOKEN,
                          body=b'{"input": ["hello"]}')[:2]

    def test_offline_the_default_model_is_a_503_naming_model_cache_and_fix(self):
        hf_home = tempfile.mkdtemp(prefix="ktx-hf-home-")
        self.addCleanup(ds.shutil.rmtree, hf_home, True)
        env = embeddings_env(HF_HOME=hf_home)
        env.pop("KTX_EMBEDDING_MODEL", None)
        env.pop("HF_HUB_CACHE", None)
        _, port = self.start(python=envs.runtime_python(), env=env)
        for _ in range(2):  # and again: a failed load is retried, not remembered
            status, body = self.embed(port)
            self.assertEqual(status, 503, body)
            error = body["error"]
            self.assertEqual((error["type"], error["code"]), ("server_error", "model_unavailable"))
            for fragment in (DEFAULT_MODEL, os.path.join(hf_home, "hub"),
                             "set KTX_EMBEDDING_MODEL to a local model directory",
                             "HF_HUB_OFFLINE is set"):
                self.assertIn(fragment, error["message"])
            self.assertNotIn("Traceback", error["message"])
        health = ds.request(port, "GET", "/health", token=TOKEN)[1]
        self.assertEqual(health["model"], {"name": DEFAULT_MODEL, "loaded": False})
        self.assertNotIn("Traceback", ds.read_text(self.ws.log_file))

    def test_the_environment_variable_names_the_model(self):
        model = envs.fixture_models()["models"]["cls-plain"]["path"]
        _, port = self.start(python=envs.runtime_python(),
                             env=embeddings_env(KTX_EMBEDDING_MODEL=model))
        status, body = self.embed(port)
        self.assertEqual((status, body["model"]), (200, model))

    def test_without_the_feature_embeddings_are_a_503_naming_the_install(self):
        # This interpreter has no onnxruntime: core only.
        probe = ds.subprocess.run([sys.executable, "-c", "import onnxruntime"],
                                  stderr=ds.subprocess.DEVNULL)
        self.assertNotEqual(probe.returncode, 0, "the test interpreter has onnxruntime")
        _, port = self.start()
        status, body = self.embed(port)
        self.assertEqual(status, 503)
        self.assertIn("ktx runtime install --feature local-embeddings", body["error"]["message"])
        self.assertEqual(ds.request(port, "GET", "/v1/models", token=TOKEN)[1],
                         {"object": "list", "data": []})

    def test_preload_loads_before_ready_or_refuses_to_start(self):
        model = envs.fixture_models()["models"]["cls-plain"]
        _, port = self.start("--model", model["path"], "--preload",
                             python=envs.runtime_python(), env=embeddings_env())
        health = ds.request(port, "GET", "/health", token=TOKEN)[1]
        self.assertEqual(health["model"], {"name": model["path"], "loaded": True,
                                           "dimensions": model["dimensions"]})
        self.assertIn("model loaded name=", ds.read_text(self.ws.log_file))

        missing = os.path.join(self.ws.tmp, "no-model")
        os.makedirs(missing)
        result = ds.subprocess.run(
            [envs.runtime_python(), "-m", "kaelio_ktx", "serve-http", "--ready-file",
             self.ws.path("other.json"), "--token-file", self.ws.token_file,
             "--model", missing, "--preload"],
            env=embeddings_env(), stdout=ds.subprocess.PIPE, stderr=ds.subprocess.PIPE,
            universal_newlines=True, timeout=120)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("it has no modules.json", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertFalse(os.path.exists(self.ws.path("other.json")))


if __name__ == "__main__":
    unittest.main()
