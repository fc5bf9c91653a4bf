package org.twinfold.ml.vae;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.twinfold.core.Parameter;
import org.twinfold.core.Sampling;
import org.twinfold.core.dataset.Manifest;

/**
 * The preprocessing of a dataset for the VAE, read from a task's surrogate settings (keys that start
 * with {@code vae.}) and the dataset's manifest.
 *
 * <ul>
 *   <li>{@code vae.normalize-by}: name of a parameter that divides each sample's field, such as the
 *       incident energy; absent for none.</li>
 *   <li>{@code vae.transform}: {@code log}, {@code logit} or {@code none} (default), see
 *       {@link VoxelTransform}.</li>
 *   <li>{@code vae.standardize}: {@code global} (default) or {@code per-element}, see
 *       {@link Standardization}.</li>
 *   <li>{@code vae.threshold-mev}: generated values below this, in the field's unit, become 0;
 *       default 0.</li>
 *   <li>{@code vae.log-parameters}: comma-separated names of parameters conditioned on log10 of
 *       their value, or {@code none}. When absent, every parameter is log10-conditioned if the
 *       dataset's provenance records log-uniform sampling, and none otherwise.</li>
 * </ul>
 *
 * @param normalizeBy the parameter that divides each sample's field, if any
 * @param transform the element-wise transform
 * @param standardization how the transformed values are standardized
 * @param thresholdMeV values below this, after the inverse transform, become 0; 0 or more
 * @param logParameters names of the parameters conditioned on log10 of their value
 */
public record VaeDataSettings(Optional<String> normalizeBy, VoxelTransform transform,
                              Standardization standardization, double thresholdMeV, Set<String> logParameters) {

    static final String NORMALIZE_BY = "vae.normalize-by";
    static final String TRANSFORM = "vae.transform";
    static final String STANDARDIZE = "vae.standardize";
    static final String THRESHOLD = "vae.threshold-mev";
    static final String LOG_PARAMETERS = "vae.log-parameters";
    private static final List<String> KEYS = List.of(NORMALIZE_BY, TRANSFORM, STANDARDIZE, THRESHOLD,
            LOG_PARAMETERS);

    public VaeDataSettings {
        logParameters = Set.copyOf(logParameters);
        if (!(thresholdMeV >= 0) || !Double.isFinite(thresholdMeV)) {
            throw new IllegalArgumentException(THRESHOLD + " is " + thresholdMeV + "; it must be finite and 0 or more");
        }
    }

    /**
     * Reads the settings for a dataset.
     *
     * @param settings the task's surrogate settings; keys of other families are ignored
     * @throws IllegalArgumentException for an unknown {@code vae.} key, a bad value, or a parameter
     *     name that the dataset does not have
     */
    public static VaeDataSettings of(Map<String, String> settings, Manifest manifest) {
        List<String> names = manifest.parameters().stream().map(Parameter::name).toList();
        for (String key : settings.keySet()) {
            if (key.startsWith("vae.") && !KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown VAE setting '" + key + "'; known settings are " + KEYS);
            }
        }

        Optional<String> normalizeBy = Optional.ofNullable(settings.get(NORMALIZE_BY)).map(String::trim);
        normalizeBy.ifPresent(name -> requireParameter(NORMALIZE_BY, name, names));
        VoxelTransform transform = VoxelTransform.parse(settings.getOrDefault(TRANSFORM, "none"));
        Standardization standardization = Standardization.parse(settings.getOrDefault(STANDARDIZE, "global"));
        double threshold = parseThreshold(settings.getOrDefault(THRESHOLD, "0"));

        Set<String> logParameters = new LinkedHashSet<>();
        String listed = settings.get(LOG_PARAMETERS);
        if (listed != null) {
            for (String name : listed.split(",")) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("none")) {
                    requireParameter(LOG_PARAMETERS, trimmed, names);
                    logParameters.add(trimmed);
                }
            }
        } else if (sampledLogUniform(manifest)) {
            logParameters.addAll(names);
        }
        return new VaeDataSettings(normalizeBy, transform, standardization, threshold, logParameters);
    }

    /** Returns true when the manifest's provenance records log-uniform sampling of the points. */
    static boolean sampledLogUniform(Manifest manifest) {
        if (manifest.provenance() == null) {
            return false;
        }
        String sampling = manifest.provenance().configuration().get("sampling");
        return sampling != null && sampling.equals(Sampling.LOG_UNIFORM.name());
    }

    private static double parseThreshold(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THRESHOLD + " is '" + text + "'; give a number such as 0.01515", e);
        }
    }

    private static void requireParameter(String key, String name, List<String> names) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(key + " names parameter '" + name + "', but the dataset's parameters"
                    + " are " + names);
        }
    }
}
