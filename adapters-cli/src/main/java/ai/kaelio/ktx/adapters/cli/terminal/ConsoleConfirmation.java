package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.application.port.in.Confirmation;
import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/** Asks on the controlling terminal; with no terminal there is nobody to ask, and nothing is assumed. */
public final class ConsoleConfirmation implements Confirmation {

    private final Console console;

    ConsoleConfirmation(Console console) {
        this.console = console;
    }

    public static Confirmation ofSystemConsole() {
        Console console = System.console();
        return console == null ? Confirmation.NOBODY : new ConsoleConfirmation(console);
    }

    @Override
    public Optional<Boolean> ask(String question) {
        String answer = console.readLine("%s ", question);
        if (answer == null) {
            return Optional.of(false);
        }
        String normal = answer.strip().toLowerCase(Locale.ROOT);
        return Optional.of(normal.equals("y") || normal.equals("yes"));
    }
}
