package ai.kaelio.ktx.application.port.in;

import java.util.Optional;

/** Asks the user a yes/no question; empty when there is nobody to ask (no terminal). */
@FunctionalInterface
public interface Confirmation {

    Confirmation NOBODY = question -> Optional.empty();

    Optional<Boolean> ask(String question);
}
