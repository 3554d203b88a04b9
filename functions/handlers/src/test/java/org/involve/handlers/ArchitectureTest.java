package org.involve.handlers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import org.involve.handlers.local.LocalClock;

/**
 * Handlers reach the adapters only through the public adapter classes (and AwsClients, Settings): the helpers the
 * adapters share among themselves (attribute values, JSON, transactions) live in adapters.internal, out of reach.
 */
@AnalyzeClasses(
        packages = {"org.involve.handlers", "org.involve.adapters", "org.involve.core"},
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

    /** In AWS nothing may move the functions' clock: only the local runtime (another module) sets a rehearsal clock. */
    @ArchTest
    static final ArchRule only_the_local_runtime_moves_the_clock =
            noClasses()
                    .that()
                    .resideInAPackage("org.involve..")
                    .should()
                    .callMethod(LocalClock.class, "use", Clock.class)
                    .because(
                            "a rehearsal clock is for the local runtime only, never a deployed function");
}
