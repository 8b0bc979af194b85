package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Shared by the file adapter tests: the real bundled wheel, and manifests to write and read. */
final class FsFixtures {

    static final String WHEEL_FILE = "kaelio_ktx-0.1.0-py3-none-any.whl";

    private FsFixtures() {
    }

    /** Maven runs tests with the module directory as working directory. */
    static Path repository() {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        assertThat(repository.resolve("python/build_backend/ktx_build.py"))
                .as("tests expect to run from a module directory of the ktx repository")
                .isRegularFile();
        return repository;
    }

    /** Builds the real wheel and its manifest into {@code outDir} with the in-tree backend. */
    static Path buildWheel(Path outDir) throws IOException, InterruptedException {
        Process build = new ProcessBuilder("python3",
                repository().resolve("python/build_backend/ktx_build.py").toString(), "--out-dir", outDir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(output).isZero();
        assertThat(outDir.resolve(WHEEL_FILE)).isRegularFile();
        return outDir;
    }

    /** A fresh copy of the built assets, so a test may tamper with its own. */
    static Path copyAssets(Path built, Path assetDir) throws IOException {
        Files.createDirectories(assetDir);
        for (String name : new String[] {WHEEL_FILE, "manifest.json"}) {
            Files.copy(built.resolve(name), assetDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return assetDir;
    }

    static AssetManifest asset() {
        return new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel(WHEEL_FILE, "ab".repeat(32), 2650));
    }

    static InstalledManifest installed(FeatureSet features, Optional<ProvisionerInfo> provisioner) {
        Path venv = Path.of("/runtime/0.1.0/venv-20260102T030405-a1b2c3");
        return new InstalledManifest(1, "0.1.0", Instant.parse("2026-01-02T03:04:05.123456789Z"), asset(), features,
                new InstalledManifest.Executables(venv.resolve("bin/python"), venv.resolve("bin/ktx-daemon")),
                Path.of("/runtime/0.1.0/install.log"), provisioner);
    }

    static InstalledManifest installed() {
        return installed(FeatureSet.of(Feature.LOCAL_EMBEDDINGS), Optional.of(new ProvisionerInfo("uv", "0.9.5")));
    }
}
