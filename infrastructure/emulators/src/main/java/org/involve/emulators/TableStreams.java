package org.involve.emulators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The template's DynamoDB stream event sources: which function runs when which table's items change (for example the
 * SitePublisherFunction on the RolesTable's stream).
 */
public final class TableStreams {
    private TableStreams() {}

    /** A function woken by a table's stream. */
    public record Trigger(String functionLogicalId, String eventName, String tableLogicalId) {}

    /** A streams client for DynamoDB Local at {@code endpoint} (the same region and dummy credentials). */
    public static DynamoDbStreamsClient client(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .httpClientBuilder(LocalAws.http())
                .build();
    }

    public static List<Trigger> load(Path templateFile) {
        try (Reader reader = Files.newBufferedReader(templateFile)) {
            return of(YamlMaps.map(CloudFormationYaml.parser().load(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Trigger> of(Map<String, Object> template) {
        List<Trigger> triggers = new ArrayList<>();
        YamlMaps.map(template.get("Resources"))
                .forEach(
                        (id, body) -> {
                            Map<String, Object> resource = YamlMaps.map(body);
                            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
                            Map<String, Object> events =
                                    YamlMaps.map(
                                            YamlMaps.map(resource.get("Properties")).get("Events"));
                            events.forEach(
                                    (name, e) -> {
                                        Map<String, Object> event = YamlMaps.map(e);
                                        if (!"DynamoDB".equals(event.get("Type"))) return;
                                        triggers.add(
                                                new Trigger(
                                                        id,
                                                        name,
                                                        YamlMaps.referencedLogicalId(
                                                                YamlMaps.map(
                                                                                event.get(
                                                                                        "Properties"))
                                                                        .get("Stream"))));
                                    });
                        });
        return triggers;
    }
}
