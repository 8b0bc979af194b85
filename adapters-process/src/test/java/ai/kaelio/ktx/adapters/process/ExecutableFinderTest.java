package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableFinderTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    private static ExecutableFinder onPath(String path) {
        return new ExecutableFinder(host(Map.of("PATH", path)));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        ProcessFixtures.makeExecutable(file);
        return file;
    }

    @Test
    void nameIsSearchedOnPathInOrder() throws IOException {
        Path tool = executable(second.resolve("tool"));
        assertThat(onPath(first + ":" + second).find("tool")).contains(tool);
        Path earlier = executable(first.resolve("tool"));
        assertThat(onPath(first + ":" + second).find("tool")).contains(earlier);
    }

    @Test
    void nonExecutableFilesAndDirectoriesOnPathAreSkipped() throws IOException {
        Files.writeString(first.resolve("tool"), "not executable");
        Files.createDirectory(first.resolve("other"));
        ProcessFixtures.makeExecutable(first.resolve("other"));
        Path tool = executable(second.resolve("tool"));
        executable(second.resolve("other"));
        assertThat(onPath(first + "::" + second).find("tool")).contains(tool);
        assertThat(onPath(first + ":" + second).find("other")).contains(second.resolve("other"));
        assertThat(onPath(first.toString()).find("tool")).isEmpty();
    }

    @Test
    void pathWithADirectoryPartIsTakenAsIsAndNotSearched() throws IOException {
        Path tool = executable(first.resolve("tool"));
        executable(second.resolve("tool"));
        ExecutableFinder finder = onPath(second.toString());
        assertThat(finder.find(tool.toString())).contains(tool);
        assertThat(finder.find(first.resolve("missing").toString())).isEmpty();
        Files.writeString(first.resolve("plain"), "x");
        assertThat(finder.find(first.resolve("plain").toString())).isEmpty();
    }

    @Test
    void nameAbsentFromPathOrWithoutPathIsNotFound() {
        assertThat(onPath(first.toString()).find("tool")).isEmpty();
        assertThat(new ExecutableFinder(host(Collections.singletonMap("PATH", null))).find("sh")).isEmpty();
    }

    @Test
    void findFirstTriesNamesInOrder() throws IOException {
        Path python = executable(second.resolve("python"));
        assertThat(onPath(first + ":" + second).findFirst(List.of("python3", "python"))).contains(python);
        Path python3 = executable(second.resolve("python3"));
        assertThat(onPath(first + ":" + second).findFirst(List.of("python3", "python"))).contains(python3);
    }
}
