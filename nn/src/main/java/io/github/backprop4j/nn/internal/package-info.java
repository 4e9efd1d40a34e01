/**
 * Helpers of the nn module that are not API: custom differentiable ops and numeric routines.
 */
@NullMarked
package io.github.backprop4j.nn.internal;

import org.jspecify.annotations.NullMarked;
