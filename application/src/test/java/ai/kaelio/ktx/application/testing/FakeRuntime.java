package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.service.DaemonInspector;
import ai.kaelio.ktx.application.service.DaemonTimeouts;
import ai.kaelio.ktx.application.service.DiagnoseRuntimeService;
import ai.kaelio.ktx.application.service.EnsureRuntimeService;
import ai.kaelio.ktx.application.service.EnvironmentCleaner;
import ai.kaelio.ktx.application.service.InspectDaemonService;
import ai.kaelio.ktx.application.service.InspectRuntimeService;
import ai.kaelio.ktx.application.service.InstallRuntimeService;
import ai.kaelio.ktx.application.service.ProvisionerPreference;
import ai.kaelio.ktx.application.service.PruneRuntimesService;
import ai.kaelio.ktx.application.service.RuntimeInspector;
import ai.kaelio.ktx.application.service.StartDaemonService;
import ai.kaelio.ktx.application.service.StopDaemonService;
import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import ai.kaelio.ktx.domain.PythonRequirement;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One CLI version's runtime on a Linux host, built from fakes, with the real services on top. Each
 * service method builds a fresh service, so variables set with {@link #variable} are seen.
 */
public final class FakeRuntime {

    public static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    public static final CliVersion VERSION = new CliVersion("0.2.0");
    public static final Path HOME = Path.of("/home/alex");
    public static final Path ROOT = HOME.resolve(".local/share/kaelio/ktx/runtime");
    public static final Path ASSET_DIR = Path.of("/opt/ktx/assets/python");
    public static final String WHEEL_SHA = "0123456789abcdef".repeat(4);
    public static final String OTHER_WHEEL_SHA = "fedcba9876543210".repeat(4);
    public static final String REQUIRES_PYTHON = ">=3.10";
    /** The interpreter installed environments are built from; their pyvenv.cfg names its directory. */
    public static final Path BASE_PYTHON = FakeToolProbes.PYTHON;

    private final RuntimeLayout layout = RuntimeLayout.of(VERSION, Platform.LINUX, ROOT, ASSET_DIR);
    private final Map<String, String> variables = new HashMap<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeRuntimeFiles files = new FakeRuntimeFiles();
    private final InMemoryManifestStore manifests = new InMemoryManifestStore();
    private final FakeRuntimeLock lock = new FakeRuntimeLock();
    private final FakeEnvironmentLeases leases = new FakeEnvironmentLeases();
    private final FakeToolProbes probes = new FakeToolProbes();
    private final FakeRuntimeAssets assets;
    private final RecordingProvisioner provisioner;
    private final FakeEnvironmentProvisioners provisioners;
    private final InMemoryDaemonFiles daemonFiles = new InMemoryDaemonFiles();
    private final FakeDaemonHost daemonHost = new FakeDaemonHost(daemonFiles);
    /** Short enough that a daemon which never comes up fails a test in a fraction of a second. */
    private DaemonTimeouts daemonTimeouts = new DaemonTimeouts(
            Duration.ofMillis(300), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(5));

    public FakeRuntime() {
        files.file(BASE_PYTHON, "python").file(wheelPath(), "wheel");
        assets = FakeRuntimeAssets.verified(asset(), wheelPath(), PythonRequirement.parse(REQUIRES_PYTHON));
        provisioner = new RecordingProvisioner("venv", files, BASE_PYTHON.getParent());
        provisioners = new FakeEnvironmentProvisioners(provisioner);
    }

    public static AssetManifest asset() {
        return asset(WHEEL_SHA);
    }

    public static AssetManifest asset(String sha256) {
        return new AssetManifest(AssetManifest.SCHEMA_VERSION, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel("kaelio_ktx-0.1.0-py3-none-any.whl", sha256, 1234));
    }

    public static Path wheelPath() {
        return ASSET_DIR.resolve(asset().wheel().file());
    }

    public FakeRuntime variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public HostEnvironment host() {
        return new HostEnvironment(Platform.LINUX, variables, HOME);
    }

    /** A manifest of this CLI version and bundled wheel for {@code environment}. */
    public InstalledManifest manifestFor(EnvironmentLayout environment, FeatureSet features) {
        return new InstalledManifest(InstalledManifest.SCHEMA_VERSION, VERSION.value(), NOW.minusSeconds(3600),
                asset(), features, new InstalledManifest.Executables(environment.pythonPath(), environment.daemonPath()),
                layout.installLogPath(), Optional.of(new ProvisionerInfo("venv", "23.0")));
    }

    /** Builds an environment on disk (pyvenv.cfg, python, daemon) without committing a manifest for it. */
    public EnvironmentLayout environmentOnDisk(String attemptId) {
        EnvironmentLayout environment = layout.environment(attemptId);
        files.file(environment.venvDir().resolve("pyvenv.cfg"), "home = " + BASE_PYTHON.getParent() + "\n")
                .file(environment.pythonPath(), "python")
                .file(environment.daemonPath(), "daemon");
        return environment;
    }

    /** A ready runtime: an environment on disk and a committed manifest naming it. */
    public EnvironmentLayout installedRuntime(String attemptId, FeatureSet features) {
        EnvironmentLayout environment = environmentOnDisk(attemptId);
        manifests.put(layout.manifestPath(), manifestFor(environment, features));
        return environment;
    }

    public Optional<InstalledManifest> committedManifest() {
        return manifests.manifestAt(layout.manifestPath());
    }

    public RuntimeInspector inspector() {
        return new RuntimeInspector(layout, manifests, files);
    }

    public InspectRuntimeService statusService() {
        return new InspectRuntimeService(inspector(), assets);
    }

    public InstallRuntimeService installService() {
        return new InstallRuntimeService(layout, assets, inspector(), lock, provisioners, manifests,
                new EnvironmentCleaner(layout, files, leases), new ProvisionerPreference(host()), clock, daemonInspector());
    }

    public EnsureRuntimeService ensureService() {
        return new EnsureRuntimeService(inspector(), assets, installService());
    }

    public DaemonInspector daemonInspector() {
        return new DaemonInspector(layout, daemonFiles, daemonHost);
    }

    public InspectDaemonService daemonStatusService() {
        return new InspectDaemonService(daemonInspector());
    }

    public StartDaemonService startService() {
        return new StartDaemonService(layout, inspector(), assets, ensureService(), lock, daemonInspector(),
                daemonFiles, daemonHost, daemonHost, clock, daemonTimeouts, host());
    }

    public StopDaemonService stopService() {
        return new StopDaemonService(layout, lock, daemonInspector(), daemonHost, daemonHost, daemonTimeouts);
    }

    /** What {@code daemon.json} would say about a daemon process listening on {@code port} with {@code token}. */
    public DaemonRecord daemonRecord(ai.kaelio.ktx.domain.ProcessSnapshot process, int port, String token) {
        return new DaemonRecord(process.pid(), new DaemonEndpoint("127.0.0.1", port, token), "0.1.0", FeatureSet.core(),
                NOW, process.startedAt().orElseThrow(), layout.daemonLogPath(),
                committedManifest().map(manifest -> manifest.python().daemonExecutable())
                        .orElse(layout.environment("gone").daemonPath()));
    }

    public FakeRuntime daemonTimeouts(DaemonTimeouts timeouts) {
        daemonTimeouts = timeouts;
        return this;
    }

    public DiagnoseRuntimeService doctorService() {
        return new DiagnoseRuntimeService(assets, inspector(), probes, new ProvisionerPreference(host()),
                daemonInspector(), daemonHost, modelService(), host());
    }

    /** Every model is a repository not in the cache, unless a test says otherwise. */
    private ai.kaelio.ktx.application.port.out.ModelFiles modelFiles = name -> new ai.kaelio.ktx.application.port.out.ModelFiles.Location(
            ai.kaelio.ktx.domain.EmbeddingModelStatus.Source.NOT_CACHED,
            HOME.resolve(".cache/huggingface/hub/models--" + name.replace("/", "--")));

    public FakeRuntime modelFiles(ai.kaelio.ktx.application.port.out.ModelFiles files) {
        modelFiles = files;
        return this;
    }

    public ai.kaelio.ktx.application.service.InspectEmbeddingModelService modelService() {
        return new ai.kaelio.ktx.application.service.InspectEmbeddingModelService(host(), modelFiles, daemonHost);
    }

    public PruneRuntimesService pruneService() {
        return new PruneRuntimesService(layout, files, lock, daemonInspector(), leases);
    }

    public RuntimeLayout layout() {
        return layout;
    }

    public Clock clock() {
        return clock;
    }

    public FakeRuntimeFiles files() {
        return files;
    }

    public InMemoryManifestStore manifests() {
        return manifests;
    }

    public FakeRuntimeAssets assets() {
        return assets;
    }

    public FakeEnvironmentLeases leases() {
        return leases;
    }

    public FakeRuntimeLock lock() {
        return lock;
    }

    public RecordingProvisioner provisioner() {
        return provisioner;
    }

    public FakeEnvironmentProvisioners provisioners() {
        return provisioners;
    }

    public FakeToolProbes probes() {
        return probes;
    }

    public InMemoryDaemonFiles daemonFiles() {
        return daemonFiles;
    }

    public FakeDaemonHost daemonHost() {
        return daemonHost;
    }
}
