package org.twinfold.cli.operator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.twinfold.cli.TwinfoldCommand;

/** Runs twinfold commands in this JVM and captures their exit code and output. */
final class OperatorCli {

    record Result(int exitCode, String output) {
    }

    private OperatorCli() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try (PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(stream);
            System.setErr(stream);
            int code = TwinfoldCommand.execute(args);
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
