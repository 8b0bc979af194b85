package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Live progress for a terminal: the running step on one line redrawn in place (spinner, label, elapsed
 * time), and a tick or cross line for each step once it ends. It draws with a carriage return and spaces
 * only; colour codes are the only escape sequences, and only when colour is on.
 */
final class LiveProgressOutput extends ProgressOutput {

    static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    static final String WAITING = "Waiting for the lock";
    private static final long TICK_MILLIS = 100;
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;
    private final LongSupplier nanoTime;
    private String current;
    private long currentStarted;
    private int frame;
    private int drawnWidth;
    private boolean finished;
    private Thread ticker;

    LiveProgressOutput(PrintWriter err, boolean colour, LongSupplier nanoTime) {
        super(err, false);
        this.colour = colour;
        this.nanoTime = nanoTime;
    }

    /** Redraws from a daemon thread, so the spinner turns while the install blocks on a child process. */
    LiveProgressOutput startTicking() {
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(TICK_MILLIS);
                    tick();
                }
            } catch (InterruptedException e) {
                // finished: nothing more to draw
            }
        }, "ktx-progress");
        ticker.setDaemon(true);
        ticker.start();
        return this;
    }

    @Override
    public synchronized void stepStarted(InstallStep step) {
        begin(step.label());
    }

    @Override
    public synchronized void waitingForLock(Path lockPath, Optional<LockHolder> holder) {
        end(true);
        super.waitingForLock(lockPath, holder);
        begin(WAITING);
    }

    synchronized void tick() {
        if (current != null && !finished) {
            frame = (frame + 1) % FRAMES.length;
            draw(paint(CYAN, FRAMES[frame]), false);
        }
    }

    @Override
    public synchronized void finish(boolean succeeded) {
        if (!finished) {
            end(succeeded);
            finished = true;
            if (ticker != null) {
                ticker.interrupt();
            }
        }
        super.finish(succeeded);
    }

    private void begin(String label) {
        if (finished) {
            return;
        }
        end(true);
        current = label;
        currentStarted = nanoTime.getAsLong();
        draw(paint(CYAN, FRAMES[frame]), false);
    }

    /** Turns the live line of the running step, if any, into its permanent tick or cross line. */
    private void end(boolean succeeded) {
        if (current != null) {
            draw(succeeded ? paint(GREEN, "✓") : paint(RED, "✗"), true);
            current = null;
        }
    }

    private void draw(String mark, boolean last) {
        double seconds = (nanoTime.getAsLong() - currentStarted) / 1e9;
        String time = String.format(Locale.ROOT, "%5.1fs", seconds);
        String plain = String.format("%s %-22s %s", "x", current, time);
        String line = mark + " " + String.format("%-22s", current) + " " + paint(DIM, time);
        // Spaces cover whatever a longer previous drawing left behind, and the terminal's "^C" echo.
        int pad = Math.max(0, drawnWidth - plain.length()) + (last ? 2 : 0);
        err.print("\r" + line + " ".repeat(pad));
        drawnWidth = plain.length();
        if (last) {
            err.println();
            drawnWidth = 0;
        }
        err.flush();
    }

    private String paint(String colourCode, String text) {
        return colour ? colourCode + text + RESET : text;
    }
}
