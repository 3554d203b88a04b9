package org.involve.handlers;

import io.micronaut.context.BeanContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One Micronaut bean context per JVM, started in Lambda's init phase (a static field) so its work is
 * done before the first request and captured by SnapStart. Bean definitions are generated at compile
 * time; the context finds them without scanning the classpath ({@link FunctionBeanContext}). Its one given bean is
 * the function's {@link InvolveSettings}, read from the environment as the context starts; every other bean is lazy.
 *
 * <p>Micronaut loads every bean definition it is given when its context starts (about 140 classes). In Lambda, where
 * one JVM runs one function, the function's handler (Lambda's {@code _HANDLER} variable) picks the factories whose
 * definitions are loaded: {@link InvolveFactory}'s adapters and the areas named for it in {@link #AREAS}. A handler not
 * named there, and the local runtime (which runs every function in one JVM and has no {@code _HANDLER}), get them all.
 */
public final class Beans {

    private Beans() {}

    public static <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    /** A context whose beans read {@code settings} and nothing else. */
    static BeanContext start(InvolveSettings settings) {
        FunctionBeanContext.withoutScanning();
        BeanContext beans = new FunctionBeanContext(definitionsFor(settings.optional("_HANDLER")));
        beans.registerSingleton(InvolveSettings.class, settings);
        return beans.start();
    }

    /**
     * The area factories each handler's beans come from, besides {@link InvolveFactory}: every function in template.yaml
     * is listed. FunctionEnvironmentTest builds each function from its filtered definitions, checks that every bean its
     * handler's beans can reach (through a lazy provider too) has a definition among them, and that nothing is listed
     * that the handler never reaches; when it fails it prints the line to put here.
     */
    static final Map<String, Set<String>> AREAS =
            Map.ofEntries(
                    Map.entry("AcknowledgementPromiseHandler", Set.of("ApplyingFactory")),
                    Map.entry(
                            "AttendanceCheckHandler", Set.of("MeetingsFactory", "PartnersFactory")),
                    Map.entry("ClosingJobHandler", Set.of("ShortlistingFactory")),
                    Map.entry(
                            "InterviewBookingHandler",
                            Set.of("InterviewsFactory", "WithdrawalFactory")),
                    Map.entry(
                            "InterviewReminderHandler",
                            Set.of("InterviewsFactory", "WithdrawalFactory")),
                    Map.entry("KeyRotationHandler", Set.of()),
                    Map.entry("MailFeedbackHandler", Set.of("ApplyingFactory")),
                    Map.entry("MailerHandler", Set.of("ApplyingFactory")),
                    Map.entry("MeetingPapersHandler", Set.of("MeetingsFactory", "PartnersFactory")),
                    Map.entry("MonitoringFormHandler", Set.of("ApplyingFactory")),
                    Map.entry("OutboxSweepHandler", Set.of("ApplyingFactory")),
                    Map.entry("OutcomeReminderHandler", Set.of("StaffOutcomesFactory")),
                    Map.entry("PaymentCalculatorHandler", Set.of("PaymentsFactory")),
                    Map.entry("PaymentsSweepHandler", Set.of("PaymentsFactory")),
                    Map.entry(
                            "PayrollExportHandler",
                            Set.of("PartnersFactory", "PaymentsFactory", "PayrollFactory")),
                    Map.entry("PublicSiteHandler", Set.of("ApplyingFactory", "WithdrawalFactory")),
                    Map.entry("RefereeFormHandler", Set.of("ReferencesFactory")),
                    Map.entry("ReferenceReminderHandler", Set.of("ReferencesFactory")),
                    Map.entry(
                            "RetentionJobHandler",
                            Set.of("PaymentsFactory", "RetentionFactory", "ShortlistingFactory")),
                    Map.entry("ShortlistingPanelHandler", Set.of("ShortlistingFactory")),
                    Map.entry("SitePublisherHandler", Set.of("PublishingFactory")),
                    Map.entry(
                            "StaffApplicationsHandler",
                            Set.of("StaffApplicationsFactory", "WithdrawalFactory")),
                    Map.entry("StaffAuditHandler", Set.of("StaffAuditFactory")),
                    Map.entry("StaffClaimsHandler", Set.of("PartnersFactory", "PaymentsFactory")),
                    Map.entry(
                            "StaffDataProtectionHandler",
                            Set.of("DataProtectionFactory", "PaymentsFactory")),
                    Map.entry("StaffEmailHandler", Set.of("ApplyingFactory")),
                    Map.entry("StaffEqualityHandler", Set.of("StaffEqualityFactory")),
                    Map.entry(
                            "StaffFinanceHandler",
                            Set.of("PartnersFactory", "PaymentsFactory", "PayrollFactory")),
                    Map.entry(
                            "StaffImpactHandler",
                            Set.of("ImpactFactory", "MeetingsFactory", "PartnersFactory")),
                    Map.entry(
                            "StaffInterviewsHandler",
                            Set.of("InterviewsFactory", "WithdrawalFactory")),
                    Map.entry(
                            "StaffMeetingsHandler",
                            Set.of("MeetingsFactory", "PartnersFactory", "PaymentsFactory")),
                    Map.entry("StaffMonitoringEntryHandler", Set.of("ApplyingFactory")),
                    Map.entry("StaffOutcomesHandler", Set.of("StaffOutcomesFactory")),
                    Map.entry("StaffPanelHandler", Set.of("ShortlistingFactory")),
                    Map.entry(
                            "StaffPartnersHandler",
                            Set.of(
                                    "MeetingsFactory",
                                    "PartnersFactory",
                                    "StaffOutcomesFactory",
                                    "TenureFactory")),
                    Map.entry("StaffReferencesHandler", Set.of("ReferencesFactory")),
                    Map.entry("StaffRolesHandler", Set.of("StaffRolesFactory")),
                    Map.entry("StaffSessionAuthorizer", Set.of("StaffFactory")),
                    Map.entry("StaffShortlistHandler", Set.of("ShortlistingFactory")),
                    Map.entry("StaffSignInHandler", Set.of("StaffFactory")),
                    Map.entry("TenureReviewHandler", Set.of("PartnersFactory", "TenureFactory")),
                    Map.entry("WithdrawalHandler", Set.of("WithdrawalFactory")),
                    Map.entry(
                            "YourInvolvementHandler",
                            Set.of(
                                    "MeetingsFactory",
                                    "PartnersFactory",
                                    "PaymentsFactory",
                                    "TenureFactory")));

