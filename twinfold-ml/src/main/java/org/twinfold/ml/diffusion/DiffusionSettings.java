package org.twinfold.ml.diffusion;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the diffusion family's keys of a task's surrogate settings (see
 * {@code Task.surrogateSettings()}) over a set of {@link DiffusionOptions}. Every key is optional.
 *
 * <ul>
 *   <li>{@code diffusion.p-mean}, {@code diffusion.p-std}: the training distribution of noise levels,
 *       ln(sigma) ~ N(P_mean, P_std^2).</li>
 *   <li>{@code diffusion.sigma-data}: sigma_data of the preconditioning, in network units.</li>
 *   <li>{@code diffusion.base-channels}, {@code diffusion.channel-multipliers} (comma-separated),
 *       {@code diffusion.blocks-per-level}: the size of the U-Net.</li>
 *   <li>{@code diffusion.patch}: side of the pixel patches folded into channels at the U-Net's input
 *       (see {@link UNetConfig}); 1 for none.</li>
 *   <li>{@code diffusion.pixel-head}: hidden channels of a full-resolution refinement after a patched
 *       U-Net (see {@link PixelHead}), or 0 for none.</li>
 *   <li>{@code diffusion.self-condition}: {@code true} to feed the network its previous estimate of the
 *       clean image (see {@link EdmLoss}), {@code false} (the default) for none.</li>
 *   <li>{@code diffusion.adaptive-scale}: {@code true} to let the noise level and class scale and shift
 *       each residual block's normalized features (ADM's scale-shift norm), {@code false} (the default)
 *       to add them to the features.</li>
 *   <li>{@code diffusion.augment}: {@code none} or {@code lattice}, the symmetries applied to each
 *       training image (see {@link Augmentation}).</li>
 *   <li>{@code diffusion.sampler-steps}, {@code diffusion.churn}, {@code diffusion.guidance}: the sampler
 *       that a checkpoint uses unless the options of {@code sample} or {@code run} override it (Heun steps, at least 2;
 *       EDM's S_churn, 0 or more; classifier-free guidance scale, 1 for none).</li>
 *   <li>{@code diffusion.guide-fraction}: in [0, 1); above 0, training also trains a guide, the same
 *       network for this fraction of the steps, and sampling weighs the model against it (autoguidance,
 *       see {@link AutoguidedDenoiser}) with {@code diffusion.guidance} as the weight.</li>
 *   <li>{@code diffusion.guidance-interval}: the noise levels {@code LOW,HIGH} at which guidance applies
 *       ({@code inf} for no upper limit); every level when not given.</li>
 *   <li>{@code diffusion.guide-condition}: {@code same} (the default) gives the guide model each
 *       sample's condition, {@code none} gives it none (see {@link SamplingOptions#unconditionalGuide()}).</li>
 * </ul>
 */
public final class DiffusionSettings {
    static final String P_MEAN = "diffusion.p-mean";
    static final String P_STD = "diffusion.p-std";
    static final String SIGMA_DATA = "diffusion.sigma-data";
    static final String BASE_CHANNELS = "diffusion.base-channels";
    static final String CHANNEL_MULTIPLIERS = "diffusion.channel-multipliers";
    static final String BLOCKS_PER_LEVEL = "diffusion.blocks-per-level";
    static final String PATCH = "diffusion.patch";
    static final String PIXEL_HEAD = "diffusion.pixel-head";
    static final String AUGMENT = "diffusion.augment";
    static final String SELF_CONDITION = "diffusion.self-condition";
    static final String ADAPTIVE_SCALE = "diffusion.adaptive-scale";
    static final String SAMPLER_STEPS = "diffusion.sampler-steps";
    static final String CHURN = "diffusion.churn";
    static final String GUIDANCE = "diffusion.guidance";
    static final String GUIDANCE_INTERVAL = "diffusion.guidance-interval";
    static final String GUIDE_CONDITION = "diffusion.guide-condition";
    static final String GUIDE_FRACTION = "diffusion.guide-fraction";
    private static final List<String> SAMPLER_KEYS = List.of(SAMPLER_STEPS, CHURN, GUIDANCE, GUIDANCE_INTERVAL,
            GUIDE_CONDITION);
    private static final List<String> NETWORK_KEYS = List.of(P_MEAN, P_STD, SIGMA_DATA, BASE_CHANNELS,
            CHANNEL_MULTIPLIERS, BLOCKS_PER_LEVEL, PATCH, PIXEL_HEAD, AUGMENT, SELF_CONDITION, ADAPTIVE_SCALE);
    private static final List<String> KEYS = Stream.of(NETWORK_KEYS, SAMPLER_KEYS, List.of(GUIDE_FRACTION))
            .flatMap(List::stream).toList();

    private DiffusionSettings() {
    }

    /**
     * Returns the option of {@code sample} and {@code run} that overrides a sampler key, which carries the
     * key's name ({@code diffusion.churn} and {@code --churn}). Returns empty for the other keys.
     */
    static Optional<String> samplerOption(String key) {
        return SAMPLER_KEYS.contains(key) ? Optional.of("--" + key.substring("diffusion.".length())) : Optional.empty();
    }

    /**
     * Returns {@code options} with the values that {@code settings} give.
     *
     * @throws IllegalArgumentException naming the key and its value when a value does not parse, is out
     *     of range, or a {@code diffusion.} key is unknown
     */
    public static DiffusionOptions apply(DiffusionOptions options, Map<String, String> settings) {
        for (String key : settings.keySet()) {
            if (key.startsWith("diffusion.") && !KEYS.contains(key)) {
                throw new IllegalArgumentException("setting '" + key + "' not found among the diffusion family's"
                        + " settings; use one of " + String.join(", ", KEYS));
            }
        }
        NoiseLevels levels = options.noiseLevels();
        double pMean = value(settings, P_MEAN, Double::parseDouble, levels.pMean());
        double pStd = value(settings, P_STD, Double::parseDouble, levels.pStd());
        // NoiseLevels checks both values too. Checking them here first names the setting that is wrong.
        if (!Double.isFinite(pMean)) {
            throw new IllegalArgumentException("setting " + P_MEAN + " is " + pMean + "; it must be a finite number,"
                    + " e.g. " + P_MEAN + "=" + levels.pMean());
        }
        if (!(pStd > 0) || !Double.isFinite(pStd)) {
            throw new IllegalArgumentException("setting " + P_STD + " is " + pStd + "; it must be positive, e.g. "
                    + P_STD + "=" + levels.pStd());
        }
        DiffusionOptions.Builder builder = options.toBuilder()
                .optSigmaData(value(settings, SIGMA_DATA, Double::parseDouble, options.sigmaData()))
                .optBaseChannels(positive(settings, BASE_CHANNELS, options.baseChannels()))
                .optChannelMultipliers(value(settings, CHANNEL_MULTIPLIERS, DiffusionSettings::integers,
                        options.channelMultipliers()))
                .optBlocksPerLevel(positive(settings, BLOCKS_PER_LEVEL, options.blocksPerLevel()))
                .optPatch(positive(settings, PATCH, options.patch()))
                .optPixelHead(pixelHead(settings, options.pixelHead()))
                .optSelfCondition(flag(settings, SELF_CONDITION, options.selfCondition()))
                .optAdaptiveScale(flag(settings, ADAPTIVE_SCALE, options.adaptiveScale()));
        String augment = settings.get(AUGMENT);
        if (augment != null) {
            try {
                builder.optAugmentation(Augmentation.parse(augment));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting " + AUGMENT + " is '" + augment + "'; use "
                        + AUGMENT + "=none or " + AUGMENT + "=lattice", e);
            }
        }
        DiffusionOptions applied;
        try {
            builder.optNoiseLevels(new NoiseLevels(pMean, pStd));
            applied = builder.build();
            applied.unet(1, 0, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid diffusion settings " + given(settings, NETWORK_KEYS) + ": "
                    + e.getMessage(), e);
        }
        sampling(settings);
        guideFraction(settings);
        return applied;
    }

    /** Returns the settings among {@code keys} that {@code settings} give, for an error message. */
    private static Map<String, String> given(Map<String, String> settings, List<String> keys) {
        Map<String, String> given = new TreeMap<>(settings);
        given.keySet().retainAll(keys);
        return given;
    }

    /**
     * Returns the sampling options that {@code settings} give over {@link SamplingOptions#defaults()}.
     *
     * @throws IllegalArgumentException naming the setting and its value when a value is invalid
     */
    public static SamplingOptions sampling(Map<String, String> settings) {
        SamplingOptions defaults = SamplingOptions.defaults();
        SamplerSettings sampler = defaults.sampler();
        int steps = positive(settings, SAMPLER_STEPS, sampler.steps());
        double churn = value(settings, CHURN, Double::parseDouble, sampler.sChurn());
        double guidance = value(settings, GUIDANCE, Double::parseDouble, defaults.guidanceScale());
        try {
            sampler = SamplerSettings.deterministic(steps).withChurn(churn, sampler.sNoise());
            SamplingOptions options = new SamplingOptions(sampler, defaults.batchSize(), guidance);
            String condition = settings.get(GUIDE_CONDITION);
            if (condition != null) {
                options = options.withUnconditionalGuide(unconditionalGuide(condition));
            }
            String interval = settings.get(GUIDANCE_INTERVAL);
            if (interval == null) {
                return options;
            }
            double[] bounds = guidanceInterval(interval);
            return options.withGuidanceInterval(bounds[0], bounds[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid sampler settings " + given(settings, SAMPLER_KEYS) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Returns the fraction of the training steps for which a guide model trains; 0 for no guide.
     *
     * @throws IllegalArgumentException naming the setting when it is not a number in [0, 1)
     */
    public static double guideFraction(Map<String, String> settings) {
        double fraction = value(settings, GUIDE_FRACTION, Double::parseDouble, 0.0);
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("setting " + GUIDE_FRACTION + " is " + fraction + "; it must be in"
                    + " [0, 1), e.g. " + GUIDE_FRACTION + "=0.25 (0 trains no guide)");
        }
        return fraction;
    }

    /**
     * Parses the condition given to a guide model: {@code none} (true) or {@code same} (false, each
     * sample's condition).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static boolean unconditionalGuide(String text) {
        return switch (text.trim()) {
            case "none" -> true;
            case "same" -> false;
            default -> throw new IllegalArgumentException("guide condition '" + text + "' is invalid; give none"
                    + " (the guide gets no condition) or same (it gets each sample's)");
        };
    }

    /**
     * Parses a guidance interval {@code LOW,HIGH} of noise levels; HIGH may be {@code inf}.
     *
     * @throws IllegalArgumentException naming the text when it is not two numbers
     */
    public static double[] guidanceInterval(String text) {
        String[] parts = text.split(",");
        if (parts.length == 2) {
            try {
                double low = Double.parseDouble(parts[0].trim());
                String high = parts[1].trim();
                return new double[] {low, high.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(high)};
            } catch (NumberFormatException e) {
                // Reported below with the whole text.
            }
        }
        throw new IllegalArgumentException("guidance interval '" + text + "' is not two noise levels LOW,HIGH;"
                + " give e.g. 0.3,3 or 0.3,inf");
    }

    private static <T> T value(Map<String, String> settings, String key, Function<String, T> parser, T fallback) {
        String text = settings.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is '" + text + "', not a number; give e.g. "
                    + key + "=" + fallback.toString().replaceAll("[\\[\\] ]", ""), e);
        }
    }

    private static int positive(Map<String, String> settings, String key, int fallback) {
        String text = settings.get(key);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " is '" + text + "', not a whole number; give e.g. "
                    + key + "=" + fallback, e);
        }
        if (value < 1) {
            throw new IllegalArgumentException("setting " + key + " is " + value + "; it must be at least 1, e.g. "
                    + key + "=" + fallback);
        }
        return value;
    }

    /** Reads {@code diffusion.pixel-head}, the hidden channels of the pixel head (0 for no head). */
    private static int pixelHead(Map<String, String> settings, int fallback) {
        String text = settings.get(PIXEL_HEAD);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the text.
        }
        throw new IllegalArgumentException("setting " + PIXEL_HEAD + " is '" + text + "', not a count of hidden"
                + " channels; give 0 for no head or a positive count up to " + Integer.MAX_VALUE + ", e.g. "
                + PIXEL_HEAD + "=8");
    }

    /**
     * Reads a switch such as {@code diffusion.self-condition}: exactly {@code true} or {@code false}, so
     * that a typing slip such as {@code ture} is not read as false.
     */
    private static boolean flag(Map<String, String> settings, String key, boolean fallback) {
        String text = settings.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " is '" + text + "'; use " + key
                    + "=true or " + key + "=false");
        };
    }

    private static List<Integer> integers(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }
}
