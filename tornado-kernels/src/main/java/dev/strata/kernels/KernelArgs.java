package dev.strata.kernels;

/** Typed access to positional kernel arguments, with messages that name the kernel and the position. */
public final class KernelArgs {
    private KernelArgs() {
    }

    public static float[] floats(String kernel, Object[] args, int i) {
        if (args[i] instanceof float[] a) {
            return a;
        }
        throw bad(kernel, args, i, "float[]");
    }

    public static double[] doubles(String kernel, Object[] args, int i) {
        if (args[i] instanceof double[] a) {
            return a;
        }
        throw bad(kernel, args, i, "double[]");
    }

    public static int[] ints(String kernel, Object[] args, int i) {
        if (args[i] instanceof int[] a) {
            return a;
        }
        throw bad(kernel, args, i, "int[]");
    }

    public static int intValue(String kernel, Object[] args, int i) {
        if (args[i] instanceof Integer v) {
            return v;
        }
        throw bad(kernel, args, i, "int");
    }

    public static float floatValue(String kernel, Object[] args, int i) {
        if (args[i] instanceof Float v) {
            return v;
        }
        throw bad(kernel, args, i, "float");
    }

    public static void count(String kernel, Object[] args, int n) {
        if (args.length != n) {
            throw new IllegalArgumentException(kernel + ": expected " + n + " arguments, got " + args.length);
        }
    }

    public static void minLength(String kernel, String what, int length, long needed) {
        if (length < needed) {
            throw new IllegalArgumentException(kernel + ": " + what + " has " + length + " elements, needs " + needed);
        }
    }

    private static IllegalArgumentException bad(String kernel, Object[] args, int i, String want) {
        Object a = args[i];
        return new IllegalArgumentException(kernel + ": argument " + i + " must be " + want + ", got "
                + (a == null ? "null" : a.getClass().getSimpleName()));
    }
}
