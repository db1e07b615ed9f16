package dev.strata.kernels.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code @Kernel} declaration as the processor read it: the body's class and name, its parameters with their roles,
 * the conditions it requires, its optional vectorised rows and whether its points are coarse.
 */
record KernelSpec(String packageName, String className, String method, List<Param> params, List<String> requires,
                  String vectorRows, boolean coarse) {

    /** A parameter of the body: an index, a derived scalar, or an argument of the task. */
    record Param(String name, String type, Role role, String from, String to, String derived, boolean writes,
                 String length) {
        boolean isArray() {
            return type.endsWith("[]");
        }
    }

    enum Role { INDEX, DERIVED, ARGUMENT }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The physics family of a kernel class: {@code SeismicKernels} gives {@code Seismic}. */
    static String family(String kernelClass) {
        return kernelClass.endsWith("Kernels") ? kernelClass.substring(0, kernelClass.length() - 7) : kernelClass;
    }

    /** {@code Class.method}, the kernel's name in messages. */
    String kernelName() {
        return className + "." + method;
    }

    /** The generated task record's name: the method, capitalised. */
    String recordName() {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    List<Param> indices() {
        return params.stream().filter(p -> p.role() == Role.INDEX).toList();
    }

    List<Param> derived() {
        return params.stream().filter(p -> p.role() == Role.DERIVED).toList();
    }

    /** The task's arguments: the body's arguments, then the names that index bounds use but no parameter declares. */
    List<Param> taskArguments() {
        List<Param> args = new ArrayList<>(params.stream().filter(p -> p.role() == Role.ARGUMENT).toList());
        for (String name : implicitExtents()) {
            args.add(new Param(name, "int", Role.ARGUMENT, null, null, null, false, null));
        }
        return args;
    }

    /** Names in index bounds that are not parameters: they become trailing {@code int} arguments of the task. */
    List<String> implicitExtents() {
        Set<String> declared = new LinkedHashSet<>();
        params.forEach(p -> declared.add(p.name()));
        Set<String> extra = new LinkedHashSet<>();
        for (Param p : indices()) {
            for (String id : freeNames(p.from() + " + " + p.to())) {
                if (!declared.contains(id)) {
                    extra.add(id);
                }
            }
        }
        return List.copyOf(extra);
    }

    /** Unqualified names in an expression: not preceded or followed by a dot, not followed by a call. */
    static List<String> freeNames(String expression) {
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            boolean qualified = s > 0 && expression.charAt(s - 1) == '.';
            String rest = expression.substring(e).stripLeading();
            boolean qualifier = rest.startsWith(".") || rest.startsWith("(");
            if (!qualified && !qualifier && !Character.isDigit(expression.charAt(s))) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The body's argument list as the call passes it. */
    String callArguments() {
        return String.join(", ", params.stream().map(Param::name).toList());
    }

    /** Largest fixed length of a read-only array argument that the JVM row loop hands the body as a private copy. */
    static final int MAX_COPIED_LENGTH = 8;

    /**
     * The read-only array arguments of a small fixed length ({@code @Length("1")} to {@code @Length("8")}, the
     * coefficients and clocks of a step): the JVM row loop gives the body a private copy of each, made once before
     * the loop, which the JIT can keep in registers (a store to another array might otherwise change them, so it
     * would reload them at every point and leave the loop unvectorised).
     */
    List<Param> copiedConstants() {
        return params.stream().filter(p -> p.role() == Role.ARGUMENT && p.isArray() && !p.writes()
                && p.length() != null && p.length().matches("[1-9]")
                && Integer.parseInt(p.length()) <= MAX_COPIED_LENGTH).toList();
    }

    /** The name of the private copy of {@code p} in the JVM row loop. */
    static String copyName(Param p) {
        return p.name() + "Copy";
    }

    /** The body's arguments in the JVM row loop: the private copies in place of {@link #copiedConstants}. */
    String rowLoopArguments() {
        List<Param> copied = copiedConstants();
        return String.join(", ", params.stream().map(p -> copied.contains(p) ? copyName(p) : p.name()).toList());
    }

    /** The task's parameter list as a declaration. */
    String declaration() {
        return String.join(", ", taskArguments().stream().map(p -> p.type() + " " + p.name()).toList());
    }

    /** Extent of an index, {@code (to) - (from)}, simplified when from is 0. */
    static String extent(Param index) {
        return "0".equals(index.from()) ? "(" + index.to() + ")" : "((" + index.to() + ") - (" + index.from() + "))";
    }

    /** Number of rows: the product of the extents of every index but the last. */
    String rowsExpression() {
        List<Param> idx = indices();
        List<String> parts = idx.subList(0, idx.size() - 1).stream().map(KernelSpec::extent).toList();
        return String.join(" * ", parts);
    }
}
