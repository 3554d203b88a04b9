package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.involve.core.payments.ReceiptType;
import org.involve.core.payments.Receipts;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.LocalS3;
import org.junit.jupiter.api.Test;

/**
 * The receipts bucket on the S3 emulator: a browser's form upload with the pre-signed POST we make, then our check of
 * what arrived by its first bytes and size. The emulator stores whatever is posted (it checks neither the signature
 * nor the policy; S3 does), so the policy is checked here as text and the signing against AWS's published example.
 */
@LocalS3
class S3ReceiptsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final byte[] PDF = "%PDF-1.7\n%receipt\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final byte[] NOT_A_RECEIPT = "MZ pretend.pdf".getBytes(StandardCharsets.US_ASCII);
    private final HttpClient http = HttpClient.newHttpClient();
    private final S3Receipts receipts;
    private final EmbeddedS3 s3;

    S3ReceiptsTest(EmbeddedS3 s3) {
        this.s3 = s3;
        this.receipts =
                new S3Receipts(
                        AwsClients.s3(),
                        EmbeddedS3.bucketName("ReceiptsBucket"),
                        "http://localhost:3000/",
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** What a browser sends for the form: its hidden fields in order, then the file. */
    private HttpResponse<String> post(Receipts.UploadForm form, String filename, byte[] file)
            throws Exception {
        String boundary = "----involve-receipt";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : form.fields().entrySet())
            body.write(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + f.getKey()
                                    + "\"\r\n\r\n"
                                    + f.getValue()
                                    + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        body.write(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + Receipts.FILE_FIELD
                                + "\"; filename=\""
                                + filename
                                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(form.action()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormUploadIsStoredUnderOurKeyAndOnlyItsFirstBytesAreRead() throws Exception {
        var form =
                receipts.uploadForm("claim-a/r1", "/your-involvement/t/claim-receipt-added?cost=0");
        assertEquals(s3.endpoint() + "/receiptsbucket", form.action());
        var posted = post(form, "ticket.pdf", PDF);
        assertTrue(posted.statusCode() < 300, posted.statusCode() + " " + posted.body());
        var stored = receipts.look("claim-a/r1").orElseThrow();
        assertEquals(PDF.length, stored.size());
        assertArrayEquals(Arrays.copyOf(PDF, ReceiptType.FIRST_BYTES), stored.first());
        assertTrue(receipts.look("claim-a/none").isEmpty());
    }

    @Test
    void theFormLimitsTheKeyTheSizeAndTheTimeAndSendsTheBrowserBack() {
        var form =
                receipts.uploadForm("claim-b/r1", "/your-involvement/t/claim-receipt-added?cost=0");
        assertEquals(
                List.of(
                        "key",
                        "success_action_redirect",
                        "x-amz-algorithm",
                        "x-amz-credential",
                        "x-amz-date",
                        "policy",
                        "x-amz-signature"),
                List.copyOf(form.fields().keySet()));
        assertEquals(
                "http://localhost:3000/your-involvement/t/claim-receipt-added?cost=0",
                form.fields().get("success_action_redirect"));
        assertEquals("20260610T090000Z", form.fields().get("x-amz-date"));
        assertTrue(
                form.fields()
                        .get("x-amz-credential")
                        .endsWith("/20260610/eu-west-2/s3/aws4_request"));
        String policy =
                new String(
                        Base64.getDecoder().decode(form.fields().get("policy")),
                        StandardCharsets.UTF_8);
        assertTrue(policy.startsWith("{\"expiration\":\"2026-06-10T09:30:00Z\""), policy);
        for (String condition :
                List.of(
                        "{\"bucket\":\"receiptsbucket\"}",
                        "{\"key\":\"claim-b/r1\"}",
                        "{\"success_action_redirect\":\"http://localhost:3000/your-involvement/t/claim-receipt-added?cost=0\"}",
                        "[\"content-length-range\",1,10485760]",
                        "{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"}",
                        "{\"x-amz-date\":\"20260610T090000Z\"}"))
            assertTrue(policy.contains(condition), condition + " in " + policy);
        assertTrue(form.fields().get("x-amz-signature").matches("[0-9a-f]{64}"));
    }

    /** AWS's published example of deriving a Signature Version 4 signing key. */
    @Test
    void theSigningKeyIsDerivedAsAwsDocumentsIt() {
        assertEquals(
                "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
                HexFormat.of()
                        .formatHex(
                                S3Receipts.signingKey(
                                        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                        "20120215",
                                        "us-east-1",
                                        "iam")));
    }

    @Test
    void staffSeeAReceiptThroughAShortLivedLinkAsItsType() throws Exception {
        post(receipts.uploadForm("claim-c/r1", "/x"), "photo.jpg", PNG);
        String link = receipts.viewLink("claim-c/r1");
        assertTrue(link.contains("X-Amz-Expires=300"), link);
        assertTrue(link.contains("X-Amz-Signature="), link);
        var got =
                http.send(
                        HttpRequest.newBuilder(URI.create(link)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        assertArrayEquals(PNG, got.body());
        assertEquals(
                "image/png", got.headers().firstValue("Content-Type").orElse(""), "by content");
    }

    @Test
    void aClaimsReceiptsAreDeletedTogetherAndNoOtherClaims() throws Exception {
        for (String key : List.of("claim-d/r1", "claim-d/r2", "claim-dd/r1"))
            post(receipts.uploadForm(key, "/x"), "r.pdf", PDF);
        assertEquals(2, receipts.deleteAll("claim-d"));
        assertTrue(receipts.look("claim-d/r1").isEmpty());
        assertTrue(receipts.look("claim-d/r2").isEmpty());
        assertTrue(receipts.look("claim-dd/r1").isPresent(), "claim-dd is another claim");
        receipts.delete("claim-dd/r1");
        assertTrue(receipts.look("claim-dd/r1").isEmpty());
        receipts.delete("claim-dd/r1"); // deleting what is not there is fine
    }

    // ---------- what core's ClaimMaking decides from (its rules are tested in core) ----------

    @Test
    void aFileCalledPdfThatIsNotOneIsKnownByItsContentAndCanBeDeleted() throws Exception {
        post(receipts.uploadForm("claim-e/r1", "/x"), "receipt.pdf", NOT_A_RECEIPT);
        var stored = receipts.look("claim-e/r1").orElseThrow();
        assertTrue(ReceiptType.of(stored.first()).isEmpty(), "not a PDF whatever its name");
        receipts.delete("claim-e/r1");
        assertTrue(receipts.look("claim-e/r1").isEmpty());
    }

    /**
     * S3 refuses a form upload over 10 MB itself (the policy's content-length-range); the emulator's own form limit
     * refuses it too, without our policy. Should one be stored anyway, the size our check reads is its real size: the
     * file is put directly here.
     */
    @Test
    void aFileOver10MbShowsItsSizeWithoutBeingRead() {
        byte[] big = Arrays.copyOf(PDF, (int) ReceiptType.MOST_BYTES + 1);
        s3.client()
                .putObject(
                        b -> b.bucket("receiptsbucket").key("claim-f/r1"),
                        software.amazon.awssdk.core.sync.RequestBody.fromBytes(big));
        var stored = receipts.look("claim-f/r1").orElseThrow();
        assertEquals(ReceiptType.MOST_BYTES + 1, stored.size());
        assertEquals(ReceiptType.FIRST_BYTES, stored.first().length, "only the first bytes");
        assertEquals(ReceiptType.PDF, ReceiptType.of(stored.first()).orElseThrow());
        receipts.delete("claim-f/r1");
    }

    @Test
    void anEmptyFileIsSeenAsEmpty() throws Exception {
        post(receipts.uploadForm("claim-g/r1", "/x"), "empty.pdf", new byte[0]);
        assertEquals(0, receipts.look("claim-g/r1").orElseThrow().size());
        receipts.delete("claim-g/r1");
    }
}
