package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.application.port.out.ToolProbes;
import com.google.inject.AbstractModule;

/** Binds the process adapters. Needs {@code HostEnvironment} from elsewhere. */
public final class ProcessModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(EnvironmentProvisioners.class).to(ProcessEnvironmentProvisioners.class);
        bind(ToolProbes.class).to(ProcessToolProbes.class);
        bind(RuntimeCommands.class).to(ProcessBuilderRuntimeCommands.class);
        bind(ProcessEnvironmentProvisioners.class);
        bind(ProcessToolProbes.class);
        bind(VenvProvisioner.class);
        bind(DaemonLauncherCheck.class);
        bind(PythonInterpreters.class);
        bind(UvLocator.class);
        bind(ExecutableFinder.class);
        bind(CommandRunner.class);
        bind(ProcessBuilderRuntimeCommands.class);
        // Daemon processes and the HTTP client: neither loads zt-exec, so status can use the first.
        bind(DaemonProcesses.class).to(ProcessHandleDaemonProcesses.class);
        bind(ProcessHandleDaemonProcesses.class);
        bind(DaemonClient.class).to(HttpDaemonClient.class);
        bind(HttpDaemonClient.class);
        bind(Embeddings.class).to(HttpEmbeddings.class);
        bind(HttpEmbeddings.class);
    }
}
