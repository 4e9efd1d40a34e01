package io.github.backprop4j.examples;

/**
 * A picocli {@code @Command} that a module built on this one adds to {@link Main}, declared in
 * its {@code META-INF/services/io.github.backprop4j.examples.AddedCommand}. The playground adds
 * {@code serve} this way, so the examples module does not depend on it.
 *
 * <p>{@link Main} loads every such class at start-up to read its {@code @Command} name, and
 * instantiates it when the first argument is that name, or is not a command name at all
 * ({@code --help}, a typo): keep its static fields, fields and constructor light, and load heavy
 * classes only when the command runs.
 */
public interface AddedCommand {
}
