package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every function's environment in template.yaml holds every setting its beans read. Each function's handler is built
 * as Lambda builds it (its no-argument constructor), in a bean context whose settings are only that function's
 * environment (Globals and its own variables; references to other resources become placeholders). The local runtime
 * gives every function one shared environment, so this is the only place a missing variable shows before AWS.
 */
class FunctionEnvironmentTest {

    @Test
    void everyFunctionsHandlerBuildsFromItsOwnEnvironment() {
        List<String> functions = functions();
        assertTrue(functions.size() >= 20, "template.yaml's functions: " + functions);
        for (String fn : functions) {
            Optional<Throwable> failed = build(handlerOf(fn), environmentOf(fn));
            failed.ifPresent(
                    e ->
                            fail(
                                    fn
                                            + " cannot start with its template.yaml environment: "
                                            + missingOrMessage(e),
                                    e));
        }
    }

    /** Proves the check above can fail: without a variable its beans read, a function does not start, and says which. */
    @Test
    void aFunctionWithoutASettingItsBeansReadFailsNamingIt() {
        Map<String, String> trimmed = new HashMap<>(environmentOf("StaffInterviewsFunction"));
        assertTrue(trimmed.remove("INTERVIEW_SLOTS_TABLE") != null);

        Throwable failed =
                build(handlerOf("StaffInterviewsFunction"), trimmed)
                        .orElseThrow(() -> new AssertionError("it started"));

        assertEquals(
                "INTERVIEW_SLOTS_TABLE",
                missing(failed).map(InvolveSettings.MissingSetting::name).orElse(null),
                String.valueOf(failed));
    }

    /**
     * A function is given the keys of a purpose (its *_KEY_SECRET setting, and with it the right to read the secret)
     * only if its beans sign or check with them: without any one of them it does not start. With the test above (every
     * function starts with what it is given), each function holds exactly the keys its beans use.
     */
    @Test
    void everySigningKeyAFunctionIsGivenIsOneItsBeansUse() {
        List<String> unused = new ArrayList<>();
        int checked = 0;
        for (String fn : functions()) {
            Map<String, String> environment = environmentOf(fn);
            for (String name : environment.keySet()) {
                if (!name.endsWith("_KEY_SECRET")) continue;
                Map<String, String> without = new HashMap<>(environment);
                without.remove(name);
                Optional<Throwable> failed = build(handlerOf(fn), without);
                if (failed.isEmpty()) unused.add(fn + " " + name);
                else
                    assertEquals(
                            name,
                            missing(failed.get())
                                    .map(InvolveSettings.MissingSetting::name)
                                    .orElse(null),
                            fn + ": " + failed.get());
                checked++;
            }
        }
        assertEquals(List.of(), unused, "given keys their beans never use");
        assertTrue(checked >= 30, "key settings checked: " + checked);
    }

    /** No signing key is in any function's environment: only the names of the secrets that hold them. */
    @Test
    void noFunctionsEnvironmentHoldsAKey() {
        for (String fn : functions()) {
            Map<String, Object> own = variables(properties(fn));
            for (var e : own.entrySet()) {
                assertFalse(
                        String.valueOf(e.getValue()).contains("resolve:secretsmanager"),
                        fn + "'s " + e.getKey() + " resolves a secret into the environment");
                if (e.getKey().endsWith("_KEY_SECRET"))
                    assertTrue(
                            e.getValue() instanceof Map<?, ?> m && m.containsKey("Ref"),
                            fn + "'s " + e.getKey() + " names its secret with !Ref");
            }
            assertFalse(own.containsKey("TOKEN_SIGNING_KEY"), fn);
            assertFalse(own.containsKey("MONITORING_KEY"), fn);
        }
    }

    /** A setting only some beans need is asked for by those beans alone: the panel never has the audit table. */
    @Test
    void aSettingIsRequiredOnlyByTheBeansThatReadIt() {
        // The panel's function appends to the audit trail only when a conflict of interest is
        // declared: it starts without AUDIT_TABLE, and never has a signing key.
        Map<String, String> panel = new HashMap<>(environmentOf("StaffShortlistingFunction"));
        assertTrue(panel.remove("AUDIT_TABLE") != null);
        assertFalse(panel.keySet().stream().anyMatch(name -> name.endsWith("_KEY_SECRET")));
        assertTrue(build(handlerOf("StaffShortlistingFunction"), panel).isEmpty());
    }

