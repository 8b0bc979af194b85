package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.application.port.out.ToolProbes;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorReport;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import ai.kaelio.ktx.domain.PythonRequirement;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Doctor: the checks, in the contract's order, each with a fix when it fails. */
public final class DiagnoseRuntimeService implements DiagnoseRuntimeUseCase {


    private final RuntimeAssets assets;
    private final RuntimeInspector inspector;
    private final ToolProbes probes;
    private final ProvisionerPreference preference;
    private final DaemonInspector daemons;
    private final DaemonClient client;
    private final InspectEmbeddingModelService models;
    private final HostEnvironment host;

    public DiagnoseRuntimeService(RuntimeAssets assets, RuntimeInspector inspector, ToolProbes probes,
            ProvisionerPreference preference, DaemonInspector daemons, DaemonClient client,
            InspectEmbeddingModelService models, HostEnvironment host) {
        this.models = models;
        this.host = host;
        this.assets = assets;
        this.inspector = inspector;
        this.probes = probes;
        this.preference = preference;
        this.daemons = daemons;
        this.client = client;
    }

    @Override
    public DoctorReport diagnose() throws InterruptedException {
        RuntimeAssets.AssetCheck asset = assets.verify();
        PythonRequirement requirement = asset instanceof RuntimeAssets.Verified verified
                ? verified.requiresPython()
                : PythonRequirement.ANY;
        ToolProbes.UvProbe uv = probes.uv();
        ToolProbes.PythonProbe python = probes.python();
        Optional<ProvisionerChoice> choice = configuredChoice();
        boolean uvWillBuild = uv instanceof ToolProbes.UvFound && choice.orElse(ProvisionerChoice.AUTO) != ProvisionerChoice.VENV;
        boolean pythonUsable = python instanceof ToolProbes.PythonFound found && requirement.isSatisfiedBy(found.version());

        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(uvCheck(uv, choice, pythonUsable, requirement));
        checks.add(pythonCheck(python, requirement, uvWillBuild));
        checks.add(assetCheck(asset));
        // The verified asset already holds the manifest; read it again only when verification failed.
        RuntimeStatus status = inspector.inspect(asset instanceof RuntimeAssets.Verified verifiedAsset
                ? java.util.Optional.of(verifiedAsset.manifest())
                : assets.readManifest());
        checks.add(runtimeCheck(status));
        checks.add(importCheck(status));
        DaemonState daemon = daemons.inspect();
        // Asked once, here: the model check reads the same answer.
        Optional<DaemonClient.Health> health = daemon instanceof DaemonState.Running running
                ? Optional.of(client.health(running.daemon().endpoint())) : Optional.empty();
        checks.add(daemonCheck(daemon, health));
        if (status instanceof RuntimeStatus.Ready ready && ready.installed().features().contains(Feature.LOCAL_EMBEDDINGS)) {
            checks.add(modelCheck(models.inspect(daemon, health)));
        }
        return new DoctorReport(checks);
    }

