package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesScalarsAndEscapesStrings() {
        var m = new LinkedHashMap<String, Object>();
        m.put("s", "a\"b\\c\n");
        m.put("i", 3);
        m.put("d", 0.5);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("n", null);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\",\"i\":3,\"d\":0.5,\"nan\":null,\"b\":true,\"n\":null}", Json.object(m));
    }

    @Test
    void writesArraysListsAndNestedObjects() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("shape", new long[] {2, 3});
        var m = new LinkedHashMap<String, Object>();
        m.put("v", new double[] {0.5, Double.NaN});
        m.put("list", java.util.List.of(inner, "x"));
        assertEquals("{\"v\":[0.5,null],\"list\":[{\"shape\":[2,3]},\"x\"]}", Json.object(m));
    }
}
