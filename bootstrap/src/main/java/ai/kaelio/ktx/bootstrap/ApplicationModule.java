package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.EmbedTextsUseCase;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ActivateRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.LocateCommandUseCase;
import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectEmbeddingModelUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.PruneRuntimesUseCase;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.application.port.out.EnvironmentLeases;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.application.port.out.RuntimeAssets;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.application.port.out.ToolProbes;
import ai.kaelio.ktx.application.service.DaemonInspector;
import ai.kaelio.ktx.application.service.DaemonTimeouts;
import ai.kaelio.ktx.application.service.DiagnoseRuntimeService;
import ai.kaelio.ktx.application.service.EmbedTextsService;
import ai.kaelio.ktx.application.service.EnsureRuntimeService;
import ai.kaelio.ktx.application.service.EnvironmentCleaner;
import ai.kaelio.ktx.application.service.ActivateRuntimeService;
import ai.kaelio.ktx.application.service.ExecInRuntimeService;
import ai.kaelio.ktx.application.service.LocateCommandService;
import ai.kaelio.ktx.application.service.InspectDaemonService;
import ai.kaelio.ktx.application.service.InspectEmbeddingModelService;
import ai.kaelio.ktx.application.service.InspectRuntimeService;
import ai.kaelio.ktx.application.service.InstallRuntimeService;
import ai.kaelio.ktx.application.service.ProvisionerPreference;
import ai.kaelio.ktx.application.service.PruneRuntimesService;
import ai.kaelio.ktx.application.service.RuntimeInspector;
import ai.kaelio.ktx.application.service.StartDaemonService;
import ai.kaelio.ktx.application.service.StopDaemonService;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.RuntimeLayout;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.time.Clock;

/** The use cases, built from their ports. The services stay free of injection annotations. */
final class ApplicationModule extends AbstractModule {

    @Provides
    RuntimeInspector inspector(RuntimeLayout layout, ManifestStore manifests, RuntimeFiles files) {
        return new RuntimeInspector(layout, manifests, files);
    }

    @Provides
    ProvisionerPreference preference(HostEnvironment host) {
        return new ProvisionerPreference(host);
    }

    @Provides
    InspectRuntimeUseCase inspect(RuntimeInspector inspector, RuntimeAssets assets) {
        return new InspectRuntimeService(inspector, assets);
    }

    @Provides
    InstallRuntimeUseCase install(RuntimeLayout layout, RuntimeAssets assets, RuntimeInspector inspector,
            RuntimeLock lock, EnvironmentProvisioners provisioners, ManifestStore manifests, RuntimeFiles files,
            ProvisionerPreference preference, Clock clock, DaemonInspector daemons, EnvironmentLeases leases) {
        return new InstallRuntimeService(layout, assets, inspector, lock, provisioners, manifests,
                new EnvironmentCleaner(layout, files, leases), preference, clock, daemons);
    }

    @Provides
    EnsureRuntimeUseCase ensure(RuntimeInspector inspector, RuntimeAssets assets, InstallRuntimeUseCase install) {
        return new EnsureRuntimeService(inspector, assets, install);
    }

    @Provides
    ExecInRuntimeUseCase exec(EnsureRuntimeUseCase ensure, RuntimeCommands commands, EnvironmentLeases leases) {
        return new ExecInRuntimeService(ensure, commands, leases);
    }

    @Provides
    ActivateRuntimeUseCase activate(EnsureRuntimeUseCase ensure, HostEnvironment host) {
        return new ActivateRuntimeService(ensure, host);
    }

    @Provides
    LocateCommandUseCase locate(EnsureRuntimeUseCase ensure, RuntimeCommands commands) {
        return new LocateCommandService(ensure, commands);
    }

    @Provides
    DiagnoseRuntimeUseCase diagnose(RuntimeAssets assets, RuntimeInspector inspector, ToolProbes probes,
            ProvisionerPreference preference, DaemonInspector daemons, DaemonClient client,
            InspectEmbeddingModelService models, HostEnvironment host) {
        return new DiagnoseRuntimeService(assets, inspector, probes, preference, daemons, client, models, host);
    }

    @Provides
    InspectEmbeddingModelService modelInspector(HostEnvironment host, ModelFiles files, DaemonClient client) {
        return new InspectEmbeddingModelService(host, files, client);
    }

    @Provides
    InspectEmbeddingModelUseCase inspectModel(InspectEmbeddingModelService service) {
        return service;
    }

    @Provides
    PruneRuntimesUseCase prune(RuntimeLayout layout, RuntimeFiles files, RuntimeLock lock, DaemonInspector daemons,
            EnvironmentLeases leases) {
        return new PruneRuntimesService(layout, files, lock, daemons, leases);
    }

    @Provides
    DaemonInspector daemonInspector(RuntimeLayout layout, DaemonFiles files, DaemonProcesses processes) {
        return new DaemonInspector(layout, files, processes);
    }

    @Provides
    InspectDaemonUseCase inspectDaemon(DaemonInspector daemons) {
        return new InspectDaemonService(daemons);
    }

    @Provides
    StartDaemonUseCase start(RuntimeLayout layout, RuntimeInspector inspector, RuntimeAssets assets, EnsureRuntimeUseCase ensure,
            RuntimeLock lock, DaemonInspector daemons, DaemonFiles files, DaemonProcesses processes, DaemonClient client,
            Clock clock, HostEnvironment host) {
        return new StartDaemonService(layout, inspector, assets, ensure, lock, daemons, files, processes, client, clock,
                DaemonTimeouts.DEFAULT, host);
    }

    @Provides
    EmbedTextsUseCase embed(StartDaemonUseCase start, Embeddings embeddings) {
        return new EmbedTextsService(start, embeddings);
    }

    @Provides
    StopDaemonUseCase stop(RuntimeLayout layout, RuntimeLock lock, DaemonInspector daemons,
            DaemonProcesses processes, DaemonClient client) {
        return new StopDaemonService(layout, lock, daemons, processes, client, DaemonTimeouts.DEFAULT);
    }
}
