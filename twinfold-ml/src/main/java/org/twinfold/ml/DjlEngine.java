package org.twinfold.ml;

import ai.djl.engine.Engine;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that configures DJL before first use: offline mode, usage tracking off, and thread
 * counts; then starts the PyTorch engine and logs its version at INFO.
 *
 * <p>Switches, as read by DJL 0.36 ({@code ai.djl.util.Utils}, {@code ai.djl.util.Ec2Utils}):
 * <ul>
 *   <li>offline mode: system property {@code ai.djl.offline=true}, unless the environment variable
 *       {@code DJL_OFFLINE} or the property is already set. Offline, the engine loads libtorch from
 *       the {@code pytorch-native-cpu} jar and downloads nothing. Offline mode also turns usage
 *       tracking off.</li>
 *   <li>usage tracking: system property {@code OPT_OUT_TRACKING=true}. DJL reads the environment
 *       variable of the same name first, so an environment value other than {@code true} wins over
 *       the property; that case is logged at WARN.</li>
 *   <li>threads: {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}.
 *       libtorch reads both once, when the engine starts, so a later change has no effect; asking
 *       for other thread counts after the start is logged at WARN.</li>
 * </ul>
 *
 * <p>Thread-safe: the first call wins and later calls return the same engine.
 */
public final class DjlEngine {
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String TRACKING_SWITCH = "OPT_OUT_TRACKING";
    static final String INTRA_OP_THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    private static final String ENGINE_NAME = "PyTorch";
    private static final Logger LOG = LoggerFactory.getLogger(DjlEngine.class);

    private static Engine engine;

    private DjlEngine() {
    }

    /** Starts the engine with default options, or returns the engine already started. */
    public static Engine start() {
        return start(EngineOptions.defaults());
    }

    /**
     * Configures DJL and starts the PyTorch engine, or returns the engine already started.
     *
     * @param options thread counts; they take effect only on the first call in a JVM
     * @return the PyTorch engine
     */
    public static synchronized Engine start(EngineOptions options) {
        if (engine != null) {
            warnIfThreadsDiffer(options);
            return engine;
        }

        configureOffline();
        configureTracking();
        setThreads(INTRA_OP_THREADS_PROPERTY, options.intraOpThreads());
        setThreads(INTER_OP_THREADS_PROPERTY, options.interOpThreads());

        engine = Engine.getEngine(ENGINE_NAME);
        LOG.info("DJL {} with {} {} on {} (intra-op threads {}, inter-op threads {}, offline {})",
                Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(), engine.defaultDevice(),
                System.getProperty(INTRA_OP_THREADS_PROPERTY, "default"),
                System.getProperty(INTER_OP_THREADS_PROPERTY, "default"),
                System.getProperty(OFFLINE_PROPERTY));
        return engine;
    }

    private static void configureOffline() {
        if (System.getenv("DJL_OFFLINE") == null && System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
    }

    private static void configureTracking() {
        System.setProperty(TRACKING_SWITCH, "true");
        String fromEnvironment = System.getenv(TRACKING_SWITCH);
        if (fromEnvironment != null && !Boolean.parseBoolean(fromEnvironment)) {
            LOG.warn("environment variable {}={} overrides the system property; DJL usage tracking stays on"
                    + " unless offline mode is on. Set {}=true or unset it.",
                    TRACKING_SWITCH, fromEnvironment, TRACKING_SWITCH);
        }
    }

    private static void setThreads(String property, OptionalInt threads) {
        if (threads.isPresent()) {
            System.setProperty(property, Integer.toString(threads.getAsInt()));
        }
    }

    private static void warnIfThreadsDiffer(EngineOptions options) {
        warnIfDiffers(INTRA_OP_THREADS_PROPERTY, options.intraOpThreads());
        warnIfDiffers(INTER_OP_THREADS_PROPERTY, options.interOpThreads());
    }

    private static void warnIfDiffers(String property, OptionalInt requested) {
        String inEffect = System.getProperty(property);
        if (requested.isPresent() && !Integer.toString(requested.getAsInt()).equals(inEffect)) {
            LOG.warn("{}={} requested after the engine started with {}; libtorch reads thread counts once,"
                    + " so restart the JVM to change them", property, requested.getAsInt(), inEffect);
        }
    }
}
