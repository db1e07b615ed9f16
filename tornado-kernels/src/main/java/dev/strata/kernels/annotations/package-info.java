/**
 * The declaration of a kernel: {@link dev.strata.kernels.annotations.Kernel} on a per-point static body and its
 * parameter annotations. Read at build time by the kernel processor; nothing here exists at run time.
 */
package dev.strata.kernels.annotations;
