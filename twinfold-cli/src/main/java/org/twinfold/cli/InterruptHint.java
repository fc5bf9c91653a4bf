package org.twinfold.cli;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a user who stops a long command (Ctrl-C, or SIGTERM from a batch system) how to go on: the
 * commands that compute write complete shards and checkpoints, so the same command line resumes.
 */
final class InterruptHint {
    /** What each resumable command keeps of a stopped run. */
    private static final Map<String, String> KEPT = Map.of("simulate", "the complete shards",
            "train", "the newest checkpoint", "run", "the complete shards and the newest checkpoint");

    private final AtomicBoolean finished = new AtomicBoolean();

    private InterruptHint() {
    }

    /** Registers the hint for a resumable command; other commands get a hint that stays silent. */
    static InterruptHint install(String[] args) {
        InterruptHint hint = new InterruptHint();
        if (args.length > 0 && KEPT.containsKey(args[0])) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!hint.finished.get()) {
                    System.err.println(System.lineSeparator() + "twinfold: " + args[0] + " stopped before it"
                            + " finished; run the same command again to resume from " + KEPT.get(args[0]) + ".");
                }
            }, "twinfold-interrupt-hint"));
        }
        return hint;
    }

    /** Marks the command as finished, so that the JVM's exit prints nothing. */
    void finished() {
        finished.set(true);
    }
}
