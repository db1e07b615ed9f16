package dev.strata.kernels.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scalar argument of a {@link Kernel} body that follows from the others (e.g. {@code wavelet.length}): the task does
 * not take it, every backend computes it from this Java expression before running the body.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Derived {
    String value();
}
