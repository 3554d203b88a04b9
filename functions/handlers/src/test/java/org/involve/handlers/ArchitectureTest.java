package org.involve.handlers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

    /** Every log line carries the request's context only if every entry point starts it (see LogContext). */
    @ArchTest
    static final ArchRule every_entry_point_starts_its_log_context =
            methods()
                    .that()
                    .haveName("handleRequest")
                    .and()
                    .areDeclaredInClassesThat()
                    .resideInAPackage("org.involve.handlers..")
                    .and()
                    .arePublic()
                    .and()
                    .doNotHaveModifier(JavaModifier.BRIDGE)
                    .should(
                            new ArchCondition<JavaMethod>("call LogContext.begin") {
                                @Override
                                public void check(JavaMethod method, ConditionEvents events) {
                                    boolean begins =
                                            method.getMethodCallsFromSelf().stream()
                                                    .anyMatch(
                                                            c ->
                                                                    c.getTargetOwner()
                                                                                    .isEquivalentTo(
                                                                                            LogContext
                                                                                                    .class)
                                                                            && c.getName()
                                                                                    .equals(
                                                                                            "begin"));
                                    events.add(
                                            new SimpleConditionEvent(
                                                    method,
                                                    begins,
                                                    method.getFullName()
                                                            + (begins
                                                                    ? " starts"
                                                                    : " does not start")
                                                            + " its log context"));
                                }
                            })
                    .because(
                            "each log line must say which function, request and correlation id it belongs to");
}
