package org.ceportal.learningforms.builtin.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Configuration annotations for tests: a proxy that answers every attribute with its
 * default, as Declarative Services does without a configuration, or with an override.
 */
final class Configs {

    private Configs() {
    }

    static <A> A defaults(Class<A> type) {
        return with(type, Map.of());
    }

    static <A> A with(Class<A> type, Map<String, Object> overrides) {
        for (String name : overrides.keySet()) {
            try {
                type.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no attribute " + name, e);
            }
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return type.getSimpleName() + overrides;
                default:
                    return value(method, overrides);
            }
        }));
    }

    private static Object value(Method method, Map<String, Object> overrides) {
        return overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
    }
}
