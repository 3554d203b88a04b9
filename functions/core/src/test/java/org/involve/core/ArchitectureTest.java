package org.involve.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.List;

/**
 * Core's shape, checked on its compiled classes: it is the domain alone (no AWS, framework, JSON or logging
 * library), and its packages form layers, so a newcomer can read any package knowing only those below it.
 */
@AnalyzeClasses(packages = "org.involve.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Bottom to top: a package may use only the packages before it in this list (paths: the site's addresses, used by e-mails and pages alike). */
    static final List<String> LAYERS =
            List.of(
                    "kit",
                    "paths",
                    "staff",
                    "audit",
                    "outbox",
                    "links",
                    "role",
                    "draft",
                    "monitoring",
                    "application",
                    "shortlisting",
                    "interviews",
                    "references",
                    "partners",
                    "outcomes",
                    "withdrawal",
                    "meetings",
                    "impact",
                    "tenure",
                    "retention",
                    "dataprotection",
                    "equality",
                    "payments",
                    "payroll",
                    "publishing");

    @ArchTest
    static final ArchRule core_uses_only_java_and_itself =
            classes()
                    .that()
                    .resideInAPackage("org.involve.core..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "javax.crypto..", "org.involve.core..")
                    .because(
                            "core is the domain alone (the JDK's javax.crypto signs links): AWS, Micronaut, Jackson and "
                                    + "logging belong to adapters and handlers");

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("org.involve.core.(*)..").should().beFreeOfCycles();

    @ArchTest static final ArchRule packages_are_layered = layered();

    /** A new package must take its place in {@link #LAYERS}, or the layering would not look at it. */
    @ArchTest
    static final ArchRule every_package_is_a_layer =
            classes()
                    .should()
                    .resideInAnyPackage(
                            LAYERS.stream()
                                    .map(layer -> "org.involve.core." + layer + "..")
                                    .toArray(String[]::new));

    static ArchRule layered() {
        Architectures.LayeredArchitecture rule =
                Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS)
            rule = rule.layer(layer).definedBy("org.involve.core." + layer + "..");
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size());
            rule =
                    above.isEmpty()
                            ? rule.whereLayer(LAYERS.get(i)).mayNotBeAccessedByAnyLayer()
                            : rule.whereLayer(LAYERS.get(i))
                                    .mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return rule;
    }
}