    private Optional<ProvisionerChoice> configuredChoice() {
        try {
            return Optional.of(preference.choice());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DoctorCheck uvCheck(
            ToolProbes.UvProbe uv, Optional<ProvisionerChoice> choice, boolean pythonUsable, PythonRequirement requirement) {
        if (choice.isEmpty()) {
            return DoctorCheck.fail("uv", "uv", ProvisionerChoice.VARIABLE + " names no provisioner",
                    "Set " + ProvisionerChoice.VARIABLE + " to one of " + ProvisionerChoice.allIds() + ", or unset it");
        }
        if (uv instanceof ToolProbes.UvFound found) {
            return DoctorCheck.pass("uv", "uv", found.version() + " at " + found.executable());
        }
        if (!(uv instanceof ToolProbes.UvMissing missing)) {
            throw new AssertionError(uv);
        }
        String reason = missing.reason();
        if (choice.get() == ProvisionerChoice.UV) {
            return DoctorCheck.fail("uv", "uv", reason + " and " + ProvisionerChoice.VARIABLE + " is uv",
                    "Install uv, or set " + ProvisionerChoice.VARIABLE + "=venv to use Python's venv and pip");
        }
        if (pythonUsable) {
            return DoctorCheck.warn("uv", "uv", reason + "; installs use Python's venv and pip instead");
        }
        return DoctorCheck.fail("uv", "uv", reason + ", and no usable Python was found either",
                "Install uv, or " + wantedPython(requirement));
    }

    private static DoctorCheck pythonCheck(ToolProbes.PythonProbe python, PythonRequirement requirement, boolean uvWillBuild) {
        String label = "Python interpreter";
        String fix = "Install " + wantedPython(requirement) + ", or set KTX_PYTHON to one";
        String problem;
        if (python instanceof ToolProbes.PythonFound found) {
            String described = "Python " + found.version() + " at " + found.executable();
            if (requirement.isSatisfiedBy(found.version())) {
                return DoctorCheck.pass("python", label, described + " satisfies " + requirement);
            }
            problem = described + " does not satisfy " + requirement;
        } else if (python instanceof ToolProbes.PythonMissing missing) {
            problem = missing.reason();
        } else {
            throw new AssertionError(python);
        }
        return uvWillBuild
                ? DoctorCheck.warn("python", label, problem + "; uv provides the interpreter instead")
                : DoctorCheck.fail("python", label, problem, fix);
    }

    /** The wheel's own Requires-Python, not a fixed version, so the fix stays right when the wheel changes. */
    private static String wantedPython(PythonRequirement requirement) {
        return requirement.clauses().isEmpty() ? "Python 3" : "Python " + requirement.specifier();
    }

    private static DoctorCheck assetCheck(RuntimeAssets.AssetCheck asset) {
        String label = "Bundled Python wheel";
        if (asset instanceof RuntimeAssets.Verified verified) {
            return DoctorCheck.pass("asset", label, verified.wheelPath()
                    + " (sha256 " + RuntimeInspector.shortSha(verified.manifest()) + "…, verified)");
        }
        if (asset instanceof RuntimeAssets.Rejected rejected) {
            return DoctorCheck.fail("asset", label, rejected.reason(),
                    "Reinstall ktx: its bundled Python wheel is damaged or missing");
        }
        throw new AssertionError(asset);
    }

    private static DoctorCheck runtimeCheck(RuntimeStatus status) {
        String label = "Managed Python runtime";
        return status.isReady()
                ? DoctorCheck.pass("runtime", label, status.detail())
                : DoctorCheck.fail("runtime", label, status.detail(), DoctorCheck.Fix.Command.INSTALL_RUNTIME);
    }

    private DoctorCheck importCheck(RuntimeStatus status) throws InterruptedException {
        String label = "Runtime import";
        if (!(status instanceof RuntimeStatus.Ready ready)) {
            return DoctorCheck.warn("import", label, "Skipped: the runtime is not ready");
        }
        ToolProbes.RuntimeProbe probe = probes.runtime(
                ready.installed().environment(ready.layout().platform()), ready.installed().features());
        return probe.ok()
                ? DoctorCheck.pass("import", label, probe.detail())
                : DoctorCheck.fail("import", label, probe.detail(), DoctorCheck.Fix.Command.REINSTALL_RUNTIME);
    }

    /** Unlike status, doctor asks the daemon itself: a live process that does not answer is stale too. */
    private static DoctorCheck daemonCheck(DaemonState state, Optional<DaemonClient.Health> answer) {
        String label = "KTX daemon";
        if (state instanceof DaemonState.Stopped) {
            return DoctorCheck.pass("daemon", label, "Not running", DoctorCheck.Fix.Command.START_DAEMON);
        }
        if (!(state instanceof DaemonState.Running running)) {
            // Stale or unrecorded: nothing recorded to ask.
            return DoctorCheck.warn("daemon", label, state.detail(), DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON);
        }
        DaemonRecord daemon = running.daemon();
        DaemonClient.Health health = answer.orElseThrow();
        if (health instanceof DaemonClient.Healthy healthy) {
            return DoctorCheck.pass("daemon", label, "Running at " + daemon.url() + " (pid " + daemon.pid()
                    + "), healthy, version " + healthy.version() + ", features " + healthy.features());
        }
        String problem;
        if (health instanceof DaemonClient.Unanswered unanswered) {
            problem = "does not answer at " + daemon.url() + ": " + unanswered.reason();
        } else if (health instanceof DaemonClient.Unauthorized) {
            problem = "refuses its recorded token at " + daemon.url();
        } else {
            throw new AssertionError(health);
        }
        return DoctorCheck.warn("daemon", label, "Process " + daemon.pid() + " runs but " + problem,
                DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON);
    }

    /**
     * Where the embedding model's files are. Only a model that cannot be had is a warning: not a failure,
     * because everything but embed works without it.
     */
    private DoctorCheck modelCheck(EmbeddingModelStatus model) {
        String label = "embedding model";
        String served = model.served().map(daemon -> daemon.loaded()
                ? "; the daemon has it loaded (" + daemon.dimensions().orElse(0) + " dimensions)"
                : "; the daemon serves it, not loaded yet").orElse("");
        return switch (model.source()) {
            case DIRECTORY -> DoctorCheck.pass("model", label, model.name() + ": a local directory" + served);
            case CACHE -> DoctorCheck.pass("model", label, model.name() + ": in the Hugging Face cache at " + model.where() + served);
            case NOT_CACHED -> offline()
                    ? DoctorCheck.warn("model", label, model.name() + " is neither a local directory"
                            + " nor in the Hugging Face cache (" + model.where() + "), and HF_HUB_OFFLINE is set: ktx embed"
                            + " cannot fetch it" + served, new DoctorCheck.Fix.Advice("Unset HF_HUB_OFFLINE for its first"
                            + " download, or set " + EmbeddingModelSetting.VARIABLE + " to a local model directory"))
                    : DoctorCheck.pass("model", label, model.name() + ": not in the Hugging Face cache yet ("
                            + model.where() + "); the first ktx embed downloads it" + served);
        };
    }

    /** As huggingface_hub reads the variable. */
    private boolean offline() {
        return host.variable("HF_HUB_OFFLINE")
                .map(value -> java.util.Set.of("1", "ON", "YES", "TRUE").contains(value.strip().toUpperCase(java.util.Locale.ROOT)))
                .orElse(false);
    }
}
