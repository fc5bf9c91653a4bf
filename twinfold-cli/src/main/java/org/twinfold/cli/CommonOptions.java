package org.twinfold.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that computes: the seed, the thread count and a config file. */
final class CommonOptions {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed of the run. Simulated data depend on the seed only; training also depends on the "
                    + "thread count. Held-out and training sets need different seeds. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads for simulation and for the neural engine; 0 uses every available "
                    + "processor. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML or JSON file of option defaults; keys are option names without dashes, such as "
                    + "'threads: 2'. Options on the command line win.")
    Path config;

    /** Returns the thread count to use: the option, or every available processor when it is 0. */
    int resolvedThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads is " + threads + "; use a positive count, or 0 for every "
                    + "available processor");
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
