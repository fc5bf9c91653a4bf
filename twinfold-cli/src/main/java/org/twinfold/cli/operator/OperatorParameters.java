package org.twinfold.cli.operator;

/** Per-trajectory parameters of the operator's features: the mass of each trajectory. */
final class OperatorParameters {

    private OperatorParameters() {
    }

    /** Returns {mass} per trajectory, (trajectories, 1). */
    static double[][] of(double[] masses) {
        double[][] parameters = new double[masses.length][];
        for (int t = 0; t < masses.length; t++) {
            parameters[t] = new double[] {masses[t]};
        }
        return parameters;
    }
}
