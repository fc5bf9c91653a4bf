package org.twinfold.cli.operator;

/**
 * One test trajectory for the figures: Verlet at every saved frame up to the end of the rollout, and
 * the operator's rollout at its own steps. The arrays are not copied; treat them as read-only.
 *
 * @param verletTime times of the Verlet frames, in tau
 * @param verlet Verlet frames (unwrapped positions, then velocities)
 * @param verletEnergy total energy of each Verlet frame, in epsilon
 * @param rolloutTime times of the rollout frames, in tau
 * @param rollout rollout frames, the kick-start frames first
 * @param rolloutEnergy total energy of each rollout frame, in epsilon
 */
record ExampleTrajectory(double[] verletTime, float[][] verlet, double[] verletEnergy, double[] rolloutTime,
        float[][] rollout, double[] rolloutEnergy) {
}
