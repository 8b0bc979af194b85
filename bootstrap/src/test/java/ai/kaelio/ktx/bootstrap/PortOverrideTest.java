package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioners;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production wiring with one port swapped: everything else (files, manifests, locks, CLI) is real. */
class PortOverrideTest {

    @TempDir
    Path dir;

    @Test
    void installRunsThroughTheRealWiringWithAFakeProvisioner() throws Exception {
        Path assets = TestWheels.buildInto(dir.resolve("assets/python"));
        List<Path> provisioned = new ArrayList<>();
        EnvironmentProvisioner fake = new EnvironmentProvisioner() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Outcome provision(Request request) throws java.io.IOException {
                Files.createDirectories(request.environment().pythonPath().getParent());
                Files.writeString(request.environment().pythonPath(), "#!/bin/sh\n");
                Files.writeString(request.environment().daemonPath(), "#!/bin/sh\n");
                provisioned.add(request.environment().venvDir());
                return new Provisioned(new ProvisionerInfo("fake", "1.0"));
            }
        };
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", dir.resolve("root").toString()), dir);
        var modules = Modules.override(KtxModules.production(host, new CliVersion("0.1.0"), assets))
                .with(binder -> binder.bind(EnvironmentProvisioners.class).toInstance(choice -> new EnvironmentProvisioners.Selected(fake)));

        String installed = run(modules, "runtime", "install");
        String status = run(modules, "runtime", "status");

        assertThat(installed).startsWith("Installed KTX Python runtime");
        assertThat(provisioned).hasSize(1);
        assertThat(status).contains("status: ready").contains("python: " + provisioned.get(0));
        assertThat(run(modules, "runtime", "install")).startsWith("Using existing KTX Python runtime");
        assertThat(provisioned).hasSize(1);
    }

    private static String run(com.google.inject.Module modules, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(modules, new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }
}
