package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

class EmbeddedS3Test {
    private static final String TEMPLATE =
            """
            Resources:
              ReceiptsBucket:
                Type: AWS::S3::Bucket
                Properties: {}
              Elsewhere:
                Type: AWS::SQS::Queue
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createsTheTemplatesBucketsAndKeepsObjectsInTheFolderAcrossARestart(@TempDir Path dir)
            throws Exception {
        Path templateFile = dir.resolve("template.yaml");
        Files.writeString(templateFile, TEMPLATE);
        SamTemplate template = SamTemplate.load(templateFile);
        assertEquals(java.util.List.of("ReceiptsBucket"), template.buckets());
        LocalNames names =
                new LocalNames(template, q -> "queue", java.util.Map.of(), k -> "", "eu-west-2");
        assertEquals("receiptsbucket", names.resolve(java.util.Map.of("Ref", "ReceiptsBucket")));

        Path folder = dir.resolve("s3");
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, folder).createBuckets(template)) {
            s3.client()
                    .putObject(
                            b -> b.bucket("receiptsbucket").key("claims/c1/r1"),
                            RequestBody.fromString("%PDF-1.7 receipt"));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, folder).createBuckets(template)) {
            String kept =
                    s3.client()
                            .getObjectAsBytes(b -> b.bucket("receiptsbucket").key("claims/c1/r1"))
                            .asUtf8String();
            assertEquals("%PDF-1.7 receipt", kept);
        }
    }

    @Test
    void servesPreSignedGetsAndPutsAsBrowsersUseThem(@TempDir Path dir) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, null);
                var presigner = s3.presigner()) {
            s3.createBucket("ExportsBucket");
            URI put =
                    presigner
                            .presignPutObject(
                                    p ->
                                            p.signatureDuration(Duration.ofMinutes(5))
                                                    .putObjectRequest(
                                                            o ->
                                                                    o.bucket("exportsbucket")
                                                                            .key(
                                                                                    "payroll/2026-11.csv")))
                            .url()
                            .toURI();
            var stored =
                    http.send(
                            HttpRequest.newBuilder(put)
                                    .PUT(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertEquals(200, stored.statusCode());

            URI get =
                    presigner
                            .presignGetObject(
                                    p ->
                                            p.signatureDuration(Duration.ofMinutes(5))
                                                    .getObjectRequest(
                                                            o ->
                                                                    o.bucket("exportsbucket")
                                                                            .key(
                                                                                    "payroll/2026-11.csv")))
                            .url()
                            .toURI();
            var read =
                    http.send(
                            HttpRequest.newBuilder(get).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, read.statusCode());
            assertEquals("a,b\n1,2\n", read.body());

            s3.emptyBucket("ExportsBucket");
            assertTrue(
                    s3.client().listObjectsV2(b -> b.bucket("exportsbucket")).contents().isEmpty());
        }
    }

    @Test
    void acceptsABrowserFormUpload() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(0, null)) {
            s3.createBucket("ReceiptsBucket");
            String boundary = "----involve";
            String body =
                    "--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nclaims/c2/r1\r\n--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.png\"\r\n"
                            + "Content-Type: image/png\r\n\r\n\u0089PNG body\r\n--"
                            + boundary
                            + "--\r\n";
            var posted =
                    http.send(
                            HttpRequest.newBuilder(URI.create(s3.endpoint() + "/receiptsbucket"))
                                    .header(
                                            "Content-Type",
                                            "multipart/form-data; boundary=" + boundary)
                                    .POST(
                                            HttpRequest.BodyPublishers.ofByteArray(
                                                    body.getBytes(StandardCharsets.ISO_8859_1)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(
                    posted.statusCode() < 300,
                    "form upload: " + posted.statusCode() + " " + posted.body());
            assertEquals(
                    "\u0089PNG body",
                    new String(
                            s3.client()
                                    .getObjectAsBytes(
                                            b -> b.bucket("receiptsbucket").key("claims/c2/r1"))
                                    .asByteArray(),
                            StandardCharsets.ISO_8859_1));
        }
    }
}
