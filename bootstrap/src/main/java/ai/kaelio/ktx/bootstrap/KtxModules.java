package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.adapters.cli.CliModule;
import ai.kaelio.ktx.adapters.fs.FsModule;
import ai.kaelio.ktx.adapters.process.ProcessModule;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import com.google.inject.Binder;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import java.nio.file.Path;

/** The production wiring. Tests override single ports through {@link Modules#override}. */
public final class KtxModules {

    private KtxModules() {
    }

    public static Module production(HostEnvironment host, CliVersion version, Path assetDir) {
        return Modules.combine(
                // A class rather than a lambda, as in StartupWarmUp: the main thread's first lambda costs it
                // the JVM's lambda machinery, which the warm-up thread readies meanwhile.
                new Module() {
                    @Override
                    public void configure(Binder binder) {
                        binder.requireExplicitBindings();
                        binder.requireAtInjectOnConstructors();
                    }
                },
                new HostModule(host, version, assetDir),
                new ApplicationModule(),
                new FsModule(),
                new ProcessModule(),
                new CliModule());
    }

    /**
     * Development stage creates singletons lazily, so a command builds only what it uses;
     * tests build the same modules in production stage to catch a missing binding up front.
     */
    public static Injector injector(Module modules) {
        return Guice.createInjector(Stage.DEVELOPMENT, modules);
    }
}
