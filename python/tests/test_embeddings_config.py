"""What a model directory must hold, and which model a daemon serves.

kaelio_ktx.embeddings.config and .resolve need only the standard library, so
these run in-process, on copies of the fixture models with files taken out.
"""

import fnmatch
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import embedding_envs as envs  # noqa: E402

sys.path.insert(0, envs.SRC_DIR)

from kaelio_ktx.embeddings import resolve  # noqa: E402
from kaelio_ktx.embeddings.config import read_model_config  # noqa: E402
from kaelio_ktx.embeddings.errors import ModelUnavailable  # noqa: E402


class ModelDirectoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.models = envs.fixture_models()["models"]

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ktx-model-test-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def copy(self, name):
        directory = os.path.join(self.tmp, name)
        shutil.copytree(self.models[name]["path"], directory)
        return directory

    def refused(self, directory):
        with self.assertRaises(ModelUnavailable) as caught:
            read_model_config(directory, "my-model")
        message = caught.exception.message
        self.assertIn("my-model", message)
        self.assertIn("Set KTX_EMBEDDING_MODEL", message)
        return message

    def test_the_real_layout_is_read_in_both_configuration_forms(self):
        legacy = read_model_config(self.copy("mean-normalized"), "m")
        self.assertEqual((legacy.pooling_modes, legacy.normalize, legacy.max_seq_length),
                         (("mean",), True, 16))
        self.assertTrue(legacy.onnx_path.endswith(os.path.join("onnx", "model.onnx")))
        current = read_model_config(self.copy("cls-plain"), "m")
        self.assertEqual((current.pooling_modes, current.normalize, current.max_seq_length),
                         (("cls",), False, 12))
        self.assertEqual(os.path.basename(current.onnx_path), "model.onnx")
        several = read_model_config(self.copy("max-mean-sqrt-len"), "m")
        self.assertEqual(several.pooling_modes, ("max", "mean", "mean_sqrt_len_tokens"))

    def test_each_missing_file_is_named(self):
        for name, relative in (("mean-normalized", "modules.json"),
                               ("mean-normalized", "tokenizer.json"),
                               ("mean-normalized", "1_Pooling/config.json"),
                               ("mean-normalized", "onnx/model.onnx"),
                               ("cls-plain", "model.onnx")):
            with self.subTest(missing=relative):
                directory = self.copy(name)
                os.remove(os.path.join(directory, *relative.split("/")))
                message = self.refused(directory)
                self.assertIn(relative, message)
                shutil.rmtree(directory)

    def test_an_unreadable_configuration_is_named(self):
        directory = self.copy("mean-normalized")
        with open(os.path.join(directory, "modules.json"), "w", encoding="utf-8") as handle:
            handle.write("[{")
        self.assertIn("modules.json cannot be read", self.refused(directory))

    def test_a_module_ktx_cannot_run_is_named(self):
        directory = self.copy("mean-normalized")
        path = os.path.join(directory, "modules.json")
        with open(path, encoding="utf-8") as handle:
            modules = json.load(handle)
        modules.insert(2, {"idx": 2, "name": "2", "path": "2_Dense",
                           "type": "sentence_transformers.models.Dense"})
        modules[-1]["idx"] = 3
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(modules, handle)
        self.assertIn("a Dense module, which ktx does not support", self.refused(directory))

    def test_an_unknown_pooling_mode_is_named(self):
        directory = self.copy("cls-plain")
        with open(os.path.join(directory, "1_Pooling", "config.json"), "w",
                  encoding="utf-8") as handle:
            json.dump({"embedding_dimension": 32, "pooling_mode": "attention"}, handle)
        self.assertIn("no pooling mode ktx knows (attention)", self.refused(directory))

    def test_without_a_max_seq_length_the_tokenizer_and_model_limits_apply(self):
        directory = self.copy("mean-normalized")
        os.remove(os.path.join(directory, "sentence_bert_config.json"))
        # tokenizer_config.json says 64, config.json's positions 64 too.
        self.assertEqual(read_model_config(directory, "m").max_seq_length, 64)
        for name in ("tokenizer_config.json", "config.json"):
            os.remove(os.path.join(directory, name))
        self.assertIn("max_seq_length", self.refused(directory))


class ModelNameTest(unittest.TestCase):
    def test_option_then_environment_then_default(self):
        self.assertEqual(resolve.configured_model("a/b", {"KTX_EMBEDDING_MODEL": "c/d"}), "a/b")
        self.assertEqual(resolve.configured_model(None, {"KTX_EMBEDDING_MODEL": " c/d "}), "c/d")
        self.assertEqual(resolve.configured_model(None, {}),
                         "sentence-transformers/all-MiniLM-L6-v2")

    def test_a_path_that_is_not_a_directory_is_not_taken_for_a_repository(self):
        for name in ("/no/such/model", "./model", "a/b/c", "no such model"):
            with self.subTest(name=name):
                with self.assertRaises(ModelUnavailable) as caught:
                    resolve.model_directory(name)
                self.assertIn("neither a directory nor a Hugging Face repository id",
                              caught.exception.message)

    def test_only_the_files_read_are_fetched_from_a_repository(self):
        # sentence-transformers/all-MiniLM-L6-v2's files; huggingface_hub
        # matches allow_patterns with fnmatch.
        listing = [
            ".gitattributes", "1_Pooling/config.json", "README.md", "config.json",
            "config_sentence_transformers.json", "data_config.json", "model.safetensors",
            "modules.json", "onnx/model.onnx", "onnx/model_O1.onnx", "onnx/model_O4.onnx",
            "onnx/model_qint8_avx512.onnx", "onnx/model_quint8_avx2.onnx",
            "openvino/openvino_model.bin", "openvino/openvino_model.xml", "pytorch_model.bin",
            "rust_model.ot", "sentence_bert_config.json", "special_tokens_map.json",
            "tf_model.h5", "tokenizer.json", "tokenizer_config.json", "train_script.py",
            "vocab.txt",
        ]
        fetched = [name for name in listing
                   if any(fnmatch.fnmatch(name, pattern) for pattern in resolve.FILES_NEEDED)]
        self.assertEqual(fetched, [
            "1_Pooling/config.json", "config.json", "modules.json", "onnx/model.onnx",
            "sentence_bert_config.json", "tokenizer.json", "tokenizer_config.json"])

    def test_a_directory_is_used_as_it_is(self):
        with tempfile.TemporaryDirectory() as directory:
            self.assertEqual(resolve.model_directory(directory), os.path.abspath(directory))


if __name__ == "__main__":
    unittest.main()
