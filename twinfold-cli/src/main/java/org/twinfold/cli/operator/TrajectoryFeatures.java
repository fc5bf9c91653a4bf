package org.twinfold.cli.operator;

import org.twinfold.core.SampleBatch;

/**
 * Operator frames from simulated trajectories: per frame the N unwrapped positions, then the N
 * velocities, d = 6N values in the order (x0, y0, z0, x1, ..., vx0, vy0, vz0, ...), particles in their
 * fixed simulation order.
 *
 * <p>The simulator wraps positions into the periodic cube [-L/2, L/2); a particle that crosses a face
 * jumps by L, which no smooth operator can learn. Unwrapping follows each particle across the faces:
 * {@code u(0) = r(0)}, {@code u(n) = u(n-1) + mic(r(n) - r(n-1))}, with mic the minimum image. It is
 * exact while no particle moves more than L/2 between saved frames (at 0.1 tau and speeds below 10
 * sigma / tau in a cube of side 10, far beyond what a random start at rest reaches).
 */
final class TrajectoryFeatures {

    private TrajectoryFeatures() {
    }

    /**
     * Returns the frames of every trajectory of a batch.
     *
     * @param batch samples with {@code positions} and {@code velocities} of shape [frames, N, 3]
     * @param side cube side L in sigma, or 0 for a container without periodic images
     * @return (samples, frames, 6N)
     */
    static float[][][] of(SampleBatch batch, double side) {
        int frames = batch.schema().field("positions").shape().get(0);
        int values = 3 * batch.schema().field("positions").shape().get(1);
        float[] positions = batch.floats("positions");
        float[] velocities = batch.floats("velocities");
        float[][][] result = new float[batch.size()][frames][2 * values];
        for (int sample = 0; sample < batch.size(); sample++) {
            double[] unwrapped = new double[values];
            for (int frame = 0; frame < frames; frame++) {
                int offset = (sample * frames + frame) * values;
                for (int k = 0; k < values; k++) {
                    double position = positions[offset + k];
                    if (frame == 0) {
                        unwrapped[k] = position;
                    } else {
                        double step = position - positions[offset - values + k];
                        if (side > 0) {
                            step -= side * Math.rint(step / side);
                        }
                        unwrapped[k] += step;
                    }
                    result[sample][frame][k] = (float) unwrapped[k];
                    result[sample][frame][values + k] = velocities[offset + k];
                }
            }
        }
        return result;
    }

    /**
     * Returns every {@code stride}-th frame from frame 0, at most {@code count} frames per trajectory.
     *
     * @param trajectories (trajectories, frames, d)
     * @return (trajectories, min(count, (frames - 1) / stride + 1), d); the frame arrays are shared
     */
    static float[][][] subsample(float[][][] trajectories, int stride, int count) {
        float[][][] result = new float[trajectories.length][][];
        for (int t = 0; t < trajectories.length; t++) {
            int frames = Math.min(count, (trajectories[t].length - 1) / stride + 1);
            result[t] = new float[frames][];
            for (int f = 0; f < frames; f++) {
                result[t][f] = trajectories[t][f * stride];
            }
        }
        return result;
    }

    /** Returns the positions (first 3N values) of a frame. */
    static float[] positions(float[] frame) {
        float[] result = new float[frame.length / 2];
        System.arraycopy(frame, 0, result, 0, result.length);
        return result;
    }

    /** Returns the velocities (last 3N values) of a frame. */
    static float[] velocities(float[] frame) {
        float[] result = new float[frame.length / 2];
        System.arraycopy(frame, frame.length / 2, result, 0, result.length);
        return result;
    }
}
