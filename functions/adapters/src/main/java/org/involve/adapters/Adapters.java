package org.involve.adapters;

import org.involve.core.ports.ApplicationStore;
import org.involve.core.ports.DraftStore;
import org.involve.core.ports.MailQueue;
import org.involve.core.ports.MailSender;
import org.involve.core.ports.MonitoringStore;
import org.involve.core.ports.Outbox;
import org.involve.core.ports.RoleCatalogue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each port's adapter built from the function's settings (template.yaml's environment), for handlers'
 * no-argument constructors. A function builds only the clients it uses, once, when first asked.
 */
public final class Adapters {
    private Adapters() {}

    private static final class Dynamo { static final DynamoDbClient CLIENT = AwsClients.dynamoDb(); }
    private static final class Sqs { static final SqsClient CLIENT = AwsClients.sqs(); }
    private static final class Ses { static final SesV2Client CLIENT = AwsClients.ses(); }

    public static RoleCatalogue roleCatalogue() {
        return new DynamoRoleCatalogue(Dynamo.CLIENT, Settings.required("ROLES_TABLE"));
    }

    public static DraftStore draftStore() {
        return drafts();
    }

    public static ApplicationStore applicationStore() {
        return new DynamoApplicationStore(Dynamo.CLIENT, Settings.required("APPLICATIONS_TABLE"), outboxTable(), drafts());
    }

    public static Outbox outbox() {
        return outboxTable();
    }

    public static MonitoringStore monitoringStore() {
        return new DynamoMonitoringStore(Dynamo.CLIENT, Settings.required("MONITORING_TABLE"));
    }

    public static MailSender mailSender() {
        return new SesMailSender(Ses.CLIENT, Settings.required("MAIL_FROM"));
    }

    public static MailQueue mailQueue() {
        return new SqsMailQueue(Sqs.CLIENT, Settings.required("MAIL_QUEUE_URL"));
    }

    private static DynamoDraftStore drafts() {
        return new DynamoDraftStore(Dynamo.CLIENT, Settings.required("DRAFTS_TABLE"));
    }

    private static DynamoOutbox outboxTable() {
        return new DynamoOutbox(Dynamo.CLIENT, Settings.required("OUTBOX_TABLE"));
    }
}
