package org.twinfold.core.metrics;

/**
 * Result of a chi-square comparison of two mean vectors, with the full covariance and with its
 * diagonal only. See {@link CorrelatedChiSquare} for the definitions.
 *
 * @param chi2           (O - P)^T C^+ (O - P) with the full covariance C of O - P
 * @param dof            degrees of freedom of {@code chi2}: the rank of C used, which equals the dimension
 *                       d when every component has positive variance and C has full rank
 * @param pValue         upper-tail probability of {@code chi2} under the chi-square distribution with
 *                       {@code dof} degrees of freedom
 * @param rankUsed       rank of C used to invert it: d after a Cholesky decomposition, less than d when
 *                       zero-variance components were dropped or the singular value decomposition cut
 *                       off small singular values
 * @param diagonalChi2   sum_i (O_i - P_i)^2 / C_ii, ignoring all correlations
 * @param diagonalPValue upper-tail probability of {@code diagonalChi2} with {@code diagonalDof} degrees of
 *                       freedom
 * @param diagonalDof    number of components with C_ii > 0
 */
public record ChiSquareResult(double chi2, int dof, double pValue, int rankUsed, double diagonalChi2,
        double diagonalPValue, int diagonalDof) {
}
