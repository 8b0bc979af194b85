package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The install algorithm (contract section 4). Its one rule: a runtime that works keeps working until
 * its replacement is complete. Each attempt builds a new environment beside the current one, and the
 * installed manifest, written atomically and last, is the only switch from old to new. Each attempt logs to
 * a file of its own, renamed to {@code install.log} once committed. Environments no manifest names any
 * more are removed by the next install, under the lock, with their logs.
 */
public final class InstallRuntimeService implements InstallRuntimeUseCase {

    private final RuntimeLayout layout;
    private final RuntimeAssets assets;
    private final RuntimeInspector inspector;
    private final RuntimeLock lock;
    private final EnvironmentProvisioners provisioners;
    private final ManifestStore manifests;
    private final EnvironmentCleaner cleaner;
    private final ProvisionerPreference preference;
    private final Clock clock;
    private final AttemptIds attemptIds;
    private final DaemonInspector daemons;

    public InstallRuntimeService(
            RuntimeLayout layout,
            RuntimeAssets assets,
            RuntimeInspector inspector,
            RuntimeLock lock,
            EnvironmentProvisioners provisioners,
            ManifestStore manifests,
            EnvironmentCleaner cleaner,
            ProvisionerPreference preference,
            Clock clock,
            DaemonInspector daemons) {
        this.layout = layout;
        this.assets = assets;
        this.inspector = inspector;
        this.lock = lock;
        this.provisioners = provisioners;
        this.manifests = manifests;
        this.cleaner = cleaner;
        this.preference = preference;
        this.clock = clock;
        this.attemptIds = new AttemptIds(clock);
        this.daemons = daemons;
    }

    @Override
    public InstallResult install(InstallRequest request) throws IOException, InterruptedException {
        request.observer().stepStarted(InstallStep.VERIFY_WHEEL);
        RuntimeAssets.AssetCheck check = assets.verify();
        if (check instanceof RuntimeAssets.Rejected rejected) {
            return new InstallResult.Refused(rejected.reason());
        }
        if (!(check instanceof RuntimeAssets.Verified asset)) {
            throw new AssertionError(check);
        }

        RuntimeStatus before = inspector.inspect(Optional.of(asset.manifest()));
        if (isReusable(before, request)) {
            return new InstallResult.AlreadyReady(layout, before.manifest().orElseThrow());
        }
        EnvironmentProvisioners.Selection selection = select(request);
        if (selection instanceof EnvironmentProvisioners.Unavailable unavailable) {
            return new InstallResult.Refused(unavailable.reason());
        }
        if (!(selection instanceof EnvironmentProvisioners.Selected selected)) {
            throw new AssertionError(selection);
        }
        EnvironmentProvisioner provisioner = selected.provisioner();

        try (RuntimeLock.Handle held = lock.acquire(layout.lockPath(), "install",
                holder -> request.observer().waitingForLock(layout.lockPath(), holder))) {
            // Whoever held the lock may have just installed what we need.
            RuntimeStatus current = inspector.inspect(Optional.of(asset.manifest()));
            if (isReusable(current, request)) {
                return new InstallResult.AlreadyReady(layout, current.manifest().orElseThrow());
            }
            // The environment it runs from would be removed under it. Start spawns daemons only under this
            // lock, so none can appear while we build. A daemon counts whether or not a valid record names it.
            List<Long> daemonPids = daemons.inspect().runningPids();
            if (!daemonPids.isEmpty()) {
                return new InstallResult.DaemonRunning(daemonPids);
            }
            return provision(request, asset, current, provisioner);
        }
    }

