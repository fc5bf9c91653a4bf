package org.twinfold.core.metrics;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates r^T C^+ r for a residual r and a covariance matrix C, where C^+ is the inverse of C when C is
 * positive definite and its pseudo-inverse otherwise.
 *
 * <p>Steps: components with C_ii = 0 are dropped (the result is +infinity when such a component has
 * r_i != 0, since a difference with zero variance is certain). The rest is scaled to the correlation
 * matrix R_ij = C_ij / sqrt(C_ii C_jj) and z_i = r_i / sqrt(C_ii), so that r^T C^-1 r = z^T R^-1 z and
 * the thresholds below do not depend on the units. R is inverted by Cholesky decomposition when every
 * pivot exceeds {@link #CHOLESKY_PIVOT_THRESHOLD}; otherwise by singular value decomposition, keeping
 * the singular values above {@link #RELATIVE_SINGULAR_VALUE_CUTOFF} times the largest.
 */
final class CovarianceQuadraticForm {

    /** Smallest accepted Cholesky pivot of the unit-diagonal correlation matrix. */
    static final double CHOLESKY_PIVOT_THRESHOLD = 1e-10;

    /** Singular values of the correlation matrix below this fraction of the largest count as zero. */
    static final double RELATIVE_SINGULAR_VALUE_CUTOFF = 1e-10;

    /** Relative tolerance of |C_ij - C_ji|, in units of sqrt(C_ii C_jj). */
    static final double SYMMETRY_TOLERANCE = 1e-9;

    private static final Logger LOG = LoggerFactory.getLogger(CovarianceQuadraticForm.class);

    /**
     * Value of the quadratic form and the rank of C used.
     *
     * @param value         r^T C^+ r, or +infinity when a zero-variance component has r_i != 0
     * @param rank          rank of C used
     * @param dimensionUsed number of components with C_ii > 0
     */
    record Evaluation(double value, int rank, int dimensionUsed) {
    }

    private CovarianceQuadraticForm() {
    }

    static Evaluation evaluate(double[] residual, double[][] covariance) {
        checkCovariance(covariance, residual.length);

        // Split components into those with positive variance and those with zero variance.
        List<Integer> active = new ArrayList<>();
        boolean certainDifference = false;
        for (int i = 0; i < residual.length; i++) {
            if (covariance[i][i] > 0) {
                active.add(i);
            } else if (residual[i] != 0) {
                certainDifference = true;
            }
        }
        int k = active.size();
        if (k == 0) {
            return new Evaluation(certainDifference ? Double.POSITIVE_INFINITY : 0.0, 0, 0);
        }

        // Scale to the correlation matrix, symmetrized, and the standardized residual.
        double[][] correlation = new double[k][k];
        double[] standardized = new double[k];
        for (int a = 0; a < k; a++) {
            int i = active.get(a);
            double sigmaI = Math.sqrt(covariance[i][i]);
            standardized[a] = residual[i] / sigmaI;
            for (int b = 0; b < k; b++) {
                int j = active.get(b);
                double symmetric = 0.5 * (covariance[i][j] + covariance[j][i]);
                correlation[a][b] = a == b ? 1.0 : symmetric / (sigmaI * Math.sqrt(covariance[j][j]));
            }
        }

        Evaluation evaluation = quadraticForm(MatrixUtils.createRealMatrix(correlation),
                MatrixUtils.createRealVector(standardized));
        if (certainDifference) {
            return new Evaluation(Double.POSITIVE_INFINITY, evaluation.rank(), k);
        }
        return evaluation;
    }

    private static Evaluation quadraticForm(RealMatrix correlation, RealVector z) {
        int k = z.getDimension();
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(correlation,
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, CHOLESKY_PIVOT_THRESHOLD);
            RealVector solution = cholesky.getSolver().solve(z);
            return new Evaluation(z.dotProduct(solution), k, k);
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            LOG.debug("correlation matrix of dimension {} is not positive definite ({}); using the SVD"
                    + " pseudo-inverse", k, notPositiveDefinite.getMessage());
        }
        return pseudoInverseForm(correlation, z);
    }

    /** Returns sum_k (u_k . z)(v_k . z) / s_k over the singular values s_k above the cutoff. */
    private static Evaluation pseudoInverseForm(RealMatrix correlation, RealVector z) {
        SingularValueDecomposition svd = new SingularValueDecomposition(correlation);
        double[] singularValues = svd.getSingularValues();
        double cutoff = RELATIVE_SINGULAR_VALUE_CUTOFF * singularValues[0];

        double value = 0;
        int rank = 0;
        for (int m = 0; m < singularValues.length; m++) {
            if (singularValues[m] <= cutoff) {
                continue;
            }
            RealVector u = svd.getU().getColumnVector(m);
            RealVector v = svd.getV().getColumnVector(m);

            // For a symmetric matrix, v^T R v is the eigenvalue that belongs to this singular value.
            double eigenvalue = v.dotProduct(correlation.operate(v));
            if (eigenvalue < -cutoff) {
                throw new IllegalArgumentException("covariance matrix is not positive semi-definite: its"
                        + " correlation matrix has the eigenvalue " + eigenvalue + "; pass a covariance"
                        + " estimated from data or fix the matrix");
            }
            value += u.dotProduct(z) * v.dotProduct(z) / singularValues[m];
            rank++;
        }
        return new Evaluation(value, rank, z.getDimension());
    }

    private static void checkCovariance(double[][] covariance, int dimension) {
        if (covariance.length != dimension) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows but the mean"
                    + " vectors have dimension " + dimension + "; expected a " + dimension + " x " + dimension
                    + " matrix");
        }
        for (int i = 0; i < dimension; i++) {
            if (covariance[i].length != dimension) {
                throw new IllegalArgumentException("covariance row " + i + " has length " + covariance[i].length
                        + "; expected " + dimension);
            }
            for (int j = 0; j < dimension; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] is " + covariance[i][j]
                            + "; all entries must be finite (are there NaN values in the samples?)");
                }
            }
            if (covariance[i][i] < 0) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] is " + covariance[i][i]
                        + "; a variance must be >= 0");
            }
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = i + 1; j < dimension; j++) {
                double scale = Math.max(Math.sqrt(covariance[i][i] * covariance[j][j]),
                        Math.max(Math.abs(covariance[i][j]), Math.abs(covariance[j][i])));
                if (Math.abs(covariance[i][j] - covariance[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException("covariance is not symmetric: [" + i + "][" + j + "] = "
                            + covariance[i][j] + " but [" + j + "][" + i + "] = " + covariance[j][i]);
                }
            }
        }
    }
}
