package dev.strata.kernels.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a kernel: a {@code public static void} per-point body, the one definition every backend runs. Its
 * {@link Index} parameters say over which points it runs, {@link Writes} which arrays it writes, {@link Length} how
 * long each array must be and {@link Derived} which arguments follow from others. From this declaration alone the
 * build (the kernel processor) writes, for a class {@code FooKernels}, the class {@code FooTasks} with one typed
 * factory per kernel (the task a caller puts in a {@link dev.strata.kernels.KernelGraph}, its argument checks and
 * its JVM row runner) and the TornadoVM {@code @Parallel} launcher that the tornado-backend module compiles.
 *
 * <p>The task takes the body's parameters that are neither indices nor derived, in order, followed by every name
 * used in an index bound that is not a parameter (an {@code int}, e.g. the batch size {@code nb}). Expressions are
 * Java over those names; constants must be qualified ({@code AcousticKernels.RADIUS}).
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Kernel {

    /** Conditions on the arguments, each a Java boolean expression; a task that breaks one is refused. */
    String[] requires() default {};

    /**
     * A hand-vectorised JVM version, {@code Class.method}, taking {@code (int rowStart, int rowEnd, task arguments...)}:
     * the same contract as the row runner, agreeing with the body within the tolerance its tests state.
     */
    String vectorRows() default "";

    /**
     * Whether each point is a large piece of work (for example a band of rows over several time steps): a backend
     * shares the points among its threads down to one point each, where it otherwise keeps small ranges on one thread.
     */
    boolean coarse() default false;
}
