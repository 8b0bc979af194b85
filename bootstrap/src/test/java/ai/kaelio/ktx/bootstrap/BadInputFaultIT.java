package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged manifests, damaged bundled assets and unusable runtime roots: one clear sentence, nothing lost. */
class BadInputFaultIT {

    @TempDir
    Path dir;

    @Test
    void everyMutationOfTheInstalledManifestGivesAnHonestStatus() throws Exception {
        FaultTally tally = new FaultTally("installed-manifest-mutations");
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();
        Path manifest = dir.resolve("root").resolve(Distribution.version().value()).resolve("manifest.json");
        byte[] valid = Files.readAllBytes(manifest);
        List<ManifestMutations.Mutation> mutations = ManifestMutations.of(valid);
        assertThat(mutations).hasSizeGreaterThan(100);

        for (ManifestMutations.Mutation mutation : mutations) {
            Files.write(manifest, mutation.content());
            KtxRun.Result result = ktx.run("runtime", "status", "--json");
            String described = mutation.kind() + " (" + mutation.name() + ")";
            assertThat(result.code()).as(described + ": " + result.err()).isZero();
            assertThat(result.err()).as(described).isEmpty();
            assertThat(result.out()).as(described).doesNotContain("Exception").doesNotContain("\tat ");
            JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out());
            String kind = status.get("kind").asText();
            String detail = status.get("detail").asText();
            assertThat(kind).as(described).isIn("broken", "ready", "mismatched");
            assertThat(detail).as(described).isNotBlank().doesNotContain("\n").hasSizeLessThan(400);
            if (kind.equals("ready")) {
                assertThat(Faults.runs(status.at("/layout/pythonPath").asText())).as(described).isTrue();
            }
            tally.record(mutation.kind() + " -> " + kind);
        }
        Files.write(manifest, valid);
        Faults.assertReadyAndRuns(ktx);
        tally.publish();
    }

    @Test
    void damagedBundledAssetsAreRefusedInOneSentenceAndTheRuntimeIsUnchanged() throws Exception {
        FaultTally tally = new FaultTally("bundled-asset-mutations");
        Path root = dir.resolve("root");
        KtxRun good = KtxRun.against(root);
        String python = good.run("runtime", "install").succeeds().line("python: ");
        Path copy = DistributionIT.copyDistribution(dir.resolve("copy"));
        Path assets = copy.resolve("assets/python");
        Path manifestPath = assets.resolve("manifest.json");
        Path wheel;
        try (Stream<Path> files = Files.list(assets)) {
            wheel = files.filter(path -> path.toString().endsWith(".whl")).findFirst().orElseThrow();
        }
        byte[] manifest = Files.readAllBytes(manifestPath);
        byte[] wheelBytes = Files.readAllBytes(wheel);
        String text = new String(manifest, StandardCharsets.UTF_8);
        String fileName = wheel.getFileName().toString();

        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"wheel truncated", manifest, java.util.Arrays.copyOf(wheelBytes, wheelBytes.length / 2)});
        cases.add(new Object[] {"wheel empty", manifest, new byte[0]});
        cases.add(new Object[] {"wheel with one byte flipped", manifest, flipped(wheelBytes, wheelBytes.length / 3)});
        cases.add(new Object[] {"wheel with a byte appended", manifest, append(wheelBytes)});
        cases.add(new Object[] {"wheel missing", manifest, null});
        cases.add(new Object[] {"manifest missing", null, wheelBytes});
        cases.add(new Object[] {"manifest empty", new byte[0], wheelBytes});
        cases.add(new Object[] {"manifest truncated", java.util.Arrays.copyOf(manifest, manifest.length / 2), wheelBytes});
        cases.add(new Object[] {"manifest not JSON", "not json".getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest wheel name with ..", replace(text, fileName, "../" + fileName), wheelBytes});
        cases.add(new Object[] {"manifest wheel name absolute", replace(text, fileName, "/tmp/" + fileName), wheelBytes});
        cases.add(new Object[] {"manifest wheel name with backslash", replace(text, fileName, "..\\\\" + fileName), wheelBytes});
        cases.add(new Object[] {"manifest sha256 of another file", text.replaceAll("\"sha256\": \"[0-9a-f]{64}\"",
                "\"sha256\": \"" + "ab".repeat(32) + "\"").getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest sha256 malformed", text.replaceAll("\"sha256\": \"[0-9a-f]{64}\"",
                "\"sha256\": \"xyz\"").getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest size off by one", text.replaceAll("\"bytes\": (\\d+)", "\"bytes\": 1$1").getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest size negative", text.replaceAll("\"bytes\": (\\d+)", "\"bytes\": -1").getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest schemaVersion 2", text.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2").getBytes(), wheelBytes});
        cases.add(new Object[] {"manifest without wheel", "{\"schemaVersion\": 1}".getBytes(), wheelBytes});

        KtxRun damaged = KtxRun.with(copy.resolve("bin/ktx"), root);
        for (Object[] testCase : cases) {
            write(manifestPath, (byte[]) testCase[1]);
            write(wheel, (byte[]) testCase[2]);
            KtxRun.Result refused = damaged.run("runtime", "install", "--force").exits(1);
            assertThat(refused.problem().lines()).as(testCase[0] + ": " + refused.err()).hasSize(1);
            assertThat(refused.err()).as((String) testCase[0]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Set.of("Bundled Python runtime", "Unsafe runtime wheel filename"))
                    .anyMatch(refused.problem()::startsWith);
            var status = good.run("runtime", "status").succeeds();
            assertThat(status.line("status: ")).as((String) testCase[0]).isEqualTo("ready");
            assertThat(status.line("python: ")).isEqualTo(python);
            tally.record("refused: " + refused.problem().strip().replaceAll(":.*", ""));
        }
        Faults.assertReadyAndRuns(good);
        tally.publish();
    }

    @Test
    void aRuntimeRootBelowAFileGivesOneSentenceNamingTheFix() throws Exception {
        FaultTally tally = new FaultTally("unusable-runtime-root");
        Path file = Files.writeString(dir.resolve("a-file"), "in the way");
        KtxRun ktx = KtxRun.against(file.resolve("runtime"));

        var install = ktx.run("runtime", "install").exits(1);
        assertThat(install.problem()).isEqualTo(file
                + " is a file where ktx needs a directory. Remove it, or set KTX_RUNTIME_ROOT to a directory you can write.\n");
        tally.record("install under a file: one sentence");
        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("missing");
        tally.record("status under a file: missing");

        if (new ProcessBuilder("id", "-u").start().inputReader().readLine().equals("0")) {
            Path locked = Files.createDirectories(dir.resolve("locked"));
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            var denied = KtxRun.with(Path.of("runuser"), locked.resolve("runtime"))
                    .run("-u", "nobody", "--", KtxRun.distribution().resolve("bin/ktx").toString(), "runtime", "install").exits(1);
            assertThat(denied.problem()).isEqualTo("Permission denied: cannot create " + locked.resolve("runtime")
                    + ". Fix the permissions of " + locked + ", or set KTX_RUNTIME_ROOT to a directory you can write.\n");
            tally.record("install without permission (as nobody): one sentence");

            // A runtime this user may read but not lock: nothing runs, so stop has nothing to wait for.
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path readOnlyLocks = Files.createDirectories(dir.resolve("shared-root/.locks"));
            Files.setPosixFilePermissions(readOnlyLocks, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            var stop = KtxRun.with(Path.of("runuser"), dir.resolve("shared-root"))
                    .run("-u", "nobody", "--", KtxRun.distribution().resolve("bin/ktx").toString(), "runtime", "stop").succeeds();
            assertThat(stop.out()).isEqualTo("KTX daemon already stopped\n");
            tally.record("stop with nothing running, locks not writable (as nobody): already stopped");
        }
        tally.publish();
    }

    private static void write(Path path, byte[] content) throws java.io.IOException {
        if (content == null) {
            Files.deleteIfExists(path);
        } else {
            Files.write(path, content);
        }
    }

    private static byte[] flipped(byte[] bytes, int position) {
        byte[] copy = bytes.clone();
        copy[position] ^= 1;
        return copy;
    }

    private static byte[] append(byte[] bytes) {
        byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        copy[bytes.length] = '\n';
        return copy;
    }

    private static byte[] replace(String text, String from, String to) {
        return text.replace("\"" + from + "\"", "\"" + to + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
