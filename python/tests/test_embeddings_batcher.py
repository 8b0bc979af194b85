"""The micro-batcher with a recording model in place of onnxruntime: requests waiting together run
in one round, each gets its own vectors in order, and a request the model fails on fails no other."""

import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))

from kaelio_ktx.embeddings.batcher import Batcher  # noqa: E402

TIMEOUT = 10


class GatedModel:
    """Vectors are the inputs doubled; the first round holds until `release`, so that the requests
    sent meanwhile queue up behind it; inputs containing "boom" fail their round."""

    def __init__(self):
        self.rounds = []
        self.first_round_started = threading.Event()
        self.release = threading.Event()

    def infer(self, encodings):
        self.rounds.append(list(encodings))
        if len(self.rounds) == 1:
            self.first_round_started.set()
            if not self.release.wait(TIMEOUT):
                raise AssertionError("the test never released the first round")
        if "boom" in encodings:
            raise ValueError("the model failed on this input")
        return [encoding * 2 for encoding in encodings]


class Requests:
    """Sends each list of inputs from a thread of its own and keeps what each got."""

    def __init__(self, batcher):
        self.batcher = batcher
        self.results = {}
        self.threads = []

    def send(self, name, encodings):
        def request():
            try:
                self.results[name] = self.batcher.run(encodings)
            except Exception as error:
                self.results[name] = error
        thread = threading.Thread(target=request)
        thread.start()
        self.threads.append(thread)

    def join(self):
        for thread in self.threads:
            thread.join(TIMEOUT)
            if thread.is_alive():
                raise AssertionError("a request never got its answer")
        return self.results


class BatcherTest(unittest.TestCase):
    def setUp(self):
        self.model = GatedModel()

    def first_round_running(self, requests):
        requests.send("first", ["a"])
        self.assertTrue(self.model.first_round_started.wait(TIMEOUT))

    def waiting(self, batcher, count):
        """Until `count` requests are queued behind the running round."""
        for _ in range(1000):
            if batcher._waiting.qsize() >= count:
                return
            threading.Event().wait(0.01)
        self.fail("the requests never queued")

    def test_requests_waiting_together_run_in_one_round_and_each_gets_its_own_vectors(self):
        batcher = Batcher(self.model.infer)
        requests = Requests(batcher)
        self.first_round_running(requests)
        for name in ("b", "c", "d"):
            requests.send(name, [name, name + name])
        self.waiting(batcher, 3)
        self.model.release.set()

        results = requests.join()

        self.assertEqual(results["first"], ["aa"])
        for name in ("b", "c", "d"):
            self.assertEqual(results[name], [name * 2, name * 4])
        self.assertEqual(len(self.model.rounds), 2)
        self.assertEqual(sorted(self.model.rounds[1]), ["b", "bb", "c", "cc", "d", "dd"])

    def test_a_round_takes_at_most_max_texts_unless_one_request_is_larger(self):
        batcher = Batcher(self.model.infer, max_texts=4)
        requests = Requests(batcher)
        self.first_round_running(requests)
        requests.send("large", list("abcdef"))
        self.waiting(batcher, 1)
        for name in ("x", "y", "z"):
            requests.send(name, [name, name])
        self.waiting(batcher, 4)
        self.model.release.set()

        results = requests.join()

        self.assertEqual(results["large"], [c * 2 for c in "abcdef"])
        self.assertEqual([len(round_) for round_ in self.model.rounds], [1, 6, 4, 2])

    def test_a_request_the_model_fails_on_fails_alone_and_the_worker_serves_on(self):
        batcher = Batcher(self.model.infer)
        requests = Requests(batcher)
        self.first_round_running(requests)
        requests.send("bad", ["boom"])
        requests.send("neighbour", ["n"])
        self.waiting(batcher, 2)
        self.model.release.set()

        results = requests.join()

        self.assertIsInstance(results["bad"], ValueError)
        self.assertEqual(results["neighbour"], ["nn"])
        self.assertEqual(self.model.rounds[1:], [["boom", "n"], ["boom"], ["n"]])
        self.assertEqual(batcher.run(["later"]), ["laterlater"])


if __name__ == "__main__":
    unittest.main()
