/**
 * Cellular Potts model (CPM) of vasculogenesis: endothelial cells that secrete VEGF and move up its
 * gradient, after Merks et al., PLoS Comput Biol 4(9): e1000163 (2008), and the CompuCell3D model
 * behind the diffusion and U-Net surrogates of Comlekoglu et al. (arXiv:2505.09630, arXiv:2505.00316).
 *
 * <p>The lattice is square and periodic. The Hamiltonian is
 * {@code H = sum_pairs J(tau_i, tau_j)(1 - delta(sigma_i, sigma_j)) + sum_cells lambda_V (V - V_t)^2
 * + sum_cells lambda_S (S - S_t)^2}, plus the chemotaxis work term of a copy. One Monte Carlo step
 * (MCS) is as many copy attempts as lattice sites, then one MCS of the VEGF equation. The entry
 * points are {@link org.twinfold.sim.cpm.CpmSimulation}, {@link org.twinfold.sim.cpm.CpmPresets},
 * {@link org.twinfold.sim.cpm.Morphology}, {@link org.twinfold.sim.cpm.CpmGenerator} and
 * {@link org.twinfold.sim.cpm.VasculogenesisTask}.
 */
package org.twinfold.sim.cpm;