    private InstallResult provision(
            InstallRequest request,
            RuntimeAssets.Verified asset,
            RuntimeStatus current,
            EnvironmentProvisioner provisioner) throws IOException, InterruptedException {
        FeatureSet features = request.features().union(recordedFeatures(current));
        cleaner.prepareVersionDir();
        Optional<Path> exposed = cleaner.exposedDirectory();
        if (exposed.isPresent()) {
            return new InstallResult.Refused("Refusing to install into " + exposed.get() + ": other users can write"
                    + " to it. Make it private (chmod go-w), or set KTX_RUNTIME_ROOT to a private directory.");
        }
        cleaner.removeLeftovers(current.environment());

        String attemptId = attemptIds.next();
        EnvironmentLayout attempt = layout.environment(attemptId);
        // The attempt's own log: install.log stays the committed runtime's until this attempt is committed.
        Path attemptLog = layout.attemptLogPath(attemptId);
        EnvironmentProvisioner.Outcome outcome;
        try {
            outcome = provisioner.provision(new EnvironmentProvisioner.Request(
                    attempt, asset.wheelPath(), features, asset.requiresPython(),
                    attemptLog, request.observer()::stepStarted));
        } catch (IOException | InterruptedException | RuntimeException e) {
            discardWithLog(attempt, attemptLog);
            throw e;
        }
        if (outcome instanceof EnvironmentProvisioner.Refused refused) {
            discardWithLog(attempt, attemptLog);
            return new InstallResult.Refused(refused.reason());
        }
        // A failure's message points at its log: that stays until the next install clears leftovers.
        if (outcome instanceof EnvironmentProvisioner.Failed failed) {
            cleaner.discard(attempt);
            return new InstallResult.Failed(attemptLog, failed.command(), failed.outputTail());
        }
        if (!(outcome instanceof EnvironmentProvisioner.Provisioned provisioned)) {
            throw new AssertionError(outcome);
        }
        Optional<String> missing = cleaner.missingExecutable(attempt);
        if (missing.isPresent()) {
            cleaner.discard(attempt);
            return new InstallResult.Failed(attemptLog, provisioner.name(), List.of(missing.get()));
        }

        request.observer().stepStarted(InstallStep.WRITE_MANIFEST);
        InstalledManifest manifest = new InstalledManifest(
                InstalledManifest.SCHEMA_VERSION,
                layout.cliVersion().value(),
                clock.instant(),
                asset.manifest(),
                features,
                new InstalledManifest.Executables(attempt.pythonPath(), attempt.daemonPath()),
                layout.installLogPath(),
                Optional.of(provisioned.info()));
        try {
            manifests.write(layout.manifestPath(), manifest);
        } catch (IOException e) {
            discardWithLog(attempt, attemptLog);
            throw e;
        }
        // After the commit, not before: until the manifest names the new environment, install.log is the log
        // of the runtime in use. An install ended in between leaves this rename to the next one.
        cleaner.adoptLog(attemptLog);
        // The replaced environment stays until the next install clears leftovers: a status, exec or
        // daemon that read the previous manifest a moment ago still finds a runtime that runs.
        return new InstallResult.Installed(layout, manifest);
    }

    private void discardWithLog(EnvironmentLayout attempt, Path attemptLog) {
        cleaner.discard(attempt);
        cleaner.discardLog(attemptLog);
    }

    private EnvironmentProvisioners.Selection select(InstallRequest request) {
        Optional<ProvisionerChoice> explicit = request.provisioner();
        if (explicit.isPresent()) {
            return provisioners.select(explicit.get());
        }
        try {
            return provisioners.select(preference.choice());
        } catch (IllegalArgumentException e) {
            return new EnvironmentProvisioners.Unavailable(e.getMessage()
                    + ". Set " + ProvisionerChoice.VARIABLE + " to one of them, or unset it.");
        }
    }

    private static boolean isReusable(RuntimeStatus status, InstallRequest request) {
        return !request.force()
                && status instanceof RuntimeStatus.Ready ready
                && ready.installed().features().covers(request.features());
    }

    /** A reinstall keeps every feature the runtime had: it never silently drops one. */
    private FeatureSet recordedFeatures(RuntimeStatus current) {
        return current.manifest()
                .filter(manifest -> manifest.cliVersion().equals(layout.cliVersion().value()))
                .map(InstalledManifest::features)
                .orElse(FeatureSet.core());
    }
}
