package org.involve.handlers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Handlers reach the adapters only through the public adapter classes (and AwsClients, Settings): the helpers the
 * adapters share among themselves (attribute values, JSON, transactions) live in adapters.internal, out of reach.
 */
@AnalyzeClasses(
        packages = "org.involve.handlers",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule handlers_use_no_adapter_internals =
            noClasses()
                    .that()
                    .resideInAPackage("org.involve.handlers..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.involve.adapters.internal..")
                    .because(
                            "the adapters' internals may change with the tables; handlers depend on the adapters' public classes");
}
