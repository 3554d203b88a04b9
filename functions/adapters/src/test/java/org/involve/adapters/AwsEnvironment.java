package org.involve.adapters;

import java.util.List;
import org.involve.adapters.internal.SignedHttp;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the adapter tests run against: the template's tables and queues, an SES that keeps what it is sent,
 * and clients for them. {@link AwsEnvironmentExtension} picks the in-process emulators, or LocalStack
 * when the {@code localstack} Maven profile sets {@value #SELECTOR}.
 */
interface AwsEnvironment extends AutoCloseable {
    String SELECTOR = "involve.test.aws";

    /** The sender every test uses; environments that check senders verify it. */
    String MAIL_FROM = "involve@involve.example.org";

    /** Records every call it makes in {@link #dynamoCalls()}. */
    DynamoDbClient dynamo();

    RecordedCalls dynamoCalls();

    /** Faults the DynamoDB client injects when asked, as real DynamoDB would answer (see {@link InjectedFaults}). */
    InjectedFaults dynamoFaults();

    SqsClient sqs();

    /** SES v2's REST calls, as the mailer makes them, to this environment's SES. */
    SignedHttp ses();

    /** The physical name of a template table, by logical id ("OutboxTable"): every test environment creates them under that name. */
    default String table(String logicalId) {
        return logicalId;
    }

    /** The URL of a template queue, by logical id ("MailQueue"). */
    String queueUrl(String logicalId);

    /** Every e-mail SES has accepted so far. */
    List<SentEmail> sentEmails();

    @Override
    void close();
}
