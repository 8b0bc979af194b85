package ai.kaelio.ktx.adapters.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Linux's {@code /proc/<pid>/stat}, read for one thing: whether the process has already exited. */
final class ProcStat {

    private ProcStat() {
    }

    /** True for a zombie (exited, not yet reaped) or a process that is gone; false when it cannot tell. */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // "pid (comm) S …": comm may itself hold spaces and parentheses, so look after the last ')'.
            int end = stat.lastIndexOf(')');
            if (end < 0 || end + 2 >= stat.length()) {
                return false;
            }
            char state = stat.charAt(end + 2);
            return state == 'Z' || state == 'X' || state == 'x';
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
