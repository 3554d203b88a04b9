package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.involve.handlers.http.Routes;
import org.junit.jupiter.api.Test;

/**
 * Routes are declared once in each handler's table and agree with template.yaml: every HttpApi route a function is
 * given (Method + Path) is in its handler's table, and every route in the table is one the function is given, so a
 * route cannot be added in one place and forgotten in the other.
 */
class RouteTableTest {
    @Test
    void everyFunctionsTemplateRoutesAreExactlyItsHandlersRouteTable() throws Exception {
        Map<String, Set<String>> declared = templateRoutes();
        assertTrue(
                declared.size() >= 12,
                "expected the template's web functions, found " + declared.keySet());
        for (var fn : declared.entrySet()) {
            Class<?> handler = handlerOf(fn.getKey());
            Set<String> table = new TreeSet<>(routesOf(handler).keys());
            Set<String> missing = new TreeSet<>(fn.getValue());
            missing.removeAll(table);
            Set<String> undeclared = new TreeSet<>(table);
            undeclared.removeAll(fn.getValue());
            assertTrue(
                    missing.isEmpty(),
                    fn.getKey()
                            + ": template.yaml routes "
                            + missing
                            + " to "
                            + handler.getSimpleName()
                            + ", whose table lacks them");
            assertTrue(
                    undeclared.isEmpty(),
                    fn.getKey()
                            + ": "
                            + handler.getSimpleName()
                            + " answers "
                            + undeclared
                            + ", which template.yaml does not route to it");
        }
    }

    @Test
    void aFunctionWithoutRoutesHasNoRouteTable() throws Exception {
        Map<String, Set<String>> declared = templateRoutes();
        for (String fn : functions().keySet()) {
            if (declared.containsKey(fn)) continue;
            assertFalse(
                    hasRoutes(handlerOf(fn)),
                    fn + " has a route table but no HttpApi events in template.yaml");
        }
    }

    @Test
    void theCheckSeesARouteMissingFromEitherSide() {
        Routes<Object, Object> table =
                Routes.table().get(org.involve.core.paths.StaffPaths.ROLES, (h, r) -> null);
        assertEquals(Set.of("GET /staff/roles"), table.keys());
        assertTrue(table.find("GET /staff/roles").isPresent());
        assertFalse(table.find("POST /staff/roles").isPresent());
        try {
            table.get(org.involve.core.paths.StaffPaths.ROLES, (h, r) -> null);
            fail("a route declared twice is refused");
        } catch (IllegalStateException expected) {
            // the table would otherwise answer it with whichever came last
        }
    }

    /** Each function's HttpApi events as API Gateway route keys, "GET /staff/roles/{roleId}". */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> templateRoutes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        functions()
                .forEach(
                        (fn, props) -> {
                            Map<String, Object> events = (Map<String, Object>) props.get("Events");
                            if (events == null) return;
                            for (Object body : events.values()) {
                                Map<String, Object> e = (Map<String, Object>) body;
                                if (!"HttpApi".equals(e.get("Type"))) continue;
                                Map<String, Object> p = (Map<String, Object>) e.get("Properties");
                                String key =
                                        String.valueOf(p.get("Method"))
                                                        .toUpperCase(java.util.Locale.ROOT)
                                                + " "
                                                + p.get("Path");
                                assertTrue(
                                        routes.computeIfAbsent(fn, f -> new TreeSet<>()).add(key),
                                        fn + " declares " + key + " twice");
                            }
                        });
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> fns = new LinkedHashMap<>();
        ((Map<String, Object>) TemplateTest.template().get("Resources"))
                .forEach(
                        (id, body) -> {
                            Map<String, Object> r = (Map<String, Object>) body;
                            if ("AWS::Serverless::Function".equals(r.get("Type")))
                                fns.put(id, (Map<String, Object>) r.get("Properties"));
                        });
        return fns;
    }

    private static Class<?> handlerOf(String fn) throws ClassNotFoundException {
        String handler = String.valueOf(functions().get(fn).get("Handler"));
        return Class.forName(handler.substring(0, handler.indexOf("::")));
    }

    private static boolean hasRoutes(Class<?> handler) {
        try {
            handler.getDeclaredField("ROUTES");
            return true;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** The handler's table: a static final field ROUTES, declared once in the handler class. */
    private static Routes<?, ?> routesOf(Class<?> handler) throws Exception {
        if (!hasRoutes(handler))
            fail(handler.getSimpleName() + " has no route table (static final Routes ROUTES)");
        Field f = handler.getDeclaredField("ROUTES");
        assertTrue(
                Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()),
                handler.getSimpleName() + ".ROUTES must be static final");
        f.setAccessible(true);
        return (Routes<?, ?>) f.get(null);
    }
}
