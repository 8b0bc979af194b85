package ai.kaelio.ktx.archfixtures.adapters.process;

import org.zeroturnaround.exec.ProcessExecutor;

final class ZtExecRunner {

    int run(String... command) throws Exception {
        return new ProcessExecutor().command(command).execute().getExitValue();
    }
}
