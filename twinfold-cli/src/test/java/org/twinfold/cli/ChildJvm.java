package org.twinfold.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the twinfold command in a JVM of its own, as a user's shell would: its own libtorch threads,
 * its own exit code, and standard output and error merged into one text.
 */
public final class ChildJvm {

    /** The exit code and the merged output of one command. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** Runs {@code twinfold ARGS...} with a 2 GB heap, offline, with DJL's usage tracking off. */
    public static Result run(String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx2g", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), TwinfoldCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
