package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.KtxCli;
import ai.kaelio.ktx.application.port.in.InstallRuntimeUseCase;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProductionWiringTest {

    @TempDir
    Path dir;

    @Test
    void productionStageBuildsEveryBindingAndEveryUseCaseIsBound() throws Exception {
        // Production stage builds every singleton eagerly, so a missing binding fails here rather than in a user's command.
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", dir.toString()), dir);
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                KtxModules.production(host, new CliVersion("0.1.0"), dir.resolve("assets")));

        // Every binding, walked: the next one added is covered without editing this test.
        List<Key<?>> built = new ArrayList<>();
        for (Map.Entry<Key<?>, Binding<?>> binding : injector.getAllBindings().entrySet()) {
            assertThat(binding.getValue().getProvider().get()).as(binding.getKey().toString()).isNotNull();
            built.add(binding.getKey());
        }
        assertThat(useCases()).isNotEmpty().allSatisfy(useCase ->
                assertThat(built).as("a binding for " + useCase.getSimpleName()).contains(Key.get(useCase)));

        StringWriter help = new StringWriter();
        int code = KtxCli.run(injector.getInstance(CommandLine.IFactory.class),
                new PrintWriter(help), new PrintWriter(new StringWriter()), "runtime", "--help");
        assertThat(code).isZero();
        assertThat(help.toString()).contains("install").contains("prune").contains("exec").contains("start").contains("stop");
    }

    /** Every {@code *UseCase} of the application's port.in, listed from its compiled classes. */
    private static List<Class<?>> useCases() throws IOException, ClassNotFoundException {
        String packageName = InstallRuntimeUseCase.class.getPackageName();
        Path location = Path.of(URI.create(InstallRuntimeUseCase.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(packageName.replace('.', '/')))) {
                files.map(file -> file.getFileName().toString()).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                String prefix = packageName.replace('.', '/') + "/";
                jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                        .map(name -> name.substring(prefix.length())).forEach(names::add);
            }
        }
        List<Class<?>> useCases = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("UseCase.class")) {
                useCases.add(Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length())));
            }
        }
        return useCases;
    }

    @Test
    void theBuildKnowsItsVersion() {
        assertThat(Distribution.version().value()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void relativeRuntimeRootIsResolvedAgainstTheWorkingDirectory() {
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", "relative/root"), dir);
        Injector injector = Guice.createInjector(KtxModules.production(host, new CliVersion("0.1.0"), dir));

        Path root = injector.getInstance(ai.kaelio.ktx.domain.RuntimeLayout.class).runtimeRoot();
        assertThat(root.isAbsolute()).isTrue();
        assertThat(root.endsWith(Path.of("relative/root"))).as(root.toString()).isTrue();
    }
}
