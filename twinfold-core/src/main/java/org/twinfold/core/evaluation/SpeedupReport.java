package org.twinfold.core.evaluation;

import org.twinfold.core.metrics.Speedup;
import org.twinfold.core.metrics.SpeedupInputs;

/**
 * Measured wall times and the speedups computed from them.
 *
 * @param inputs per-sample wall times and counts, from the manifests and the checkpoint
 * @param plain simulator seconds per sample over surrogate seconds per sample
 * @param effective the effective speedup, which charges training simulations and training time
 * @param plainDefinition formula of {@code plain}
 * @param effectiveDefinition formula of {@code effective}
 */
public record SpeedupReport(SpeedupInputs inputs, double plain, double effective, String plainDefinition,
                            String effectiveDefinition) {

    public static SpeedupReport of(SpeedupInputs inputs) {
        return new SpeedupReport(inputs,
                Speedup.plain(inputs.simulatorSecondsPerSample(), inputs.surrogateSecondsPerSample()),
                Speedup.effective(inputs), Speedup.PLAIN_DEFINITION, Speedup.EFFECTIVE_DEFINITION);
    }
}
