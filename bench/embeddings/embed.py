"""bench/embed: see that script. Runs with any python3 >= 3.10 (standard library only); the
measures run in the environments they are about."""

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "python", "tests"))
sys.path.insert(0, HERE)

import corpus  # noqa: E402
import embedding_envs as envs  # noqa: E402

KTX = os.path.join(REPO, "ktx")
TORCH_STACK = ("sentence-transformers",)  # pulls in torch (a CPU build from this machine's index)
FLOOR_BATCHES = ("16", "32", "64", "128", "256")
TORCH_BATCHES = ("16", "32", "64")
KTX_BATCH = "1024"  # ktx embed's default --batch-size
RUNS = 2  # of each throughput measure, interleaved; the best counts
# Both installs meet the same pip configuration; a default index that does not answer would
# otherwise cost each of them the same retries, which are not what is measured.
PIP_ENV = {"PIP_RETRIES": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def run(command, env=None, **options):
    """Runs `command`; its stderr (progress, pip's warnings) is shown only when it fails."""
    result = subprocess.run(command, env=dict(os.environ, **(env or {})),
                            universal_newlines=True, stderr=subprocess.PIPE, **options)
    if result.returncode != 0:
        raise RuntimeError("%s exited %d:\n%s" % (" ".join(command), result.returncode,
                                                   result.stderr[-3000:]))
    return result


def output_json(command, env=None):
    return json.loads(run(command, env, stdout=subprocess.PIPE).stdout)


def du(path):
    return int(run(["du", "-sb", path], stdout=subprocess.PIPE).stdout.split()[0])


def timed(command, env=None, **options):
    started = time.perf_counter()
    run(command, env, **options)
    return time.perf_counter() - started


def minilm_model():
    """The MiniLM-shaped model, built once into the tests' cache (keyed by its builder)."""
    digest = hashlib.sha256()
    for name in ("build_minilm.py", "corpus.py"):
        with open(os.path.join(HERE, name), "rb") as handle:
            digest.update(handle.read())
    directory = os.path.join(envs.cache_root(), "models", "bench-minilm-" + digest.hexdigest()[:12])
    if not os.path.exists(os.path.join(directory, "onnx", "model.onnx")):
        scratch = directory + ".partial"
        shutil.rmtree(scratch, ignore_errors=True)
        print("building the MiniLM-shaped model into %s ..." % directory, file=sys.stderr)
        run([envs.tools_python(), os.path.join(HERE, "build_minilm.py"), scratch],
            {"HF_HUB_OFFLINE": "1"}, stdout=subprocess.DEVNULL)
        os.replace(scratch, directory)
    return directory


class Bench:
    def __init__(self, work):
        self.work = work
        self.ktx_env = dict(PIP_ENV, KTX_RUNTIME_ROOT=os.path.join(work, "root"))
        self.rows = []
        self.failed = []

    def ktx(self, *arguments, **options):
        return run([KTX] + list(arguments), self.ktx_env, **options)

    def row(self, measure, value, target=None, met=None):
        verdict = "" if met is None else ("ok" if met else "MISS")
        self.rows.append((measure, value, target or "", verdict))
        if met is False:
            self.failed.append(measure)
        print("| %s | %s | %s | %s |" % self.rows[-1], flush=True)

    def texts(self, count):
        path = os.path.join(self.work, "texts-%d.txt" % count)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(corpus.texts(count)) + "\n")
        return path

    # -- install --------------------------------------------------------------------------------

    def install(self):
        ktx_seconds = timed([KTX, "runtime", "install", "--feature", "local-embeddings"],
                            self.ktx_env, stdout=subprocess.DEVNULL)
        status = output_json([KTX, "runtime", "status", "--json"], self.ktx_env)
        self.layout = status["layout"]
        ktx_bytes = du(self.layout["versionDir"])
        torch_venv = os.path.join(self.work, "torch-venv")
        torch_seconds = timed([sys.executable, "-m", "venv", torch_venv]) + timed(
            [os.path.join(torch_venv, "bin", "pip"), "install", "--quiet"] + list(TORCH_STACK),
            PIP_ENV)
        torch_bytes = du(torch_venv)
        shutil.rmtree(torch_venv)
        self.row("install: `ktx runtime install --feature local-embeddings` / venv + `pip install "
                 "sentence-transformers`, size", "%.0f MB / %.0f MB = %.2f×" % (
                     ktx_bytes / 1e6, torch_bytes / 1e6, ktx_bytes / torch_bytes),
                 "≤ 0.25×", ktx_bytes <= 0.25 * torch_bytes)
        self.row("install: the same, time", "%.1f s / %.1f s = %.2f×" % (
            ktx_seconds, torch_seconds, ktx_seconds / torch_seconds))

    # -- throughput -----------------------------------------------------------------------------

    def throughput(self, label, model, texts_file, count, targets=False,
                   batches=(FLOOR_BATCHES, TORCH_BATCHES)):
        """A, B and C on `texts_file`, B and C at each of their `batches`; gives the best
        batch of each."""
        self.ktx("runtime", "start", "--model", model, stdout=subprocess.DEVNULL)
        ktx, floor, torch, own = [], [], [], []
        for _ in range(RUNS):  # interleaved, so that a slow minute hits each of them
            ktx.append(self.ktx_embed(model, texts_file, count))
            floor.append(self.floor(model, texts_file, "throughput", *batches[0]))
            torch.append(self.torch_stack(model, texts_file, batches[1]))
            if targets:
                own.append(self.in_process(model, texts_file, KTX_BATCH, str(count)))
        a = max(ktx)
        b_batch, b = best(floor, batches[0])
        c_batch, c = best(torch, batches[1])
        self.same_vectors(label, floor[0]["first_vectors"], torch[0]["first_vectors"])
        what = "%s, %s texts" % (label, format(count, ","))
        self.row("%s: A `ktx embed --input` / B onnxruntime in-process (batch %s)" % (what, b_batch),
                 "%.0f / %.0f texts/s = %.2f×" % (a, b, a / b),
                 "≥ 0.85×" if targets else None, a >= 0.85 * b if targets else None)
        self.row("%s: A / C sentence-transformers + torch (batch %s, %d threads)" % (
            what, c_batch, torch[0]["torch_threads"]), "%.0f / %.0f texts/s = %.2f×" % (a, c, a / c),
            "≥ 2×" if targets else None, a >= 2 * c if targets else None)
        if targets:
            self.where_the_time_goes(what, a, b, own, count)
        self.peaks = (floor[0]["peak_rss_mib"], torch[0]["peak_rss_mib"])
        return (b_batch,), (c_batch,)

    def where_the_time_goes(self, what, a, b, own, count):
        fed, whole = (max(run[key] for run in own) for key in (KTX_BATCH, str(count)))
        self.row("%s: A′ the daemon's code in-process, fed %s at a time as by `ktx embed` / B" % (
            what, format(int(KTX_BATCH), ",")), "%.0f / %.0f texts/s = %.2f×" % (fed, b, fed / b))
        self.row("%s: the same, fed all at once / B" % what,
                 "%.0f / %.0f texts/s = %.2f×" % (whole, b, whole / b))
        self.row("%s: A / A′ (HTTP, serving and ktx's Java side)" % what,
                 "%.0f / %.0f texts/s = %.2f×" % (a, fed, a / fed))

    def in_process(self, model, texts_file, *batches):
        return output_json([self.layout["pythonPath"], os.path.join(HERE, "in_process.py"), model,
                            texts_file] + list(batches))

    def floor(self, model, texts_file, *arguments):
        return output_json([self.layout["pythonPath"], os.path.join(HERE, "floor.py"), model,
                            texts_file] + list(arguments))

    def torch_stack(self, model, texts_file, batches):
        return output_json([envs.venv_python("bench-torch", TORCH_STACK),
                            os.path.join(HERE, "torch_stack.py"), model, texts_file]
                           + list(batches), {"HF_HUB_OFFLINE": "1"})

    def ktx_embed(self, model, texts_file, count):
        out = os.path.join(self.work, "vectors.jsonl")
        with open(out, "w") as vectors:
            seconds = timed([KTX, "embed", "--input", texts_file, "--model", model], self.ktx_env,
                            stdout=vectors)
        with open(out) as vectors:
            lines = vectors.readlines()
        if len(lines) != count:
            raise RuntimeError("ktx embed wrote %d vectors for %d texts" % (len(lines), count))
        self.ktx_vectors = [json.loads(line)["embedding"] for line in lines[:3]]
        return count / seconds

    def same_vectors(self, label, floor, torch):
        worst = max(abs(x - y) for other in (floor, torch)
                    for mine, theirs in zip(self.ktx_vectors, other) for x, y in zip(mine, theirs))
        if worst > 1e-4:
            raise RuntimeError("%s: A, B and C computed different vectors (%g apart): they must "
                               "run the same model" % (label, worst))

    # -- latency, concurrency, memory -----------------------------------------------------------

    def latency(self, model, texts_file):
        http, local = [], []
        for _ in range(3):  # interleaved, so that a slow minute hits both
            http += output_json([sys.executable, os.path.join(HERE, "http_clients.py"),
                                 self.daemon_json(), texts_file, "latency", "100"])["ms"]
            local += self.floor(model, texts_file, "latency", "100")["ms"]
        http_p50, local_p50 = statistics.median(http), statistics.median(local)
        self.row("one-text request p50: HTTP (warm client) − in-process onnxruntime",
                 "%.2f − %.2f ms = %.2f ms" % (http_p50, local_p50, http_p50 - local_p50),
                 "≤ 3 ms", http_p50 - local_p50 <= 3)
        self.row("one-text request p99: HTTP, in-process", "%.2f ms, %.2f ms" % (
            percentile(http, 99), percentile(local, 99)))

    def concurrency(self, texts_file):
        def total(clients, batch):
            return output_json([sys.executable, os.path.join(HERE, "http_clients.py"),
                                self.daemon_json(), texts_file, "concurrency", str(clients),
                                str(batch)])["texts_per_s"]
        eight, one = [], []
        for _ in range(RUNS):
            eight.append(total(8, 16))
            one.append(total(1, 128))
        self.row("8 clients × batches of 16 / 1 client × batches of 128, total", "%.0f / %.0f "
                 "texts/s = %.2f×" % (max(eight), max(one), max(eight) / max(one)), "≥ 0.8×",
                 max(eight) >= 0.8 * max(one))

    def memory(self):
        with open("/proc/%d/status" % self.daemon()["pid"]) as status:
            peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        self.row("peak RSS: daemon with the model loaded (after every measure above); B; C",
                 "%.0f MiB; %.0f MiB; %.0f MiB" % ((peak / 1024,) + self.peaks))

    def daemon_json(self):
        return os.path.join(self.layout["versionDir"], "daemon.json")

    def daemon(self):
        with open(self.daemon_json()) as handle:
            return json.load(handle)


