package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.convert.TypeConverterRegistrar;
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FunctionBeanContextTest {
    private static final ClassLoader LOADER = FunctionBeanContextTest.class.getClassLoader();

    /** Reading the definitions' names from the class path's own entries finds exactly what Micronaut's scan finds. */
    @Test
    void findsTheSameDefinitionsAsMicronautsOwnScan() throws Exception {
        List<String> found = FunctionBeanContext.definitionNames(LOADER);
        Set<String> scanned =
                MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(
                        LOADER, BeanDefinitionReference.class.getName());
        assertEquals(new TreeSet<>(scanned), new TreeSet<>(found));
        assertEquals(found.size(), new TreeSet<>(found).size(), "each once");
        assertTrue(found.contains("io.micronaut.inject.provider.BeanProviderDefinition"), "jars");
        assertTrue(
                found.stream().anyMatch(n -> n.startsWith("org.involve.handlers.$InvolveFactory$")),
                "this module's classes");
    }

    /** The conversion service's registrars without a scan: the same ones Java's own service loader finds. */
    @Test
    void findsTheSameConverterRegistrarsAsJavasServiceLoader() {
        List<String> found =
                FunctionBeanContext.registrars(null)
                        .map(SoftServiceLoader.StaticDefinition::getName)
                        .sorted()
                        .toList();
        List<String> loaded =
                java.util.ServiceLoader.load(TypeConverterRegistrar.class, LOADER).stream()
                        .map(p -> p.type().getName())
                        .sorted()
                        .toList();
        assertFalse(found.isEmpty());
        assertEquals(loaded, found);
        assertTrue(
                FunctionBeanContext.registrars(null).findFirst().orElseThrow().load()
                        instanceof TypeConverterRegistrar);
    }

    @Test
    void aListedHandlerTakesMicronautsAndItsAreasDefinitionsOnly() {
        Predicate<String> site =
                Beans.definitionsFor(
                        Optional.of("org.involve.handlers.PublicSiteHandler::handleRequest"));
        assertTrue(site.test("io.micronaut.inject.provider.BeanProviderDefinition"));
        assertTrue(site.test("org.involve.handlers.$InvolveFactory$Roles12$Definition"));
        assertTrue(site.test("org.involve.handlers.$ApplyingFactory$SaveAndReturn1$Definition"));
        assertFalse(site.test("org.involve.handlers.staff.$StaffOutcomesFactory$Definition"));
        assertFalse(site.test("org.involve.handlers.$PaymentsFactory$Receipts3$Definition"));
    }

    @Test
    void anUnlistedHandlerOrNoneTakesEveryDefinition() {
        for (Optional<String> handler :
                List.of(
                        Optional.<String>empty(),
                        Optional.of("org.involve.handlers.AHandlerAddedLaterHandler"))) {
            Predicate<String> all = Beans.definitionsFor(handler);
            assertTrue(all.test("org.involve.handlers.staff.$StaffOutcomesFactory$Definition"));
            assertTrue(all.test("org.involve.handlers.$PaymentsFactory$Receipts3$Definition"));
        }
    }
}
