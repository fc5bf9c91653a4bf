package org.twinfold.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.twinfold.ml.diffusion.DiffusionFamily;
import org.twinfold.ml.train.CheckpointStore;

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
                    System.err.println(System.lineSeparator() + message(args));
                }
            }, "twinfold-interrupt-hint"));
        }
        return hint;
    }

    /** Returns the hint for the stopped command {@code args[0]}, one of simulate, train and run. */
    static String message(String[] args) {
        String command = args[0];
        String stopped = "twinfold: " + command + " stopped before it finished; run the same command again to ";
        String checkpoint = newestCheckpoint(args);
        boolean none = checkpoint.isEmpty() && outFolder(args).isPresent();
        if (command.equals("train") && none) {
            return stopped + "start over, because it wrote no checkpoint yet.";
        }
        if (command.equals("run") && none) {
            return stopped + "resume from the complete shards; training starts over, because it wrote no"
                    + " checkpoint yet.";
        }
        return stopped + "resume from " + KEPT.get(command) + checkpoint + ".";
    }

    /**
     * Returns " (step N, FOLDER)" for the newest complete checkpoint under the command's {@code --out}
     * folder ({@code train}) or its {@code checkpoints} subfolder ({@code run}), followed by the guide
     * model's newest checkpoint when there is one, or "" when there is none.
     */
    static String newestCheckpoint(String[] args) {
        Optional<Path> out = outFolder(args);
        if (out.isEmpty() || "simulate".equals(args[0])) {
            return "";
        }
        Path root = "run".equals(args[0]) ? out.get().resolve("checkpoints") : out.get();
        try {
            String model = CheckpointStore.latest(root)
                    .map(folder -> " (step " + CheckpointStore.stepOf(folder) + ", " + folder.toAbsolutePath() + ")")
                    .orElse("");
            String guide = DiffusionFamily.guideFolder(root).flatMap(CheckpointStore::latest)
                    .map(folder -> " and the guide model's (step " + CheckpointStore.stepOf(folder) + ", "
                            + folder.toAbsolutePath() + ")")
                    .orElse("");
            return model.isEmpty() ? "" : model + guide;
        } catch (RuntimeException e) {
            // The hint runs while the JVM exits, so an unreadable folder only shortens the hint.
            return "";
        }
    }

    private static Optional<Path> outFolder(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--out=")) {
                return Optional.of(Path.of(args[i].substring("--out=".length())));
            }
        }
        return Optional.empty();
    }

    /** Marks the command as finished, so that the JVM's exit prints nothing. */
    void finished() {
        finished.set(true);
    }
}
