"""Micro-batching: the texts of concurrent requests go through the model together.

Each request is tokenised on its own handler thread, then queued; one worker thread runs the
model over every request waiting when it is free (up to MAX_TEXTS texts), as
text-embeddings-inference and infinity do. So concurrent requests neither fight over the cores
(each onnxruntime run already uses all of them) nor pad each other's short texts: the merged
texts are sorted by length before the model's batches are cut.
"""

import queue
import threading

# Texts merged into one round of the model; a request larger than this runs alone. Bounds how
# long a request that arrives during a round waits.
MAX_TEXTS = 512


class Batcher:
    """`infer(encodings)` gives their vectors, an (n, dimensions) array in order; `run` may be
    called from any thread and gives the vectors of its own encodings, or raises what `infer`
    raised for the round they were in."""

    def __init__(self, infer, max_texts=MAX_TEXTS):
        self._infer = infer
        self._max_texts = max_texts
        self._waiting = queue.Queue()
        # A daemon thread: it holds no state worth finishing, and graceful shutdown waits for
        # the handler threads, which wait for their rounds.
        self._worker = threading.Thread(target=self._work, name="ktx-embeddings", daemon=True)
        self._worker.start()

    def run(self, encodings):
        job = _Job(encodings)
        self._waiting.put(job)
        job.done.wait()
        if job.error is not None:
            raise job.error
        return job.vectors

    def _work(self):
        while True:
            jobs = [self._waiting.get()]
            count = len(jobs[0].encodings)
            while count < self._max_texts:
                try:
                    job = self._waiting.get_nowait()
                except queue.Empty:
                    break
                jobs.append(job)
                count += len(job.encodings)
            self._round(jobs)

    def _round(self, jobs):
        try:
            vectors = self._infer([encoding for job in jobs for encoding in job.encodings])
        except BaseException as error:  # the worker must outlive any failure; its callers hear of it
            if len(jobs) == 1:
                jobs[0].fail(error)
            else:
                # Each alone, so that a request the model fails on fails no other.
                for job in jobs:
                    self._round([job])
            return
        start = 0
        for job in jobs:
            job.finish(vectors[start:start + len(job.encodings)])
            start += len(job.encodings)


class _Job:
    def __init__(self, encodings):
        self.encodings = encodings
        self.vectors = None
        self.error = None
        self.done = threading.Event()

    def finish(self, vectors):
        self.vectors = vectors
        self.done.set()

    def fail(self, error):
        self.error = error
        self.done.set()
