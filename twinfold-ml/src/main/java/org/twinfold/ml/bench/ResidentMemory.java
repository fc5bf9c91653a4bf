package org.twinfold.ml.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's resident memory and DJL's count of live native arrays. */
final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /**
     * Returns VmRSS from {@code /proc/self/status}, in bytes.
     *
     * @throws IllegalStateException on systems without that file (anything but Linux)
     */
    static long residentBytes() {
        if (!Files.isReadable(STATUS)) {
            throw new IllegalStateException(STATUS + " is not readable; the memory benchmark needs Linux");
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
        throw new IllegalStateException(STATUS + " has no VmRSS line");
    }

    /** Returns the number of NDArrays held by all managers under DJL's system manager. */
    static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