    /**
     * A function whose handler is listed in Beans.AREAS loads only its areas' bean definitions (the test above builds
     * it from them), and fewer than the local runtime's context, which has them all.
     */
    @Test
    void aListedFunctionLoadsOnlyItsOwnAreasBeanDefinitions() {
        assertTrue(Beans.AREAS.containsKey("PublicSiteHandler"));
        List<Integer> counts = new ArrayList<>();
        Map<String, String> site = new HashMap<>(environmentOf("PublicSiteFunction"));
        for (boolean asLambda : List.of(true, false)) {
            if (!asLambda) site.remove("_HANDLER");
            Optional<Throwable> failed =
                    build(
                            handlerOf("PublicSiteFunction"),
                            site,
                            context -> {
                                counts.add(context.getAllBeanDefinitions().size());
                                assertEquals(
                                        !asLambda,
                                        context.containsBean(
                                                org.involve.core.outcomes.Outcomes.class));
                            });
            assertTrue(failed.isEmpty(), String.valueOf(failed));
        }
        assertTrue(counts.get(0) < counts.get(1) / 2, "definitions as Lambda, and all: " + counts);
    }

    /**
     * A listed function's definitions hold every bean its handler can reach: from each bean the handler's constructor
     * built, through every argument of its factory method (a lazy {@code BeanProvider} too, which building alone does
     * not resolve), there is a definition in its filtered context. Every function is listed.
     */
    @Test
    void aListedFunctionsDefinitionsHoldEveryBeanItsHandlerCanReach() {
        int checked = 0;
        for (String fn : functions()) {
            String handler = handlerOf(fn);
            String simple = handler.substring(handler.lastIndexOf('.') + 1);
            assertTrue(Beans.AREAS.containsKey(simple), simple + " is not in Beans.AREAS");
            assertTrue(Beans.ADAPTERS.containsKey(simple), simple + " is not in Beans.ADAPTERS");
            List<String> missing = new ArrayList<>();
            Optional<Throwable> failed =
                    build(
                            handler,
                            environmentOf(fn),
                            context -> missing.addAll(unreachable(context)));
            assertTrue(failed.isEmpty(), fn + ": " + failed);
            assertEquals(List.of(), missing, fn + " reaches beans its definitions lack");
            checked++;
        }
        assertTrue(checked >= 40, "listed functions checked: " + checked);
    }

    /**
     * Each function's lines in Beans.AREAS and Beans.ADAPTERS are exactly what its handler reaches when every definition
     * is there (as in the local runtime): nothing left out (the test above), and nothing loaded that it never uses. On a
     * difference it prints the lines to put in Beans.
     */
    @Test
    void eachFunctionsListedDefinitionsAreExactlyWhatItsHandlerReaches() {
        List<String> wrong = new ArrayList<>();
        for (String fn : functions()) {
            String handler = handlerOf(fn);
            String simple = handler.substring(handler.lastIndexOf('.') + 1);
            Map<String, String> everything = new HashMap<>(environmentOf(fn));
            everything.remove("_HANDLER");
            Set<String> areas = new TreeSet<>();
            Set<String> adapters = new TreeSet<>();
            Optional<Throwable> failed =
                    build(handler, everything, context -> reached(context, areas, adapters));
            assertTrue(failed.isEmpty(), fn + ": " + failed);
            if (!areas.equals(new TreeSet<>(Beans.AREAS.getOrDefault(simple, Set.of())))
                    || !adapters.equals(
                            new TreeSet<>(Beans.ADAPTERS.getOrDefault(simple, Set.of()))))
                wrong.add(
                        "AREAS: "
                                + simple
                                + " "
                                + areas
                                + "; ADAPTERS: \""
                                + simple
                                + ": "
                                + String.join(" ", adapters)
                                + "\"");
        }
        assertEquals(
                List.of(), wrong, "functions whose listed definitions differ from what they reach");
        assertTrue(
                Beans.AREAS.get("KeyRotationHandler").isEmpty(), "the key rotation needs no area");
    }

    /**
     * The factories (other than InvolveFactory) and InvolveFactory's bean methods whose definitions the context's built
     * Involve beans reach ({@link #walk}).
     */
    private static void reached(BeanContext context, Set<String> areas, Set<String> adapters) {
        for (BeanDefinition<?> d : walk(context, missing -> {})) {
            String name = d.getClass().getName();
            Beans.Generated g = name.startsWith("org.involve.") ? Beans.Generated.of(name) : null;
            if (g == null) continue;
            if (!g.factory().equals("InvolveFactory")) areas.add(g.factory());
            else if (g.method() != null) adapters.add(g.method());
        }
    }