def best(runs, batches):
    """The batch size with the most texts/s in any of `runs`, and that figure."""
    return max(((batch, max(run[batch] for run in runs)) for batch in batches),
               key=lambda pair: pair[1])


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]


def main():
    os.environ.pop("KTX_EMBEDDING_MODEL", None)
    run([KTX, "--version"], stdout=subprocess.DEVNULL)  # builds the distribution if it is stale
    minilm = minilm_model()
    tiny = envs.fixture_models()["models"]["mean-normalized"]["path"]
    envs.venv_python("bench-torch", TORCH_STACK)
    work = tempfile.mkdtemp(prefix="ktx-bench-embed-")
    bench = Bench(work)
    try:
        print("| measure | value | target | |\n| --- | --- | --- | --- |", flush=True)
        bench.install()
        small, large = bench.texts(2000), bench.texts(20000)
        # Batch sizes are tried on 2,000 texts; 20,000 run at the best ones.
        batches = bench.throughput("MiniLM-shaped", minilm, small, 2000)
        bench.throughput("MiniLM-shaped", minilm, large, 20000, targets=True, batches=batches)
        bench.latency(minilm, small)
        bench.concurrency(small)
        bench.memory()
        batches = bench.throughput("tiny", tiny, small, 2000)
        bench.throughput("tiny", tiny, large, 20000, batches=batches)
    finally:
        subprocess.run([KTX, "runtime", "stop"], env=dict(os.environ, **bench.ktx_env),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    if bench.failed:
        print("MISSED: " + "; ".join(bench.failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
