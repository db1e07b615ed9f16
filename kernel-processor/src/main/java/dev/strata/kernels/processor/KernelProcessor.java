package dev.strata.kernels.processor;

import dev.strata.kernels.processor.KernelSpec.Param;
import dev.strata.kernels.processor.KernelSpec.Role;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Reads every {@code @Kernel} body and writes, per kernel class, its typed tasks (Java source compiled with the
 * kernels) and its TornadoVM launchers plus one dispatcher (resources under {@value #LAUNCHER_ROOT}, compiled by the
 * tornado-backend module where a TornadoVM SDK is installed). A declaration it cannot read is a compile error at
 * the body.
 */
@SupportedAnnotationTypes(KernelProcessor.KERNEL)
public final class KernelProcessor extends AbstractProcessor {
    static final String KERNEL = "dev.strata.kernels.annotations.Kernel";
    private static final String ANNOTATIONS = "dev.strata.kernels.annotations.";
    /** Where the TornadoVM sources go in the class output (and so in the kernels jar). */
    static final String LAUNCHER_ROOT = "META-INF/strata/tornado-launchers/";

    private final Map<String, List<KernelSpec>> byClass = new LinkedHashMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                KernelSpec spec = read((ExecutableElement) e);
                if (spec != null) {
                    byClass.computeIfAbsent(spec.packageName() + "." + spec.className(), c -> new ArrayList<>()).add(spec);
                }
            }
        }
        if (round.processingOver() && !byClass.isEmpty()) {
            writeAll();
        }
        return true;
    }

    private void writeAll() {
        for (List<KernelSpec> kernels : byClass.values()) {
            KernelSpec first = kernels.get(0);
            String pkg = first.packageName();
            String cls = first.className();
            writeSource(pkg + "." + TaskWriter.tasksClass(cls), TaskWriter.write(pkg, cls, kernels));
            writeResource(LauncherWriter.launchersClass(cls), LauncherWriter.write(pkg, cls, kernels));
        }
        writeResource("TornadoTasks", LauncherWriter.dispatcher(byClass));
    }

    private void writeSource(String name, String text) {
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
            w.write(text);
        } catch (IOException ex) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + name + ": " + ex.getMessage());
        }
    }

    private void writeResource(String simpleName, String text) {
        String path = LAUNCHER_ROOT + LauncherWriter.PACKAGE.replace('.', '/') + "/" + simpleName + ".java";
        try (Writer w = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path).openWriter()) {
            w.write(text);
        } catch (IOException ex) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + path + ": " + ex.getMessage());
        }
    }

    private KernelSpec read(ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.STATIC) || !method.getModifiers().contains(Modifier.PUBLIC)
                || method.getReturnType().getKind() != TypeKind.VOID) {
            error(method, "a @Kernel body is a public static void method");
            return null;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        List<Param> params = new ArrayList<>();
        boolean ok = true;
        for (VariableElement v : method.getParameters()) {
            Param p = param(v);
            if (p == null) {
                ok = false;
            } else {
                params.add(p);
            }
        }
        AnnotationMirror kernel = mirror(method, "Kernel");
        List<String> requires = new ArrayList<>();
        Object req = value(kernel, "requires");
        if (req instanceof List<?> list) {
            for (Object o : list) {
                requires.add((String) ((AnnotationValue) o).getValue());
            }
        }
        String vector = (String) value(kernel, "vectorRows");
        boolean coarse = Boolean.TRUE.equals(value(kernel, "coarse"));
        return ok ? new KernelSpec(pkg, owner.getSimpleName().toString(), method.getSimpleName().toString(), params,
                List.copyOf(requires), vector == null ? "" : vector, coarse) : null;
    }

    private Param param(VariableElement v) {
        String name = v.getSimpleName().toString();
        String type = v.asType().toString();
        AnnotationMirror index = mirror(v, "Index");
        AnnotationMirror derived = mirror(v, "Derived");
        boolean writes = mirror(v, "Writes") != null;
        AnnotationMirror length = mirror(v, "Length");
        boolean array = type.endsWith("[]");
        if (!type.equals("int") && !type.equals("float") && !type.equals("int[]") && !type.equals("float[]")
                && !type.equals("double[]")) {
            error(v, "kernel arguments are int, float, int[], float[] or double[], not " + type);
            return null;
        }
        if (index != null && (derived != null || !type.equals("int"))) {
            error(v, "an @Index is a plain int parameter");
            return null;
        }
        if ((writes || length != null) && !array) {
            error(v, "@Writes and @Length apply to array parameters");
            return null;
        }
        if (index != null) {
            String from = (String) value(index, "from");
            return new Param(name, type, Role.INDEX, from == null ? "0" : from, (String) value(index, "value"), null,
                    false, null);
        }
        if (derived != null) {
            return new Param(name, type, Role.DERIVED, null, null, (String) value(derived, "value"), false, null);
        }
        return new Param(name, type, Role.ARGUMENT, null, null, null, writes,
                length == null ? null : (String) value(length, "value"));
    }

    private static AnnotationMirror mirror(Element e, String simple) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals(ANNOTATIONS + simple)) {
                return m;
            }
        }
        return null;
    }

    private static Object value(AnnotationMirror m, String key) {
        if (m == null) {
            return null;
        }
        for (var entry : m.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(key)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    private void error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
    }
}
