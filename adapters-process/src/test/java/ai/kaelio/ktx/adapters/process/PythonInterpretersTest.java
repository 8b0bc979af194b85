package ai.kaelio.ktx.adapters.process;

import static ai.kaelio.ktx.adapters.process.ProcessFixtures.host;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.process.CommandRunner.Captured;
import ai.kaelio.ktx.adapters.process.PythonInterpreters.Answered;
import ai.kaelio.ktx.adapters.process.PythonInterpreters.Found;
import ai.kaelio.ktx.adapters.process.PythonInterpreters.NotFound;
import ai.kaelio.ktx.adapters.process.PythonInterpreters.Probe;
import ai.kaelio.ktx.adapters.process.PythonInterpreters.Unusable;
import ai.kaelio.ktx.domain.PythonVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonInterpretersTest {

    private static final Path PYTHON = Path.of("/opt/python/bin/python3");

    @TempDir
    Path dir;

    private static Probe parse(int exitCode, String output) {
        return PythonInterpreters.parse(PYTHON, new Captured(exitCode, output));
    }

    @Test
    void modernAnswerGivesVersionExecutablePipAndEnsurepip() {
        Probe probe = parse(0, "version=3.12.1\nexecutable=/usr/lib/python3.12/bin/python3.12\npip=24.0\nensurepip=True\n");
        assertThat(probe).isEqualTo(new Answered(Path.of("/usr/lib/python3.12/bin/python3.12"), PythonVersion.parse("3.12.1"),
                Optional.of("24.0"), true));
        assertThat(((Answered) probe).canInstallIntoOtherPythons()).isTrue();
    }

    @Test
    void pipRunnerIsReportedWhenTheHostsPipHasOne() {
        Probe probe = parse(0, "version=3.11.7\npip=23.2.1\npiprunner=/usr/lib/pip/__pip-runner__.py\nensurepip=True\n");
        assertThat(((Answered) probe).pipRunner()).contains(Path.of("/usr/lib/pip/__pip-runner__.py"));
    }

    @Test
    void pythonTwoAnswersWithItsVersionAndNoEnsurepip() {
        Probe probe = parse(0, "version=2.7.18\nexecutable=/usr/bin/python2\n");
        assertThat(probe).isEqualTo(new Answered(Path.of("/usr/bin/python2"), PythonVersion.parse("2.7.18"), Optional.empty(), false));
        assertThat(((Answered) probe).canInstallIntoOtherPythons()).isFalse();
    }

    @Test
    void versionBannerInsteadOfTheProbesFieldsIsUnusable() {
        assertThat(parse(0, "Python 2.7.18\n"))
                .isEqualTo(new Unusable(PYTHON + " did not answer as a Python interpreter: Python 2.7.18"));
    }

    @Test
    void garbageFailuresAndSilenceAreUnusable() {
        assertThat(parse(0, "version=banana\n")).isEqualTo(new Unusable(PYTHON + " reported an unreadable version: banana"));
        assertThat(parse(139, "version=3.11.7\nSegmentation fault\n"))
                .isEqualTo(new Unusable(PYTHON + " did not answer as a Python interpreter: Segmentation fault"));
        assertThat(parse(-1, "")).isEqualTo(new Unusable(PYTHON + " did not answer as a Python interpreter"));
        assertThat(parse(0, "\u0000\u0001=\n=3.11\n")).isInstanceOf(Unusable.class);
    }

    @Test
    void missingExecutableFieldFallsBackToThePathAsked() {
        assertThat(parse(0, "version=3.11.7\n")).isEqualTo(new Answered(PYTHON, PythonVersion.parse("3.11.7"), Optional.empty(), false));
    }

    @Test
    void onlyPipFrom22Point3CanInstallIntoAnotherPython() {
        assertThat(answeredWithPip("22.3").canInstallIntoOtherPythons()).isTrue();
        assertThat(answeredWithPip("23.2.1").canInstallIntoOtherPythons()).isTrue();
        assertThat(answeredWithPip("22.2.2").canInstallIntoOtherPythons()).isFalse();
        assertThat(answeredWithPip("not-a-version").canInstallIntoOtherPythons()).isFalse();
    }

    @Test
    void realPythonBehindAShimReportsItsOwnExecutable() throws Exception {
        Probe probe = ProcessFixtures.Adapters.on(host()).interpreters().probe(Path.of("python3"));
        assertThat(probe).isInstanceOf(Answered.class);
        assertThat(((Answered) probe).executable()).isEqualTo(ProcessFixtures.realPython());
        assertThat(((Answered) probe).hasEnsurepip()).isTrue();
    }

    @Test
    void realPythonTwoAnswersTheProbeWithoutCrashing() throws Exception {
        Path python2 = ProcessFixtures.pyenvPython("2.7.18");
        Probe probe = ProcessFixtures.Adapters.on(host()).interpreters().probe(python2);
        assertThat(probe).isInstanceOf(Answered.class);
        assertThat(((Answered) probe).version()).isEqualTo(PythonVersion.parse("2.7.18"));
    }

    @Test
    void locatePrefersKtxPythonThenPython3ThenPython() throws Exception {
        Path python = Path.of("/usr/bin/env");
        assertThat(ProcessFixtures.Adapters.on(host(Map.of("KTX_PYTHON", python.toString()))).interpreters().locate())
                .isEqualTo(new Found(python));
        assertThat(ProcessFixtures.Adapters.on(host(Map.of("KTX_PYTHON", "/nope/python"))).interpreters().locate())
                .isEqualTo(new NotFound("KTX_PYTHON=/nope/python is not an executable Python"));
        assertThat(ProcessFixtures.Adapters.on(host(Map.of("PATH", dir.toString()))).interpreters().locate())
                .isEqualTo(new NotFound("No python3 or python found on PATH"));
    }

    private static Answered answeredWithPip(String pip) {
        return (Answered) parse(0, "version=3.11.7\npip=" + pip + "\n");
    }
}
