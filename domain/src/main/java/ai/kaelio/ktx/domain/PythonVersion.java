package ai.kaelio.ktx.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A Python release number such as 3.11.7, compared segment by segment. */
public record PythonVersion(List<Integer> release) implements Comparable<PythonVersion> {

    public PythonVersion {
        if (release.isEmpty()) {
            throw new IllegalArgumentException("empty Python version");
        }
        release = List.copyOf(release);
    }

    /** Parses the release part of a version ({@code 3.11.7}, {@code 3.13.0rc1} gives 3.13.0). */
    public static PythonVersion parse(String text) {
        String release = text.trim().replaceFirst("^[vV]", "").split("[^0-9.]", 2)[0];
        if (release.isEmpty() || release.startsWith(".") || release.endsWith(".") || release.contains("..")) {
            throw new IllegalArgumentException("Not a Python version: " + text);
        }
        return new PythonVersion(Arrays.stream(release.split("\\.")).map(Integer::valueOf).toList());
    }

    public int segment(int index) {
        return index < release.size() ? release.get(index) : 0;
    }

    @Override
    public int compareTo(PythonVersion other) {
        int length = Math.max(release.size(), other.release.size());
        for (int i = 0; i < length; i++) {
            int difference = Integer.compare(segment(i), other.segment(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return release.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
