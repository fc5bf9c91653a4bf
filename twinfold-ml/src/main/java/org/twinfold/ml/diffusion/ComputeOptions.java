package org.twinfold.ml.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;

/**
 * Device and precision of a diffusion model.
 *
 * <p>On CPU only float32 is accepted: libtorch 2.7.1 aborts the JVM, with no Java exception, on any
 * bfloat16 array on CPU, and float16 convolutions there run 25 to 130 times slower than float32. On a
 * GPU (which needs DJL's CUDA native library), float16 casts the network and its inputs; training
 * always keeps float32 master weights.
 *
 * @param device where the network lives, such as {@code cpu()} or {@code gpu(0)}
 * @param precision FLOAT32, or FLOAT16 on a GPU
 */
public record ComputeOptions(Device device, DataType precision) {

    public ComputeOptions {
        if (precision != DataType.FLOAT32 && precision != DataType.FLOAT16) {
            throw new IllegalArgumentException("precision " + precision + " is not supported; use float32 (or "
                    + "float16 on a GPU); bfloat16 aborts the JVM in libtorch's CPU kernels");
        }
        if (precision != DataType.FLOAT32 && !device.isGpu()) {
            throw new IllegalArgumentException("precision " + precision + " on " + device
                    + " is not supported; use float32 on CPU");
        }
    }

    /** Returns float32 on the CPU. */
    public static ComputeOptions cpu() {
        return new ComputeOptions(Device.cpu(), DataType.FLOAT32);
    }

    /**
     * Parses command-line values such as {@code cpu}, {@code gpu0} and {@code float32}.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ComputeOptions parse(String device, String precision) {
        DataType type = switch (precision.toLowerCase(java.util.Locale.ROOT)) {
            case "float32" -> DataType.FLOAT32;
            case "float16" -> DataType.FLOAT16;
            case "bfloat16" -> DataType.BFLOAT16;
            default -> throw new IllegalArgumentException("precision '" + precision
                    + "' is unknown; use float32 or float16");
        };
        return new ComputeOptions(Device.fromName(device), type);
    }
}
