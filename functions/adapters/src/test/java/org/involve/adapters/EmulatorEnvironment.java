package org.involve.adapters;

import java.util.List;
import java.util.Map;
import org.involve.adapters.internal.SignedHttp;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.LocalAws;
import org.involve.emulators.SamTemplate;
import org.involve.emulators.SesEmulator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The default: DynamoDB Local and ElasticMQ in this JVM, aws-ses-v2-local as a node child process, all on free ports. */
final class EmulatorEnvironment implements AwsEnvironment {
    private final EmbeddedDynamoDb dynamoDb;
    private final EmbeddedSqs sqsServer;
    private final SesEmulator sesServer;
    private final RecordedCalls calls = new RecordedCalls();
    private final InjectedFaults faults = new InjectedFaults();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SignedHttp ses;

    private EmulatorEnvironment(
            EmbeddedDynamoDb dynamoDb, EmbeddedSqs sqsServer, SesEmulator sesServer) {
        this.dynamoDb = dynamoDb;
        this.sqsServer = sqsServer;
        this.sesServer = sesServer;
        TestClients clients = new TestClients(LocalAws.REGION, LocalAws.credentials());
        this.dynamo = clients.dynamo(dynamoDb.endpoint(), calls, faults);
        this.sqs = clients.sqs(sqsServer.endpoint());
        this.ses = clients.ses(sesServer.endpoint());
    }

    static EmulatorEnvironment start() {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        return new EmulatorEnvironment(
                EmbeddedDynamoDb.startInMemory(0).createTables(template),
                EmbeddedSqs.start(0).createQueues(template),
                SesEmulator.start(template.repositoryRoot(), 0));
    }

    @Override
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    @Override
    public RecordedCalls dynamoCalls() {
        return calls;
    }

    @Override
    public InjectedFaults dynamoFaults() {
        return faults;
    }

    @Override
    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public SignedHttp ses() {
        return ses;
    }

    @Override
    public String queueUrl(String logicalId) {
        return sqsServer.queueUrl(logicalId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SentEmail> sentEmails() {
        return sesServer.emails().stream()
                .map(
                        e -> {
                            Map<String, Object> destination =
                                    (Map<String, Object>) e.get("destination");
                            Map<String, Object> body = (Map<String, Object>) e.get("body");
                            return new SentEmail(
                                    (String) e.get("from"),
                                    (List<String>) destination.get("to"),
                                    (String) e.get("subject"),
                                    (String) body.get("html"),
                                    (String) body.get("text"));
                        })
                .toList();
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        sesServer.close();
        sqsServer.close();
        dynamoDb.close();
    }
}
