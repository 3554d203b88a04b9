package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private final SamTemplate template = SamTemplate.loadFromWorkingDirectory();

    @Test
    void readsEveryTableWithItsKeysIndexesAndTimeToLive() {
        TableSpec applications = table("ApplicationsTable");
        assertEquals("S", applications.attributeTypes().get("applicantKey"));
        assertEquals(
                new TableSpec.KeyElement("applicantKey", "RANGE"), applications.keySchema().get(1));
        assertEquals("ByReference", applications.globalSecondaryIndexes().get(0).indexName());
        assertEquals("expiresAtEpoch", table("DraftsTable").timeToLiveAttribute().orElseThrow());
        assertTrue(table("RolesTable").timeToLiveAttribute().isEmpty());
    }

    @Test
    void readsTheMailQueueRedrivePolicy() {
        QueueSpec mail =
                template.queues().stream()
                        .filter(q -> q.logicalId().equals("MailQueue"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(new QueueSpec.Redrive("MailDeadLetterQueue", 5), mail.redrive().orElseThrow());
        assertEquals(420, mail.visibilityTimeoutSeconds().getAsInt());
    }

    @Test
    void readsRoutesQueuesAndSchedulesOfFunctions() {
        FunctionSpec site = template.function("PublicSiteFunction");
        assertEquals("org.involve.handlers.PublicSiteHandler", site.handlerClass());
        assertEquals("handleRequest", site.handlerMethod());
        assertTrue(
                site.httpApiEvents()
                        .contains(
                                new FunctionSpec.HttpApiEvent(
                                        "ShowRole", "GET", "/roles/{roleId}")));

        FunctionSpec mailer = template.function("MailerFunction");
        assertEquals(
                new FunctionSpec.SqsEventSource("MailAnnounced", "MailQueue", 10, true),
                mailer.sqsEvents().get(0));
        assertEquals(60, mailer.timeoutSeconds());

        FunctionSpec sweep = template.function("OutboxSweepFunction");
        assertEquals(
                new FunctionSpec.ScheduleEvent(
                        "EveryFiveMinutes", "rate(5 minutes)", "Europe/London"),
                sweep.scheduleEvents().get(0));
        assertEquals(120, sweep.timeoutSeconds());
    }

    @Test
    void mergesGlobalAndFunctionEnvironmentsAndResolvesThemToLocalNames() {
        LocalNames names =
                new LocalNames(
                        template,
                        id -> "http://localhost:9324/000000000000/" + id,
                        Map.of("SiteUrl", "http://localhost:3000"),
                        secret -> "dev-secret-of-" + secret,
                        "eu-west-2");
        Map<String, String> env = names.environmentOf(template.function("PublicSiteFunction"));
        assertEquals("RolesTable", env.get("ROLES_TABLE"));
        assertEquals("http://localhost:9324/000000000000/MailQueue", env.get("MAIL_QUEUE_URL"));
        assertEquals("http://localhost:3000", env.get("SITE_URL"));
        assertEquals("https://involve.example.org/assets", env.get("ASSETS_URL"));
        assertEquals("20", env.get("QUICKEST_HUMAN_APPLICATION_SECONDS"));
        // Signing keys are read at run time: the environment names each purpose's secret, never its
        // value.
        assertEquals("ApplicantLinksKeySecret", env.get("APPLICANT_LINKS_KEY_SECRET"));
        assertFalse(env.containsKey("TOKEN_SIGNING_KEY"));
        assertEquals("involve", env.get("POWERTOOLS_SERVICE_NAME"));
        assertFalse(env.containsKey("MONITORING_TABLE"));
        assertEquals(
                "MonitoringTable",
                names.environmentOf(template.function("MonitoringFormFunction"))
                        .get("MONITORING_TABLE"));
    }

    private TableSpec table(String id) {
        return template.tables().stream()
                .filter(t -> t.logicalId().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
