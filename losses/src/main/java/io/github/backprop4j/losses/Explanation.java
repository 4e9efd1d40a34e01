package io.github.backprop4j.losses;

/**
 * What {@link Losses#explain} produced: the step-by-step text, and the largest absolute
 * difference between the closed-form gradient printed in it and the gradient autograd computed
 * (0 when they agree exactly; NaN positions that agree count as agreement).
 *
 * @param text the explanation, as {@code ./backprop4j explain} prints it
 * @param maxDifference the largest |closed-form − autograd| gradient difference
 */
public record Explanation(String text, double maxDifference) {
    @Override
    public String toString() {
        return text;
    }
}
