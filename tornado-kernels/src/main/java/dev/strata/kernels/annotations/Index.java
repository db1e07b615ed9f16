package dev.strata.kernels.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A point index of a {@link Kernel} body, running over [{@link #from}, {@link #value}). The last index is the inner
 * (fast, vectorised) one; the ones before it are flattened, in order, into the rows that backends split among threads
 * and work items. A body without an index runs once.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Index {

    /** Exclusive upper bound, a Java int expression over the task's arguments. */
    String value();

    /** Inclusive lower bound, a Java int expression over the task's arguments. */
    String from() default "0";
}
