package ai.kaelio.ktx.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JacksonDaemonFilesTest {

    private static final String TOKEN = "k5J0vQ-7c2Yw8m1ZrXl4nB9sQ3pT6uVaE0fHdGiKjLo";

    @TempDir
    Path dir;

    private final JacksonDaemonFiles files = new JacksonDaemonFiles();

    private static final Optional<String> KERNEL_START = Optional.of("0b5e3c1a-9f7d-4c2e-8a61-3d2f4b6c8e90:183345");

    private DaemonRecord record() {
        return new DaemonRecord(4242, new DaemonEndpoint("127.0.0.1", 40123, TOKEN), "0.1.0",
                FeatureSet.of(Feature.LOCAL_EMBEDDINGS), Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-01T09:59:59.870Z"), dir.resolve("daemon/daemon.log"), dir.resolve("venv-a/bin/ktx-daemon"),
                KERNEL_START, Optional.of("sentence-transformers/all-MiniLM-L6-v2"));
    }

    @Test
    void theStateRoundTripsAndIsTheOwnersAlone() throws Exception {
        Path state = dir.resolve("daemon.json");

        files.writeState(state, record());

        assertThat(files.readState(state)).isEqualTo(new DaemonFiles.Present(record()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
        assertThat(dir.resolve("daemon.json.tmp")).doesNotExist();
    }

    @Test
    void theStateHasTheContractsFieldsForPrograms() throws Exception {
        Path state = dir.resolve("daemon.json");
        files.writeState(state, record());

        JsonNode json = new ObjectMapper().readTree(state.toFile());

        assertThat(json.get("pid").asLong()).isEqualTo(4242);
        assertThat(json.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(json.get("port").asInt()).isEqualTo(40123);
        assertThat(json.get("url").asText()).isEqualTo("http://127.0.0.1:40123");
        assertThat(json.get("token").asText()).isEqualTo(TOKEN);
        assertThat(json.get("version").asText()).isEqualTo("0.1.0");
        assertThat(json.get("features").toString()).isEqualTo("[\"core\",\"local-embeddings\"]");
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(json.get("processStart").asText()).isEqualTo("2026-05-01T09:59:59.870Z");
        assertThat(json.get("processKernelStart").asText()).isEqualTo(KERNEL_START.get());
        assertThat(json.get("log").asText()).isEqualTo(dir.resolve("daemon/daemon.log").toString());
        assertThat(json.get("model").asText()).isEqualTo("sentence-transformers/all-MiniLM-L6-v2");
    }

    @Test
    void aStateWithoutTheKernelsStartOrAModelAsAnEarlierKtxWroteItIsRead() throws Exception {
        Path state = dir.resolve("daemon.json");
        files.writeState(state, record());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(state.toFile());
        json.remove("processKernelStart");
        json.remove("model");
        Files.writeString(state, json.toString());

        DaemonRecord read = ((DaemonFiles.Present) files.readState(state)).record();

        assertThat(read.processKernelStart()).isEmpty();
        assertThat(read.model()).isEmpty();
        assertThat(read.processStart()).isEqualTo(record().processStart());
    }

    @Test
    void replacingAWorldReadableStateLeavesAnOwnerOnlyOne() throws Exception {
        Path state = Files.writeString(dir.resolve("daemon.json"), "{}");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));

        files.writeState(state, record());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rw-------");
    }

    @Test
    void aMissingStateIsAbsentAndABadOneInvalidNamingTheField() throws Exception {
        assertThat(files.readState(dir.resolve("daemon.json"))).isEqualTo(new DaemonFiles.Absent());

        Path state = Files.writeString(dir.resolve("daemon.json"), "{\"pid\": 12, \"host\": \"127.0.0.1\"}");
        assertThat(files.readState(state)).isEqualTo(new DaemonFiles.Invalid("missing field 'port'"));

        Files.writeString(state, "{\"pid\": 1");
        assertThat(files.readState(state)).isInstanceOf(DaemonFiles.Invalid.class);
    }

    // KTX_RUNTIME_ROOT naming a file: no daemon can have been recorded under it, so none is, not a damaged one.
    @Test
    void aStateUnderAFileInsteadOfAFolderIsAbsent() throws Exception {
        Path root = Files.writeString(dir.resolve("root"), "a file");

        assertThat(files.readState(root.resolve("0.1.0/daemon/daemon.json"))).isEqualTo(new DaemonFiles.Absent());
        assertThat(files.readState(root.resolve("daemon.json"))).isEqualTo(new DaemonFiles.Absent());
    }

    @Test
    void aStartsMarkerNamesItsKtxIsTheOwnersAloneAndCanBeRemovedTwice() throws Exception {
        Path marker = dir.resolve("daemon.starting");
        assertThat(files.readStartMarker(marker)).isEmpty();
        DaemonFiles.StartMarker byKtx = new DaemonFiles.StartMarker(Optional.of(
                new DaemonFiles.Starter(31337, Instant.parse("2026-05-01T09:59:58.120Z"), KERNEL_START)));

        files.markStarting(marker, byKtx);

        assertThat(files.readStartMarker(marker)).contains(byKtx);
        JsonNode json = new ObjectMapper().readTree(marker.toFile());
        assertThat(json.get("pid").asLong()).isEqualTo(31337);
        assertThat(json.get("processStart").asText()).isEqualTo("2026-05-01T09:59:58.120Z");
        assertThat(json.get("processKernelStart").asText()).isEqualTo(KERNEL_START.get());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker))).isEqualTo("rw-------");
        files.unmarkStarting(marker);
        files.unmarkStarting(marker);
        assertThat(files.readStartMarker(marker)).isEmpty();
    }

    @Test
    void aMarkerThatDoesNotNameItsKtxIsStillAMarker() throws Exception {
        Path marker = dir.resolve("daemon.starting");

        files.markStarting(marker, DaemonFiles.StartMarker.unknown());
        assertThat(files.readStartMarker(marker)).contains(DaemonFiles.StartMarker.unknown());

        // Where the system keeps no kernel start: the instant alone.
        Files.writeString(marker, "{\"pid\": 12, \"processStart\": \"2026-05-01T09:59:58.120Z\"}");
        assertThat(files.readStartMarker(marker)).contains(new DaemonFiles.StartMarker(Optional.of(
                new DaemonFiles.Starter(12, Instant.parse("2026-05-01T09:59:58.120Z"), Optional.empty()))));

        // What an earlier ktx wrote, and what a damaged marker looks like.
        for (String content : List.of("", "{\"pid\":", "[]", "{\"pid\": 12}", "{\"pid\": 12, \"processStart\": \"yesterday\"}")) {
            Files.writeString(marker, content);
            assertThat(files.readStartMarker(marker)).as(content).contains(DaemonFiles.StartMarker.unknown());
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMarkerThatIsNoRegularFileIsNotOpenedAndCountsAsAMarkerOfAnUnknownStart() throws Exception {
        Path fifo = dir.resolve("fifo/daemon.starting");
        Files.createDirectories(fifo.getParent());
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("daemon.starting"), dir.resolve("nowhere"));
        Path directory = Files.createDirectories(dir.resolve("directory/daemon.starting"));

        // A FIFO would block a read until someone writes to it.
        assertThat(files.readStartMarker(fifo)).contains(DaemonFiles.StartMarker.unknown());
        assertThat(files.readStartMarker(link)).contains(DaemonFiles.StartMarker.unknown());
        assertThat(files.readStartMarker(directory)).contains(DaemonFiles.StartMarker.unknown());
    }

    @Test
    void aMarkerUnderAFileIsNotThereButOneThatCannotBeLookedAtMightBe() throws Exception {
        Path root = Files.writeString(dir.resolve("root"), "a file");
        assertThat(files.readStartMarker(root.resolve("0.1.0/daemon.starting"))).isEmpty();

        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // As root, permissions do not stop anyone: then the marker is simply not there.
            boolean blind = !Files.isReadable(locked);
            assertThat(files.readStartMarker(locked.resolve("daemon.starting")).isPresent()).isEqualTo(blind);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aRealPathHasEveryLinkResolvedAndAMissingOneIsEmpty() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/root/0.1.0"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

        assertThat(files.realPath(link.resolve("root/0.1.0"))).contains(real.toRealPath());
        assertThat(files.realPath(link.resolve("root/0.2.0"))).isEmpty();
    }

    @Test
    void deletingAMissingStateIsFine() throws Exception {
        Path state = dir.resolve("daemon.json");
        files.writeState(state, record());

        files.deleteState(state);
        files.deleteState(state);

        assertThat(state).doesNotExist();
    }

    @Test
    void preparingARunMakesAnOwnerOnlyDirectoryAnEmptyLogAndNoReadyFile() throws Exception {
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        Files.setPosixFilePermissions(daemonDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ready = Files.writeString(daemonDir.resolve("ready.json"), "{\"pid\": 1, \"port\": 2, \"host\": \"127.0.0.1\", \"version\": \"0\"}");
        Path log = Files.writeString(daemonDir.resolve("daemon.log"), "old run\n");

        files.prepareRun(daemonDir, ready, log);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(daemonDir))).isEqualTo("rwx------");
        assertThat(ready).doesNotExist();
        assertThat(log).isEmptyFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void aLinkInPlaceOfTheDaemonDirectoryIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path daemonDir = Files.createSymbolicLink(dir.resolve("daemon"), elsewhere);

        assertThatThrownBy(() -> files.prepareRun(daemonDir, daemonDir.resolve("ready.json"), daemonDir.resolve("daemon.log")))
                .hasMessageContaining("not a directory");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void theReadyFileIsReadOnceCompleteAndIgnoredOtherwise() throws Exception {
        Path ready = dir.resolve("ready.json");
        assertThat(files.readReady(ready)).isEmpty();

        Files.writeString(ready, "{\"pid\": 77, \"port\": 40");
        assertThat(files.readReady(ready)).isEmpty();

        Files.writeString(ready, "{\"pid\": 77, \"port\": 40123, \"host\": \"127.0.0.1\", \"version\": \"0.1.0\"}\n");
        assertThat(files.readReady(ready)).contains(new DaemonFiles.ReadyFile(77, "127.0.0.1", 40123, "0.1.0"));
    }

    @Test
    void theTailIsTheLastLinesEvenOfALongLog() throws Exception {
        Path log = dir.resolve("daemon.log");
        Files.writeString(log, IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));

        assertThat(files.tail(log, 3)).containsExactly("line 19997", "line 19998", "line 19999");
        assertThat(files.tail(dir.resolve("missing.log"), 3)).isEmpty();
        Files.writeString(log, "only\n");
        assertThat(files.tail(log, 3)).isEqualTo(List.of("only"));
    }
}
