package ai.kaelio.ktx.archfixtures.adapters.fs;

import org.zeroturnaround.exec.ProcessExecutor;

/** Broken on purpose (ztExecOnlyInAdaptersProcess): the file-system adapter starting processes. */
final class ProcessBackedWidgets {

    String list() throws Exception {
        return new ProcessExecutor().command("ls").readOutput(true).execute().outputUTF8();
    }
}
