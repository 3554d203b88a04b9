package org.involve.handlers;

import java.net.URI;
import org.involve.adapters.Settings;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Until main's AwsClients.s3() arrives: the S3 client, path-style against S3_ENDPOINT (the emulator) when set. */
final class ReceiptsClient {
    private ReceiptsClient() {}

    static S3Client s3() {
        var b =
                S3Client.builder()
                        .region(
                                Region.of(
                                        Settings.optional(
                                                "AWS_REGION",
                                                Settings.optional("aws.region", "eu-west-2"))))
                        .httpClientBuilder(UrlConnectionHttpClient.builder());
        Settings.optional("S3_ENDPOINT")
                .ifPresent(e -> b.endpointOverride(URI.create(e)).forcePathStyle(true));
        return b.build();
    }
}
