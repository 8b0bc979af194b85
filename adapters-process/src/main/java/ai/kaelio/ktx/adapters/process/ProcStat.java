package ai.kaelio.ktx.adapters.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Linux's {@code /proc/<pid>/stat}, read for two things: whether the process has already exited, and when
 * it started in the kernel's own terms.
 */
final class ProcStat {

    /** {@code starttime}, the 22nd field: clock ticks from boot to the process's start. */
    private static final int START_TICKS_FIELD = 22;
    /** The fields after {@code comm} (the 2nd) start with the 3rd. */
    private static final int FIRST_FIELD_AFTER_COMM = 3;

    private static final Optional<String> BOOT_ID = readBootId();

    private ProcStat() {
    }

    /**
     * The boot's id and the clock ticks from boot to the process's start: fixed for the process's life, the
     * same for every reader in one time namespace, and unmoved by changes to the wall clock (which the JDK's
     * start instant is not). Empty where either cannot be read.
     */
    static Optional<String> kernelStart(long pid) {
        if (BOOT_ID.isEmpty()) {
            return Optional.empty();
        }
        return fieldsAfterComm(pid)
                .filter(fields -> fields.length > START_TICKS_FIELD - FIRST_FIELD_AFTER_COMM)
                .map(fields -> fields[START_TICKS_FIELD - FIRST_FIELD_AFTER_COMM])
                .filter(ticks -> !ticks.isEmpty() && ticks.chars().allMatch(Character::isDigit))
                .map(ticks -> BOOT_ID.get() + ":" + ticks);
    }

    private static Optional<String[]> fieldsAfterComm(long pid) {
        try {
            String stat = read(pid);
            int end = stat.lastIndexOf(')');
            if (end < 0 || end + 2 >= stat.length()) {
                return Optional.empty();
            }
            return Optional.of(stat.substring(end + 2).strip().split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readBootId() {
        try {
            String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id"), StandardCharsets.US_ASCII).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True for a zombie (exited, not yet reaped) or a process that is gone; false when it cannot tell. */
    static boolean isZombie(long pid) {
        try {
            String stat = read(pid);
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

    /**
     * As bytes, one character each: {@code comm} is cut at 15 bytes, possibly inside a UTF-8 character,
     * which a UTF-8 decoder refuses; only the ASCII fields after it are used.
     */
    private static String read(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
    }
}