    /**
     * For each handler in {@link #AREAS}: the beans of {@link InvolveFactory} (by its method names) its beans can reach.
     * Only those of InvolveFactory's definitions are loaded, not the other adapters' and the types they name (on the
     * public site about 70 classes, on the staff sign-in about 100). FunctionEnvironmentTest checks each line is exactly
     * what its handler reaches, no more and no less.
     */
    static final Map<String, Set<String>> ADAPTERS =
            adapters(
                    "AcknowledgementPromiseHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signingKeys sqs",
                    "AttendanceCheckHandler: applications auditTrail clock drafts dynamoDb mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "ClosingJobHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager shortlistStore signingKeys sqs",
                    "InterviewBookingHandler: applications auditTrail clock drafts dynamoDb interviewSchedule mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs usedLinks",
                    "InterviewReminderHandler: applications auditTrail clock drafts dynamoDb interviewSchedule mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs usedLinks",
                    "KeyRotationHandler:",
                    "MailFeedbackHandler: auditTrail clock dynamoDb undeliverableAddresses",
                    "MailerHandler: auditTrail clock deadLetters dynamoDb mailQueue mailSender outbox sqs undeliverableAddresses",
                    "MeetingPapersHandler: applications auditTrail clock drafts dynamoDb mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "MonitoringFormHandler: auditTrail clock codeAttempts dynamoDb journeyAttempts mailQueue monitoringCode monitoringCodes monitoringKey monitoringStore monitoringToken outbox roles secretsManager signingKeys sqs",
                    "OutboxSweepHandler: auditTrail clock deadLetters dynamoDb mailQueue mailSender outbox sqs undeliverableAddresses",
                    "OutcomeReminderHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signingKeys sqs",
                    "PaymentCalculatorHandler: clock dynamoDb",
                    "PaymentsSweepHandler: auditTrail clock dynamoDb mailQueue outbox sqs",
                    "PayrollExportHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "PublicSiteHandler: applications auditTrail clock codeAttempts drafts dynamoDb journeyAttempts mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs",
                    "RefereeFormHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox referenceBook roles secretsManager signedLink signingKeys sqs usedLinks",
                    "ReferenceReminderHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox referenceBook roles secretsManager signedLink signingKeys sqs usedLinks",
                    "RetentionJobHandler: auditTrail clock dynamoDb secretsManager signingKeys",
                    "ShortlistingPanelHandler: auditTrail clock dynamoDb mailQueue outbox roles shortlistStore sqs",
                    "SitePublisherHandler: auditTrail clock dynamoDb mailQueue outbox roles sqs",
                    "StaffApplicationsHandler: applications auditTrail clock drafts dynamoDb interviewSchedule mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs undeliverableAddresses usedLinks",
                    "StaffAuditHandler: auditTrail dynamoDb",
                    "StaffClaimsHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "StaffDataProtectionHandler: auditTrail clock dynamoDb mailQueue monitoringAnswers monitoringKey monitoringToken outbox personalData secretsManager signingKeys sqs",
                    "StaffEmailHandler: auditTrail clock dynamoDb mailQueue outbox sqs",
                    "StaffEqualityHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringAnswers monitoringCode monitoringCodes monitoringKey monitoringToken outbox roles secretsManager signingKeys sqs",
                    "StaffFinanceHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "StaffImpactHandler: applications auditTrail clock drafts dynamoDb impacts mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "StaffInterviewsHandler: applications auditTrail clock drafts dynamoDb interviewSchedule mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs usedLinks",
                    "StaffMeetingsHandler: applications auditTrail clock drafts dynamoDb mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs",
                    "StaffMonitoringEntryHandler: auditTrail clock codeAttempts dynamoDb journeyAttempts mailQueue monitoringCode monitoringCodes monitoringKey monitoringToken outbox roles secretsManager signingKeys sqs",
                    "StaffOutcomesHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signingKeys sqs",
                    "StaffPanelHandler: auditTrail clock dynamoDb mailQueue outbox panelGroup roles sqs",
                    "StaffPartnersHandler: applications auditTrail checkIns clock drafts dynamoDb mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs tenureReviews",
                    "StaffReferencesHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox referenceBook roles secretsManager signedLink signingKeys sqs usedLinks",
                    "StaffRolesHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signingKeys sqs",
                    "StaffSessionAuthorizer: clock dynamoDb",
                    "StaffShortlistHandler: applications auditTrail clock drafts dynamoDb mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager shortlistStore signingKeys sqs",
                    "StaffSignInHandler: clock dynamoDb panelGroup",
                    "TenureReviewHandler: applications auditTrail checkIns clock drafts dynamoDb impacts mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs tenureReviews",
                    "WithdrawalHandler: applications auditTrail clock drafts dynamoDb interviewSchedule mailQueue monitoringCode monitoringCodes monitoringToken outbox roles secretsManager signedLink signingKeys sqs usedLinks",
                    "YourInvolvementHandler: applications auditTrail checkIns clock drafts dynamoDb mailQueue meetings monitoringCode monitoringCodes monitoringToken outbox partnerRecords roles secretsManager signedLink signingKeys sqs tenureReviews");

