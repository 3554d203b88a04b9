package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The receipts bucket is private, encrypted, reachable over TLS only and cleans up half-finished uploads; only the
 * partner's claim pages may put, read and delete receipts, and staff deciding claims may only read them.
 */
class ReceiptsBucketTemplateTest {
    static final String BUCKET = "ReceiptsBucket";

    @SuppressWarnings("unchecked")
    static Map<String, Object> resources() {
        return (Map<String, Object>) TemplateTest.template().get("Resources");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(String id) {
        return (Map<String, Object>) ((Map<String, Object>) resources().get(id)).get("Properties");
    }

    @Test
    void theBucketIsPrivateEncryptedAndCleansUpHalfFinishedUploads() {
        Map<String, Object> p = props(BUCKET);
        Map<?, ?> block = (Map<?, ?>) p.get("PublicAccessBlockConfiguration");
        for (String k :
                List.of(
                        "BlockPublicAcls",
                        "BlockPublicPolicy",
                        "IgnorePublicAcls",
                        "RestrictPublicBuckets")) assertEquals(true, block.get(k), k);
        Map<?, ?> rule =
                (Map<?, ?>)
                        ((List<?>)
                                        ((Map<?, ?>) p.get("BucketEncryption"))
                                                .get("ServerSideEncryptionConfiguration"))
                                .get(0);
        String algorithm =
                String.valueOf(
                        ((Map<?, ?>) rule.get("ServerSideEncryptionByDefault"))
                                .get("SSEAlgorithm"));
        assertTrue(Set.of("AES256", "aws:kms").contains(algorithm), algorithm);
        assertEquals(
                "BucketOwnerEnforced",
                ((Map<?, ?>)
                                ((List<?>) ((Map<?, ?>) p.get("OwnershipControls")).get("Rules"))
                                        .get(0))
                        .get("ObjectOwnership"),
                "no ACLs can make an object public");
        boolean aborts =
                ((List<?>) ((Map<?, ?>) p.get("LifecycleConfiguration")).get("Rules"))
                        .stream()
                                .map(r -> (Map<?, ?>) r)
                                .anyMatch(
                                        r ->
                                                "Enabled".equals(r.get("Status"))
                                                        && r.get("AbortIncompleteMultipartUpload")
                                                                != null);
        assertTrue(aborts, "incomplete uploads are aborted");
        assertNull(p.get("CorsConfiguration"), "a plain form post needs no CORS");
        assertNull(p.get("WebsiteConfiguration"));
        assertNull(p.get("VersioningConfiguration"), "deleting a receipt really deletes it");
        assertEquals("Retain", ((Map<?, ?>) resources().get(BUCKET)).get("DeletionPolicy"));
    }

    @Test
    void theBucketPolicyRefusesEverythingNotOverTls() {
        Map<?, ?> policy =
                resources().values().stream()
                        .map(r -> (Map<?, ?>) r)
                        .filter(r -> "AWS::S3::BucketPolicy".equals(r.get("Type")))
                        .filter(
                                r ->
                                        String.valueOf(
                                                        ((Map<?, ?>) r.get("Properties"))
                                                                .get("Bucket"))
                                                .contains(BUCKET))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the receipts bucket has no policy"));
        List<?> statements =
                (List<?>)
                        ((Map<?, ?>) ((Map<?, ?>) policy.get("Properties")).get("PolicyDocument"))
                                .get("Statement");
        boolean tlsOnly =
                statements.stream()
                        .map(s -> (Map<?, ?>) s)
                        .anyMatch(
                                s ->
                                        "Deny".equals(s.get("Effect"))
                                                && "*".equals(s.get("Principal"))
                                                && "s3:*".equals(s.get("Action"))
                                                && String.valueOf(s.get("Resource"))
                                                        .contains(BUCKET + ".Arn}/*")
                                                && String.valueOf(s.get("Condition"))
                                                        .contains("aws:SecureTransport=false"));
        assertTrue(tlsOnly, "requests not over TLS are refused: " + statements);
        assertFalse(
                statements.stream()
                        .map(s -> (Map<?, ?>) s)
                        .anyMatch(s -> "Allow".equals(s.get("Effect"))),
                "the bucket policy grants nothing: functions get what they need from their roles");
    }

    @Test
    void onlyTheClaimPagesPutAndDeleteReceiptsAndStaffOnlyReadThem() {
        Map<String, Set<String>> actions = new TreeMap<>();
        for (var e : resources().entrySet()) {
            if (!"AWS::Serverless::Function".equals(((Map<?, ?>) e.getValue()).get("Type")))
                continue;
            List<?> policies = (List<?>) props(e.getKey()).getOrDefault("Policies", List.of());
            for (TemplateTest.Grant g : TemplateTest.grantsOf(e.getKey(), policies)) {
                if (!g.on(BUCKET) && !(g.allowsAnyOf("s3") && g.resources().contains("*")))
                    continue;
                // Listing a claim's receipts (to delete them with it) is the one grant on the
                // bucket itself.
                if (g.actions().equals(List.of("s3:ListBucket"))) {
                    assertTrue(
                            g.resources().stream().allMatch(r -> r.endsWith(BUCKET + ".Arn}")),
                            e.getKey() + " (" + g.sid() + ") lists the receipts bucket only");
                    actions.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).addAll(g.actions());
                    continue;
                }
                assertTrue(
                        g.resources().stream().allMatch(r -> r.contains(BUCKET + ".Arn}/*")),
                        e.getKey()
                                + " ("
                                + g.sid()
                                + ") acts on receipts' objects only, never the bucket or *: "
                                + g.resources());
                actions.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).addAll(g.actions());
            }
        }
        assertEquals(
                Map.of(
                        "YourInvolvementFunction",
                        Set.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                        "StaffClaimsFunction",
                        Set.of("s3:GetObject"),
                        "StaffDataProtectionFunction",
                        Set.of("s3:DeleteObject", "s3:ListBucket"),
                        "RetentionJobFunction",
                        Set.of("s3:DeleteObject", "s3:ListBucket")),
                actions);
    }

    @Test
    void theFunctionsAreToldTheBucketByReference() {
        for (String fn :
                List.of(
                        "YourInvolvementFunction",
                        "StaffClaimsFunction",
                        "StaffDataProtectionFunction",
                        "RetentionJobFunction")) {
            Map<?, ?> vars =
                    (Map<?, ?>) ((Map<?, ?>) props(fn).get("Environment")).get("Variables");
            assertEquals(Map.of("Ref", BUCKET), vars.get("RECEIPTS_BUCKET"), fn);
        }
    }
}
