package org.twinfold.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Python scripts run with Debian's h5py (python3-h5py, installed by .ci/run), for interoperability tests. */
public final class H5py {

    private H5py() {
    }

    /** Runs {@code script} with {@code arguments} under /usr/bin/python3, checks exit code 0 and returns its output. */
    public static String run(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(arguments));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        python.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, python.exitValue(), "h5py failed (is python3-h5py installed?):\n" + output);
        return output;
    }
}
