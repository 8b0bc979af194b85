package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorReport;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import ai.kaelio.ktx.domain.PruneResult;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RuntimeCommandsTest {

    @Test
    void installPrintsTheInstalledRuntimeAndPassesTheRequestThrough() {
        AtomicReference<InstallRequest> seen = new AtomicReference<>();
        var result = new CliHarness().install(request -> {
            seen.set(request);
            return new InstallResult.Installed(CliHarness.LAYOUT,
                    CliHarness.manifest(FeatureSet.of(Feature.LOCAL_EMBEDDINGS)));
        }).run("runtime", "install", "--feature", "local-embeddings", "--force", "--provisioner", "venv");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Installed KTX Python runtime\n")
                .contains("version: 0.2.0\n")
                .contains("features: core, local-embeddings\n")
                .contains("python: " + CliHarness.ENVIRONMENT.pythonPath() + "\n")
                .contains("daemon: " + CliHarness.ENVIRONMENT.daemonPath() + "\n")
                .contains("manifest: /runtime/0.2.0/manifest.json\n")
                .contains("install log: /runtime/0.2.0/install.log\n");
        assertThat(result.err()).isEmpty();
        assertThat(seen.get().features()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(seen.get().force()).isTrue();
        assertThat(seen.get().provisioner()).contains(ProvisionerChoice.VENV);
    }

    @Test
    void installOfAReadyRuntimeSaysItUsesTheExistingOne() {
        var result = new CliHarness()
                .install(request -> new InstallResult.AlreadyReady(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core())))
                .run("runtime", "install");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Using existing KTX Python runtime\n").contains("features: core\n");
    }

    @Test
    void installJsonHasStatusLayoutAndManifest() {
        var result = new CliHarness()
                .install(request -> new InstallResult.AlreadyReady(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core())))
                .run("runtime", "install", "--json");

        var json = CliHarness.json(result.out());
        assertThat(json.at("/status").asText()).isEqualTo("ready");
        assertThat(json.at("/layout/pythonPath").asText()).isEqualTo(CliHarness.ENVIRONMENT.pythonPath().toString());
        assertThat(json.at("/manifest/features").toString()).isEqualTo("[\"core\"]");
    }

    @Test
    void failedInstallNamesTheLogAndQuotesTheFailingCommandsLastLines() {
        var result = new CliHarness()
                .install(request -> new InstallResult.Failed(Path.of("/runtime/0.2.0/install.log"),
                        "uv venv /runtime/0.2.0/venv-x", List.of("creating", "bad python")))
                .run("runtime", "install");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Python runtime install failed. Install log: /runtime/0.2.0/install.log\n")
                .contains("  $ uv venv /runtime/0.2.0/venv-x\n")
                .contains("  bad python\n");
    }

    @Test
    void refusedInstallPrintsOneSentenceAndExitsOne() {
        var result = new CliHarness()
                .install(request -> new InstallResult.Refused("Bundled Python runtime wheel checksum mismatch: /w.whl"))
                .run("runtime", "install");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Bundled Python runtime wheel checksum mismatch: /w.whl\n");
    }

    @Test
    void anInstallUnderRunningDaemonsSaysToStopThemFirst() {
        var result = new CliHarness().install(request -> new InstallResult.DaemonRunning(List.of(4242L, 5151L)))
                .run("runtime", "install", "--force");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("The KTX daemon (pid 4242, pid 5151) runs from this runtime, which a reinstall"
                + " would remove. Stop it first: ktx runtime stop\n");
    }

    @Test
    void unknownFeatureIsAUsageError() {
        var result = new CliHarness().run("runtime", "install", "--feature", "gpu");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown runtime feature 'gpu'").contains("core, local-embeddings");
    }

    @Test
    void statusPrintsJson() {
        var result = new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT)).run("runtime", "status", "--json");

        assertThat(result.code()).isZero();
        var json = CliHarness.json(result.out());
        assertThat(json.at("/kind").asText()).isEqualTo("missing");
        assertThat(json.at("/detail").asText()).isEqualTo("No runtime manifest at /runtime/0.2.0/manifest.json");
        assertThat(json.at("/layout/runtimeRoot").asText()).isEqualTo("/runtime");
        assertThat(json.at("/layout/venvDir").isNull()).isTrue();
        assertThat(json.has("manifest")).isFalse();
    }

    @Test
    void statusTextShowsTheManifestWhenThereIsOne() {
        var result = new CliHarness()
                .inspect(() -> new RuntimeStatus.Ready(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core())))
                .run("runtime", "status");

        assertThat(result.out()).isEqualTo(String.join("\n",
                "KTX Python runtime",
                "status: ready",
                "detail: Runtime ready at /runtime/0.2.0",
                "runtime root: /runtime",
                "version dir: /runtime/0.2.0",
                "features: core",
                "python: " + CliHarness.ENVIRONMENT.pythonPath(),
                "daemon: " + CliHarness.ENVIRONMENT.daemonPath(),
                "daemon state: stopped",
                ""));
    }

    @Test
    void doctorExitsOneWhenACheckFailsAndPrintsTheFix() {
        var result = new CliHarness().diagnose(() -> new DoctorReport(List.of(
                DoctorCheck.pass("uv", "uv", "uv 0.9.5"),
                DoctorCheck.fail("runtime", "Managed Python runtime", "No runtime manifest", "Run: ktx runtime install --yes"))))
                .run("runtime", "doctor");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("KTX Python runtime doctor\n")
                .contains("PASS uv: uv 0.9.5\n")
                .contains("FAIL Managed Python runtime: No runtime manifest\n")
                .contains("  Fix: Run: ktx runtime install --yes\n");
    }

    @Test
    void doctorNamesTheCommandsThatFixOrComeNext() {
        var result = new CliHarness().diagnose(() -> new DoctorReport(List.of(
                DoctorCheck.fail("import", "Runtime import", "No module named kaelio_ktx", DoctorCheck.Fix.Command.REINSTALL_RUNTIME),
                DoctorCheck.pass("daemon", "KTX daemon", "Not running", DoctorCheck.Fix.Command.START_DAEMON),
                DoctorCheck.warn("model", "Embedding model", "gone", DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON))))
                .run("runtime", "doctor");

        assertThat(result.out()).isEqualTo(String.join("\n",
                "KTX Python runtime doctor",
                "FAIL Runtime import: No module named kaelio_ktx",
                "  Fix: Run: ktx runtime install --force --yes",
                "PASS KTX daemon: Not running (ktx runtime start starts it)",
                "WARN Embedding model: gone; stale: ktx runtime start replaces it, ktx runtime stop cleans it up",
                ""));
    }

    @Test
    void doctorExitsZeroWithOnlyPassesAndWarnings() {
        var result = new CliHarness().diagnose(() -> new DoctorReport(List.of(
                DoctorCheck.warn("uv", "uv", "uv not found"), DoctorCheck.pass("runtime", "Managed Python runtime", "ok"))))
                .run("runtime", "doctor", "--json");

        assertThat(result.code()).isZero();
        var json = CliHarness.json(result.out());
        assertThat(json.at("/checks/0/id").asText()).isEqualTo("uv");
        assertThat(json.at("/checks/0/status").asText()).isEqualTo("warn");
        assertThat(json.at("/checks/0").has("fix")).isFalse();
    }

    @Test
    void pruneRefusesWithoutYesAndRemovesNothing() {
        AtomicBoolean called = new AtomicBoolean();
        var result = new CliHarness().prune(request -> {
            called.set(true);
            throw new AssertionError("should not prune without --yes");
        }).run("runtime", "prune");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Refusing to prune without --yes. Preview with: ktx runtime prune --dry-run\n");
        assertThat(called).isFalse();
    }

    @Test
    void pruneDryRunListsStaleDirectoriesAndKeptOnes() {
        var result = new CliHarness().prune(request -> new PruneResult(Path.of("/runtime"), request.dryRun(),
                List.of(Path.of("/runtime/0.1.0")),
                List.of(new PruneResult.Kept(Path.of("/runtime/0.0.9"), "install in progress")), List.of()))
                .run("runtime", "prune", "--dry-run");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Stale KTX Python runtimes\n/runtime/0.1.0\nkept /runtime/0.0.9 (install in progress)\n");
    }

    @Test
    void pruneWithNothingToDoSaysSo() {
        var result = new CliHarness().prune(request -> new PruneResult(Path.of("/runtime"), false, List.of(), List.of(), List.of()))
                .run("runtime", "prune", "--yes");

        assertThat(result.out()).isEqualTo("No stale KTX Python runtimes found under /runtime\n");
    }

    @Test
    void pruneFailureExitsOne() {
        var result = new CliHarness().prune(request -> new PruneResult(Path.of("/runtime"), false, List.of(), List.of(),
                List.of(new PruneResult.Failed(Path.of("/runtime/0.1.0"), "AccessDeniedException: /runtime/0.1.0/x"))))
                .run("runtime", "prune", "--yes");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Could not remove /runtime/0.1.0: AccessDeniedException");
    }
}
