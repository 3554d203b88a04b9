package org.involve.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.LocalAws;
import org.involve.emulators.LocalNames;
import org.involve.emulators.SamTemplate;

/**
 * The settings the handlers read (through {@code org.involve.adapters.Settings}): every function's environment from
 * the template, resolved to local names, plus the emulators' endpoints. Every function runs in this one JVM, so they
 * become system properties; one the developer passed with -D is left as it is.
 */
final class LocalSettings {
    private LocalSettings() {}

    record Endpoints(URI site, URI dynamoDb, URI sqs, URI ses, URI s3, URI secretsManager) {}

    static Map<String, String> compute(SamTemplate template, EmbeddedSqs sqs, Endpoints endpoints) {
        String site = endpoints.site().toString();
        LocalNames names =
                new LocalNames(
                        template,
                        sqs::queueUrl,
                        Map.of(
                                "SiteUrl",
                                site,
                                "AssetsUrl",
                                site + "/assets",
                                "StaffSiteUrl",
                                site),
                        secret -> {
                            throw new IllegalStateException(
                                    "A secret's value in a function's environment: read it at run time"
                                            + " from Secrets Manager instead ("
                                            + secret
                                            + ")");
                        },
                        LocalRuntime.REGION);
        Map<String, String> settings = new LinkedHashMap<>();
        for (FunctionSpec f : template.functions()) {
            names.environmentOf(f)
                    .forEach(
                            (name, value) -> {
                                String earlier = settings.putIfAbsent(name, value);
                                if (earlier != null && !earlier.equals(value)) {
                                    System.out.println(
                                            "WARNING: "
                                                    + name
                                                    + " differs between functions; locally they all share the first value.");
                                }
                            });
        }
        settings.put("SITE_URL", site);
        settings.put("ASSETS_URL", site + "/assets");
        settings.put(
                "STAFF_SITE_URL",
                site); // the staff pages are served under /staff on the same local port
        settings.putAll(
                LocalIdentity.settings(
                        site)); // staff sign-in trusts the local stand-in for Cognito
        settings.put("DYNAMODB_ENDPOINT", endpoints.dynamoDb().toString());
        settings.put("SQS_ENDPOINT", endpoints.sqs().toString());
        settings.put("SES_ENDPOINT", endpoints.ses().toString());
        settings.put("S3_ENDPOINT", endpoints.s3().toString());
        settings.put("SECRETSMANAGER_ENDPOINT", endpoints.secretsManager().toString());
        settings.put("AWS_REGION", LocalRuntime.REGION);
        settings.put("aws.region", LocalRuntime.REGION);
        settings.put("aws.accessKeyId", LocalAws.ACCESS_KEY_ID);
        settings.put("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        return settings;
    }

    /** Sets each as a system property unless one of that name is already set (a -D override). */
    static void apply(Map<String, String> settings) {
        settings.forEach(
                (name, value) -> {
                    if (System.getProperty(name) == null) System.setProperty(name, value);
                });
    }
}
