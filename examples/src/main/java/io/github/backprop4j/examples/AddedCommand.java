package io.github.backprop4j.examples;

/**
 * A picocli {@code @Command} that a module built on this one adds to {@link Main}, declared in
 * its {@code META-INF/services/io.github.backprop4j.examples.AddedCommand}. The playground adds
 * {@code serve} this way, so the examples module does not depend on it.
 *
 * <p>{@link Main} instantiates every such class at start-up: keep its fields and constructor
 * light, and load heavy classes only when the command runs.
 */
public interface AddedCommand {
}
