/**
 * Diffusion surrogates after EDM (Karras, Aittala, Aila and Laine, "Elucidating the Design Space of
 * Diffusion-Based Generative Models", NeurIPS 2022), reusable by any task with one 2-D field.
 *
 * <ul>
 *   <li>Network: {@link org.twinfold.ml.diffusion.UNet}, an ADM-style U-Net of DJL blocks with
 *       {@link org.twinfold.ml.diffusion.GroupNorm} (absent from DJL), nearest-neighbour upsampling
 *       plus convolution, optional self-attention at the lowest resolution, optional circular
 *       padding, and class or parameter embeddings; every block scopes its native memory.</li>
 *   <li>Method: {@link org.twinfold.ml.diffusion.EdmPreconditioning},
 *       {@link org.twinfold.ml.diffusion.NoiseLevels}, the loss {@code EdmLoss} and the
 *       {@link org.twinfold.ml.diffusion.HeunSampler} (deterministic or with S_churn), with
 *       classifier-free guidance.</li>
 *   <li>Family: {@link org.twinfold.ml.diffusion.DiffusionFamily} trains through the shared
 *       training loop (EMA, checkpoints, resume) and loads a
 *       {@link org.twinfold.ml.diffusion.DiffusionSurrogate}, a generator whose samples depend only on
 *       their point and seed.</li>
 * </ul>
 */
package org.twinfold.ml.diffusion;
