package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real installs through the real distribution, with the real python3, into temp runtime roots. */
class InstallIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void freshInstallIsReadyPassesDoctorAndItsPythonImportsThePackage() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        String version = Distribution.version().value();

        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("missing");

        var installed = ktx.run("runtime", "install").succeeds();
        assertThat(installed.out()).startsWith("Installed KTX Python runtime\n");
        assertThat(installed.err()).as("without a terminal, one plain progress line per step")
                .isEqualTo("Verify bundled wheel…\nCreate environment…\nInstall packages…\nWrite manifest…\n");
        assertThat(installed.line("version: ")).isEqualTo(version);
        assertThat(installed.line("features: ")).isEqualTo("core");
        Path python = Path.of(installed.line("python: "));
        Path daemon = Path.of(installed.line("daemon: "));

        JsonNode status = JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out());
        assertThat(status.get("kind").asText()).isEqualTo("ready");
        assertThat(status.at("/layout/pythonPath").asText()).isEqualTo(python.toString());
        assertThat(status.at("/manifest/provisioner/name").asText()).isEqualTo("venv");
        assertThat(Files.readString(Path.of(installed.line("install log: "))))
                .contains("$ ").contains("-m venv --without-pip").contains("__pip-runner__.py install");

        assertThat(ktx.run("runtime", "doctor").succeeds().out()).contains("PASS Runtime import: kaelio_ktx");
        assertThat(runProcess(python.toString(), "-c", "import kaelio_ktx; print(kaelio_ktx.__version__)")).contains("0.1.0");
        assertThat(runProcess(daemon.toString(), "--version")).contains("ktx-daemon");

        var again = ktx.run("runtime", "install").succeeds();
        assertThat(again.out()).startsWith("Using existing KTX Python runtime\n");
        assertThat(again.line("python: ")).isEqualTo(python.toString());
    }

    @Test
    void localEmbeddingsAddsTheEmbeddingPackagesAndForceKeepsEveryFeature() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();

        var embeddings = ktx.run("runtime", "install", "--feature", "local-embeddings").succeeds();
        assertThat(embeddings.line("features: ")).isEqualTo("core, local-embeddings");
        assertThat(runProcess(embeddings.line("python: "), "-c",
                "import numpy, tokenizers, onnxruntime, huggingface_hub; print('embedding packages ok')"))
                .contains("embedding packages ok");

        var forced = ktx.run("runtime", "install", "--force").succeeds();
        assertThat(forced.out()).startsWith("Installed KTX Python runtime");
        assertThat(forced.line("features: ")).isEqualTo("core, local-embeddings");
        assertThat(forced.line("python: ")).isNotEqualTo(embeddings.line("python: "));
        assertThat(Path.of(embeddings.line("python: "))).as("the replaced environment stays until the next install").exists();
        ktx.run("runtime", "install", "--force").succeeds();
        assertThat(Path.of(embeddings.line("python: "))).as("and is removed by it").doesNotExist();
    }

    @Test
    void failedReinstallLeavesThePreviousRuntimeReadyAndWorking() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        var installed = ktx.run("runtime", "install").succeeds();
        String python = installed.line("python: ");
        Path installLog = Path.of(installed.line("install log: "));
        String logBefore = Files.readString(installLog);
        Path uv = KtxRun.standInUv(dir.resolve("failing-uv"), true);

        var failed = ktx.env("KTX_UV", uv.toString()).run("runtime", "install", "--force", "--provisioner", "uv").exits(1);

        assertThat(failed.problem()).startsWith("Python runtime install failed. Install log: ").contains("bad python");
        Path failedLog = Path.of(failed.problem().lines().findFirst().orElseThrow()
                .substring("Python runtime install failed. Install log: ".length()));
        assertThat(failedLog.getFileName().toString()).as("the failed attempt's own log").matches("install-.+\\.log");
        assertThat(failedLog).content().contains("$ " + uv + " venv ").contains("bad python");
        assertThat(installLog).as("the runtime in use keeps its log").hasContent(logBefore);
        var status = ktx.env("KTX_UV", null).run("runtime", "status").succeeds();
        assertThat(status.line("status: ")).isEqualTo("ready");
        assertThat(status.line("python: ")).isEqualTo(python);
        assertThat(runProcess(python, "-c", "import kaelio_ktx; print('still works')")).contains("still works");
        try (var entries = Files.list(dir.resolve("root").resolve(Distribution.version().value()))) {
            assertThat(entries.filter(path -> path.getFileName().toString().startsWith("venv-"))).hasSize(1);
        }
    }

    @Test
    void aRuntimeRootWhoseDaemonLauncherTheShellWouldBreakIsRefusedWithItsFixAndNeverCalledReady() throws Exception {
        Path root = dir.resolve("D sp $HOME x");
        Path versionDir = root.resolve(Distribution.version().value());
        KtxRun ktx = KtxRun.against(root);

        var refused = ktx.run("runtime", "install").exits(1);

        assertThat(refused.problem()).isEqualTo("Cannot install under " + versionDir + ": its path has a space, so pip's"
                + " ktx-daemon launcher would start through /bin/sh, which reads the $ in it as shell syntax; choose a"
                + " runtime root without $, \", ` or \\ (set KTX_RUNTIME_ROOT).\n");
        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("missing");

        // A provisioner that gets as far as writing such a launcher (this stand-in installs with pip) is caught by running it.
        Path uv = KtxRun.standInUv(dir.resolve("uv-bin"), false);
        var caught = ktx.env("KTX_UV", uv.toString()).run("runtime", "install", "--provisioner", "uv").exits(1);

        assertThat(caught.problem()).startsWith("The ktx-daemon launcher " + versionDir.resolve("venv-"))
                .contains(" does not start: it starts through /bin/sh, which reads the $ in its path as shell syntax;")
                .endsWith("(set KTX_RUNTIME_ROOT).\n");
        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("missing");
        try (var entries = Files.list(versionDir)) {
            assertThat(entries.map(path -> path.getFileName().toString())).as("nothing of either attempt is left")
                    .noneMatch(name -> name.startsWith("venv-") || name.startsWith("install"));
        }
    }

    @Test
    void uvProvisionerRunsUvVersionVenvAndPipInstallInOrder() throws Exception {
        Path uv = KtxRun.standInUv(dir.resolve("uv-bin"), false);
        var installed = KtxRun.against(dir.resolve("root")).prependPath(uv.getParent()).run("runtime", "install", "--json").succeeds();

        JsonNode json = JSON.readTree(installed.out());
        assertThat(installed.err()).as("--json: no progress").isEmpty();
        assertThat(json.get("status").asText()).isEqualTo("installed");
        assertThat(json.at("/manifest/provisioner/name").asText()).isEqualTo("uv");
        assertThat(json.at("/manifest/provisioner/version").asText()).isEqualTo("0.9.5");
        String venv = json.at("/layout/venvDir").asText();
        assertThat(Files.readAllLines(uv.resolveSibling("calls.log"))).containsExactly(
                "--version",
                "venv " + venv,
                "pip install --python " + json.at("/layout/pythonPath").asText() + " "
                        + KtxRun.distribution().resolve("assets/python").resolve(json.at("/manifest/asset/wheel/file").asText()));
        assertThat(Files.readString(Path.of(json.at("/manifest/installLog").asText()))).contains("$ " + uv + " venv " + venv);
    }

    @Test
    void uvForcedWithoutUvIsRefusedWithTheContractSentence() throws Exception {
        var refused = KtxRun.against(dir.resolve("root")).env("KTX_PROVISIONER", "uv").env("KTX_UV", dir.resolve("no-uv").toString())
                .run("runtime", "install").exits(1);

        assertThat(refused.problem()).isEqualTo("uv is required to install the KTX Python runtime. Install uv and retry: ktx runtime install --yes\n");
    }

    @Test
    void pythonOlderThanRequiresPythonIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path old = Path.of("/root/.pyenv/versions/3.8.18/bin/python");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(old), "needs an old interpreter at " + old);

        var refused = KtxRun.against(dir.resolve("root")).env("KTX_PYTHON", old.toString()).run("runtime", "install").exits(1);

        assertThat(refused.err()).contains("Python 3.8.18").contains(">=3.10").doesNotContain("\tat ");
        try (var entries = Files.list(dir.resolve("root").resolve(Distribution.version().value()))) {
            assertThat(entries.filter(path -> path.getFileName().toString().startsWith("venv-"))).isEmpty();
        }
    }

    @Test
    void tamperedWheelIsRefusedAndTheExistingRuntimeIsUntouched() throws Exception {
        Path root = dir.resolve("root");
        String python = KtxRun.against(root).run("runtime", "install").succeeds().line("python: ");
        Path copy = DistributionIT.copyDistribution(dir.resolve("tampered"));
        try (var wheels = Files.list(copy.resolve("assets/python"))) {
            Path wheel = wheels.filter(path -> path.toString().endsWith(".whl")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(wheel);
            bytes[bytes.length / 2] ^= 0x5a;
            Files.write(wheel, bytes);
        }

        var refused = KtxRun.with(copy.resolve("bin/ktx"), root).run("runtime", "install", "--force").exits(1);

        assertThat(refused.problem()).startsWith("Bundled Python runtime wheel checksum mismatch: ").doesNotContain("\tat ");
        var status = KtxRun.against(root).run("runtime", "status").succeeds();
        assertThat(status.line("status: ")).isEqualTo("ready");
        assertThat(status.line("python: ")).isEqualTo(python);
    }

    @Test
    void concurrentInstallsSerialiseAndOnlyOneBuilds() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        List<KtxRun.Started> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(ktx.start("runtime", "install"));
        }
        List<KtxRun.Result> results = new ArrayList<>();
        for (KtxRun.Started run : started) {
            results.add(run.finish().succeeds());
        }

        assertThat(results).filteredOn(result -> result.out().startsWith("Installed")).hasSize(1);
        assertThat(results).filteredOn(result -> result.out().startsWith("Using existing")).hasSize(3);
        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("ready");
    }

    private static String runProcess(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
