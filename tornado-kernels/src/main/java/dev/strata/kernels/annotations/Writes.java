package dev.strata.kernels.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An array a {@link Kernel} body writes. An array it writes without reading must be written at every point of the
 * kernel's range: a device backend need not copy such an array to the device (TornadoVM does not), so elements left
 * out would come back undefined.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Writes {
}