    /**
     * Every definition the context's built Involve beans reach, through every argument of their definitions (a lazy
     * provider's too); {@code missing} is told "bean needs type" for each argument with no definition in the context.
     */
    private static Set<BeanDefinition<?>> walk(BeanContext context, Consumer<String> missing) {
        Deque<BeanDefinition<?>> todo = new ArrayDeque<>();
        for (BeanDefinition<?> d : context.getAllBeanDefinitions())
            if (builtByInvolve(context, d)) todo.add(d);
        Set<BeanDefinition<?>> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            BeanDefinition<?> d = todo.poll();
            for (Argument<?> a : d.getConstructor().getArguments()) {
                Class<?> type = needed(a);
                if (!context.containsBean(type)) {
                    missing.accept(d.getBeanType().getSimpleName() + " needs " + type.getName());
                    continue;
                }
                for (BeanDefinition<?> next : context.getBeanDefinitions(type))
                    if (seen.add(next)) todo.add(next);
            }
        }
        return seen;
    }

    /**
     * A bean the handler built (directly, or through another): one of Involve's types, or one an Involve factory makes
     * (a {@code Clock}, a client).
     */
    private static boolean builtByInvolve(BeanContext context, BeanDefinition<?> d) {
        return (d.getBeanType().getName().startsWith("org.involve.")
                        || d.getClass().getName().startsWith("org.involve."))
                && !context.getActiveBeanRegistrations(d.getBeanType()).isEmpty();
    }

    /** The type an argument needs: T for a {@code BeanProvider<T>} or {@code Provider<T>}. */
    private static Class<?> needed(Argument<?> a) {
        Class<?> type = a.getType();
        if ((BeanProvider.class.isAssignableFrom(type)
                        || jakarta.inject.Provider.class.isAssignableFrom(type))
                && a.getTypeParameters().length == 1) return a.getTypeParameters()[0].getType();
        return type;
    }

    /**
     * Each name in Beans.ADAPTERS is one of InvolveFactory's bean methods, and its handler is listed in AREAS (whose
     * check above then builds it from those definitions); and the generated names map to the methods.
     */
    @Test
    void theAdaptersListedForAHandlerAreInvolveFactorysBeanMethods() {
        Set<String> methods = new HashSet<>();
        for (java.lang.reflect.Method m : InvolveFactory.class.getDeclaredMethods())
            if (m.isAnnotationPresent(jakarta.inject.Singleton.class)) methods.add(m.getName());
        assertTrue(methods.contains("roles") && methods.contains("dynamoDb"), methods.toString());
        Beans.ADAPTERS.forEach(
                (handler, adapters) -> {
                    assertTrue(Beans.AREAS.containsKey(handler), handler);
                    Set<String> unknown = new HashSet<>(adapters);
                    unknown.removeAll(methods);
                    assertEquals(Set.of(), unknown, handler);
                });
        assertEquals("roles", Beans.factoryMethod("Roles18"));
        assertEquals("auditTrail", Beans.factoryMethod("AuditTrail13"));
        assertEquals("dynamoDb", Beans.factoryMethod("DynamoDb1"));
        var site = Beans.definitionsOf(Set.of("ApplyingFactory"), Set.of("roles"));
        assertTrue(site.test("org.involve.handlers.$InvolveFactory$Roles18$Definition"));
        assertTrue(site.test("org.involve.handlers.$InvolveFactory$Definition"));
        assertTrue(
                site.test("org.involve.handlers.$ApplyingFactory$ApplicationJourney0$Definition"));
        assertTrue(site.test("io.micronaut.context.$Something$Definition"));
        assertFalse(site.test("org.involve.handlers.$InvolveFactory$Meetings30$Definition"));
        assertFalse(site.test("org.involve.handlers.staff.$StaffFactory$Definition"));
    }

    /**
     * Without the list a function's context holds definitions of adapters it never builds; with it, not. The site's
     * check in aListedFunctionsDefinitionsHoldEveryBeanItsHandlerCanReach shows nothing it reaches is left out.
     */
    @Test
    void thePublicSiteLoadsOnlyTheAdaptersItsHandlerReaches() {
        Map<String, String> site = environmentOf("PublicSiteFunction");
        Optional<Throwable> failed =
                build(
                        handlerOf("PublicSiteFunction"),
                        site,
                        context -> {
                            assertFalse(
                                    context.containsBean(
                                            org.involve.adapters.DynamoMeetings.class));
                            assertTrue(
                                    context.containsBean(org.involve.adapters.DynamoRoles.class));
                        });
        assertTrue(failed.isEmpty(), String.valueOf(failed));
    }

    /** The check above can fail: the data protection page without the payments area lacks the receipts it may read. */
    @Test
    void aFunctionWithoutAnAreaItReachesLazilyIsFound() {
        Set<String> areas = new HashSet<>(Beans.AREAS.get("StaffDataProtectionHandler"));
        assertTrue(areas.remove("PaymentsFactory"));
        BeanContext context =
                new FunctionBeanContext(Beans.definitionsOf(areas))
                        .registerSingleton(
                                InvolveSettings.class,
                                new InvolveSettings(environmentOf("StaffDataProtectionFunction")))
                        .start();
        BeanContext previous = Beans.use(context);
        try {
            new StaffDataProtectionHandler();
            assertEquals(
                    List.of("org.involve.core.payments.Receipts"),
                    unreachable(context).stream()
                            .map(m -> m.substring(m.lastIndexOf(' ') + 1))
                            .distinct()
                            .toList());
        } finally {
            Beans.use(previous);
            context.close();
        }
    }

    /**
     * "bean needs type" for each argument of a bean definition reachable from the context's built Involve beans that
     * has no definition in the context (a {@code BeanProvider<T>} or {@code Provider<T>} argument needs T).
     */
    private static List<String> unreachable(BeanContext context) {
        List<String> missing = new ArrayList<>();
        walk(context, missing::add);
        return missing;
    }

    /** Beans stay lazy: a function builds only the clients its handler uses, and none before a request. */
    @Test
    void theMonitoringFormBuildsNoMailClient() {
        List<Class<?>> built = new ArrayList<>();
        Optional<Throwable> failed =
                build(
                        handlerOf("MonitoringFormFunction"),
                        environmentOf("MonitoringFormFunction"),
                        context -> {
                            for (Class<?> client :
                                    List.of(
                                            org.involve.adapters.SesMailSender.class,
                                            SqsClient.class,
                                            DynamoDbClient.class)) {
                                if (!context.getActiveBeanRegistrations(client).isEmpty())
                                    built.add(client);
                            }
                        });
        assertTrue(failed.isEmpty(), String.valueOf(failed));
        assertEquals(List.of(DynamoDbClient.class), built);
    }

    private static Optional<Throwable> build(String handlerClass, Map<String, String> environment) {
        return build(handlerClass, environment, context -> {});
    }

    /**
     * Builds the handler in a context of its own over exactly {@code environment}, then lets {@code built} look at the
     * context; what the handler threw, if it did.
     */
    private static Optional<Throwable> build(
            String handlerClass, Map<String, String> environment, Consumer<BeanContext> built) {
        BeanContext context = Beans.start(new InvolveSettings(environment));
        BeanContext previous = Beans.use(context);
        try {
            Class.forName(handlerClass).getConstructor().newInstance();
            built.accept(context);
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e);
        } finally {
            Beans.use(previous);
            context.close();
        }
    }

    private static Optional<InvolveSettings.MissingSetting> missing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvolveSettings.MissingSetting m) return Optional.of(m);
        }
        return Optional.empty();
    }

    private static String missingOrMessage(Throwable e) {
        return missing(e).map(m -> "no " + m.name()).orElse(String.valueOf(e));
    }

    // ---------- template.yaml ----------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources() {
        return (Map<String, Object>) TemplateTest.template().get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>)
                ((Map<String, Object>) resources().get(logicalId)).get("Properties");
    }

    private static List<String> functions() {
        return resources().entrySet().stream()
                .filter(
                        e ->
                                "AWS::Serverless::Function"
                                        .equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static String handlerOf(String fn) {
        String handler = (String) properties(fn).get("Handler");
        return handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    }

    /** The Globals' variables overlaid with the function's own, each resolved to a value Lambda could be given. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environmentOf(String fn) {
        Map<String, Object> globals =
                (Map<String, Object>)
                        ((Map<String, Object>) TemplateTest.template().get("Globals"))
                                .get("Function");
        Map<String, String> environment = new TreeMap<>();
        variables(globals).forEach((name, value) -> environment.put(name, resolve(value)));
        variables(properties(fn)).forEach((name, value) -> environment.put(name, resolve(value)));
        // Lambda's own variable naming the handler: it picks the bean definitions the function
        // loads (Beans.AREAS).
        environment.put("_HANDLER", (String) properties(fn).get("Handler"));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> function) {
        Object environment = function == null ? null : function.get("Environment");
        if (environment == null) return Map.of();
        Object variables = ((Map<String, Object>) environment).get("Variables");
        return variables == null ? Map.of() : (Map<String, Object>) variables;
    }

    /**
     * A plain value as it is; a Ref to a parameter its default; any other reference a placeholder of the right shape
     * (a !Sub keeps its text, so URLs stay URLs).
     */
    @SuppressWarnings("unchecked")
    private static String resolve(Object value) {
        if (!(value instanceof Map<?, ?> intrinsic)) return String.valueOf(value);
        if (intrinsic.get("Ref") instanceof String ref) {
            Map<String, Object> parameters =
                    (Map<String, Object>)
                            TemplateTest.template().getOrDefault("Parameters", Map.of());
            Object parameter = parameters.get(ref);
            if (parameter instanceof Map<?, ?> p && p.get("Default") != null)
                return String.valueOf(p.get("Default"));
            return "placeholder-" + ref;
        }
        if (intrinsic.get("Fn::Sub") instanceof String text)
            return text.replaceAll("\\$\\{[^}]*}", "placeholder");
        return "placeholder-" + intrinsic.values().iterator().next();
    }
}