    /** "Handler: method method ..." to the handler's set of InvolveFactory methods. */
    private static Map<String, Set<String>> adapters(String... lines) {
        Map<String, Set<String>> adapters = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String methods = line.substring(colon + 1).strip();
            adapters.put(
                    line.substring(0, colon),
                    methods.isEmpty() ? Set.of() : Set.of(methods.split(" +")));
        }
        return Map.copyOf(adapters);
    }

    // After AREAS and ADAPTERS, which starting it reads.
    private static volatile BeanContext context = start(InvolveSettings.fromEnvironment());

    /**
     * Which bean definitions (by class name) a function loads: Micronaut's own, and for a listed handler only those
     * generated for {@link InvolveFactory} and its areas' factories (named {@code $FactoryName$...}).
     */
    static Predicate<String> definitionsFor(Optional<String> handler) {
        Optional<String> simple =
                handler.map(h -> h.contains("::") ? h.substring(0, h.indexOf("::")) : h)
                        .map(h -> h.substring(h.lastIndexOf('.') + 1));
        Set<String> areas = simple.map(AREAS::get).orElse(null);
        return areas == null
                ? name -> true
                : definitionsOf(areas, simple.map(ADAPTERS::get).orElse(null));
    }

    /** Micronaut's own definitions, and Involve's generated for {@link InvolveFactory} and {@code areas}' factories. */
    static Predicate<String> definitionsOf(Set<String> areas) {
        return definitionsOf(areas, null);
    }

    /**
     * As {@link #definitionsOf(Set)}, but of InvolveFactory's bean definitions (named {@code
     * $InvolveFactory$MethodN$Definition}) only those of the methods in {@code adapters}, unless it is null.
     */
    static Predicate<String> definitionsOf(Set<String> areas, Set<String> adapters) {
        return name -> {
            if (!name.startsWith("org.involve.")) return true;
            Generated g = Generated.of(name);
            String factory = g == null ? "" : g.factory();
            if (areas.contains(factory)) return true;
            if (!factory.equals("InvolveFactory")) return false;
            if (adapters == null) return true;
            return g.method() == null || adapters.contains(g.method());
        };
    }

    /**
     * What a definition Micronaut generated for a factory is of, from its class name ({@code
     * pkg.$Factory$MethodN$Definition}): the factory, and its bean method ({@link #factoryMethod}), null for the
     * factory's own definition ({@code pkg.$Factory$Definition}).
     */
    record Generated(String factory, String method) {
        /** Null for a class name of another shape. */
        static Generated of(String className) {
            int start = className.indexOf('$') + 1;
            int end = className.indexOf('$', start);
            if (start <= 0 || end <= start) return null;
            int next = className.indexOf('$', end + 1);
            String bean =
                    next > end ? className.substring(end + 1, next) : className.substring(end + 1);
            return new Generated(
                    className.substring(start, end),
                    bean.equals("Definition") ? null : factoryMethod(bean));
        }
    }

    /** {@code Roles18} (Micronaut's name for the 19th bean method of a factory) is the method {@code roles}. */
    static String factoryMethod(String generated) {
        String method = generated.replaceAll("[0-9]+$", "");
        return method.isEmpty()
                ? method
                : Character.toLowerCase(method.charAt(0)) + method.substring(1);
    }

    /**
     * For tests that build handlers as Lambda does (their no-argument constructors): from now on beans come from
     * {@code next}. Returns the context it replaced, for the test to put back.
     */
    static synchronized BeanContext use(BeanContext next) {
        BeanContext previous = context;
        context = next;
        return previous;
    }
}
