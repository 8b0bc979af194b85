package ai.kaelio.ktx.archfixtures.bootstrap;

import ai.kaelio.ktx.archfixtures.adapters.cli.CliEntry;
import ai.kaelio.ktx.archfixtures.adapters.cli.CliModule;
import ai.kaelio.ktx.archfixtures.adapters.fs.FsModule;
import ai.kaelio.ktx.archfixtures.adapters.process.ProcessModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import picocli.CommandLine;

public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Injector injector = Guice.createInjector(new FsModule(), new ProcessModule(), new CliModule());
        int code = CliEntry.run(injector.getInstance(CommandLine.IFactory.class), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
