package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.StopOutput;
import ai.kaelio.ktx.adapters.cli.terminal.WaitNotice;
import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class StopCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "stop";

    private final OptionSpec all = CommandModels.flag("--all", "Also stop every other ktx-daemon of this user, recorded or not.");
    private final JsonOption json = new JsonOption("Print the result as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Stop the KTX daemon (gracefully, then by force) and remove its state.", all, json.model());

    private final Provider<StopDaemonUseCase> stop;

    @Inject
    StopCommand(Provider<StopDaemonUseCase> stop) {
        this.stop = stop;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        boolean everyDaemon = CommandModels.isSet(all);
        var request = new StopRequest(everyDaemon, new WaitNotice(model.commandLine().getErr()));
        return new StopOutput(model.commandLine().getOut(), model.commandLine().getErr(), json.isSet(), everyDaemon)
                .print(stop.get().stop(request));
    }
}
