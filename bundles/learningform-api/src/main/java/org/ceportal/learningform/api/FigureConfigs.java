package org.ceportal.learningform.api;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;

/**
 * A form's configuration annotation over a map of properties, as Declarative Services makes one from a
 * configuration: each element answers the property of its name converted to its type, or its default when the
 * map has none. For {@link LearningForm#withFigures}: {@code new MyForm(FigureConfigs.of(MyForm.Config.class,
 * figures))} is the form with those figures.
 *
 * <p>Types: {@code int}, {@code long}, {@code double}, {@code float}, {@code boolean}, {@code String} and arrays
 * of these; a value may be a string (as a page sends it, or a {@code .cfg} file holds it), a number, or for an
 * array a collection, an array or one comma-separated string. A value that does not convert is an
 * {@link IllegalArgumentException} naming the property, thrown when the element is read.
 *
 * @since 1.2
 */
public final class FigureConfigs {
    private FigureConfigs() {
    }

    /**
     * @param type       the configuration annotation (a {@code @interface})
     * @param properties the configuration's properties; unknown keys are ignored
     * @param <A>        the annotation's type
     * @return an instance of {@code type} reading {@code properties}
     */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        if (!type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation type");
        }
        Map<String, ?> values = Map.copyOf(properties);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
            switch (method.getName()) {
                case "annotationType" -> type;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> type.getSimpleName() + values;
                default -> value(method, values);
            }));
    }

    private static Object value(Method element, Map<String, ?> values) {
        Object raw = values.get(element.getName());
        if (raw == null) {
            return element.getDefaultValue();
        }
        Class<?> t = element.getReturnType();
        try {
            if (t.isArray()) {
                Object[] items = raw instanceof Collection<?> c ? c.toArray()
                        : raw.getClass().isArray() ? boxed(raw) : String.valueOf(raw).split(",");
                Object out = Array.newInstance(t.getComponentType(), items.length);
                for (int i = 0; i < items.length; i++) {
                    Array.set(out, i, scalar(t.getComponentType(), items[i]));
                }
                return out;
            }
            return scalar(t, raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("property " + element.getName() + ": " + raw + " is not a " + t.getSimpleName(), e);
        }
    }

    private static Object[] boxed(Object array) {
        Object[] out = new Object[Array.getLength(array)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.get(array, i);
        }
        return out;
    }

    private static Object scalar(Class<?> t, Object raw) {
        String s = String.valueOf(raw).strip();
        if (t == String.class) {
            return s;
        }
        if (t == int.class || t == Integer.class) {
            return raw instanceof Number n && !(raw instanceof Double || raw instanceof Float) ? n.intValue() : Integer.parseInt(s);
        }
        if (t == long.class || t == Long.class) {
            return Long.parseLong(s);
        }
        if (t == double.class || t == Double.class) {
            return Double.parseDouble(s);
        }
        if (t == float.class || t == Float.class) {
            return Float.parseFloat(s);
        }
        if (t == boolean.class || t == Boolean.class) {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a boolean: " + s);
            }
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("unsupported type " + t.getName());
    }
}
