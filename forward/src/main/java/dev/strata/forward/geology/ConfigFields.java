package dev.strata.forward.geology;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens a configuration record into ordered name-value pairs: {@code "type"} gives the record's simple class
 * name, nested records are flattened with dotted names ({@code "shale.mean"}, {@code "field.type"}), enums become
 * their lower-case names, numbers, booleans and strings stay as they are.
 */
public final class ConfigFields {
    private ConfigFields() {
    }

    /** The components of {@code config}, flattened. */
    public static Map<String, Object> of(Record config) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "", config);
        return out;
    }

    private static void put(Map<String, Object> out, String prefix, Record r) {
        out.put(prefix + "type", r.getClass().getSimpleName());
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
            }
            String name = prefix + c.getName();
            switch (value) {
                case Record nested -> put(out, name + ".", nested);
                case Enum<?> e -> out.put(name, e.name().toLowerCase(Locale.ROOT));
                case null -> out.put(name, null);
                default -> out.put(name, value);
            }
        }
    }
}
