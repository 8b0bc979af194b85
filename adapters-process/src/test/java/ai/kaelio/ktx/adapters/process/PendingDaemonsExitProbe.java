package ai.kaelio.ktx.adapters.process;

import java.io.IOException;

/**
 * Run in a JVM of its own by {@link PendingDaemonsTest}: one thread spawns stand-in daemons back to back,
 * so that most of its time is spent inside {@link ProcessBuilder#start}, while the main thread exits the
 * JVM part-way through, as SIGTERM does. Arguments: the marker the stand-ins carry, the milliseconds to wait.
 */
public final class PendingDaemonsExitProbe {

    private PendingDaemonsExitProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread spawner = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                try {
                    PendingDaemons.start(new ProcessBuilder("sleep", "300", args[0]));
                } catch (IOException e) {
                    return;
                }
            }
        });
        spawner.start();
        Thread.sleep(Long.parseLong(args[1]));
        System.exit(0);
    }
}
