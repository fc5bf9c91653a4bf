/**
 * LSTM time-evolution operator for molecular dynamics: the next frame at a large time step
 * {@code Delta_R} (a multiple of the Verlet step {@code Delta}, up to 4,000x) from the previous
 * {@code S_R = 5} frames, {@code x(t + Delta_R) = R[x(t), x(t - Delta_R), ..., x(t - 4 Delta_R)]}.
 *
 * <p>After Kadupitiya, Fox and Jadhao, "Simulating Molecular Dynamics with Large Timesteps using
 * Recurrent Neural Networks", arXiv:2004.06493: two LSTM layers of 64 units and a linear head, mean
 * squared error on min-max scaled frames, Adam. As options, the network predicts a residual over the
 * last frame or over the constant-velocity step instead of the frame itself
 * ({@link org.twinfold.ml.lstm.PredictionTarget}), on standardized values, with noise on the training
 * inputs. {@link org.twinfold.ml.lstm.LstmOperator} trains and
 * loads the network, {@link org.twinfold.ml.lstm.Rollout} applies it autoregressively,
 * {@link org.twinfold.ml.lstm.TrajectoryErrors} and {@link org.twinfold.ml.lstm.OperatorSpeedup}
 * evaluate a rollout against the reference integrator.
 */
package org.twinfold.ml.lstm;
