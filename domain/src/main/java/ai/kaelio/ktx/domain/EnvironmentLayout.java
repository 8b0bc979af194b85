package ai.kaelio.ktx.domain;

import java.nio.file.Path;

/** One virtual environment and the executables ktx needs from it. */
public record EnvironmentLayout(Path venvDir, Path pythonPath, Path daemonPath) {

    public static EnvironmentLayout of(Platform platform, Path venvDir) {
        Path scripts = venvDir.resolve(platform.scriptsDirectory());
        return new EnvironmentLayout(
                venvDir,
                scripts.resolve(platform.executableName("python")),
                scripts.resolve(platform.executableName("ktx-daemon")));
    }

    /** The environment an installed python executable belongs to ({@code <venv>/bin/python}). */
    public static EnvironmentLayout ofPython(Platform platform, Path pythonPath) {
        Path scripts = pythonPath.getParent();
        Path venvDir = scripts == null ? null : scripts.getParent();
        if (venvDir == null) {
            throw new IllegalArgumentException("Not a virtual environment's python: " + pythonPath);
        }
        return of(platform, venvDir);
    }
}
