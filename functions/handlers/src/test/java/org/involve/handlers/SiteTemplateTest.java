package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.involve.core.paths.PublicPaths;
import org.involve.core.publishing.SitePublisher;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The site on CloudFront (issue 12, items 1 and 7): a private bucket only the distribution reads, the API behind the
 * same domain for everything that depends on the person, one security headers policy on every response, NHS.UK error
 * pages the publisher writes, the publisher woken by every change to a role, and WAF on the distribution.
 */
class SiteTemplateTest {
    private static final Map<String, Object> TEMPLATE = TemplateTest.template();

    /** The GETs whose pages the SitePublisherFunction publishes: CloudFront must take them from the bucket. */
    private static final Set<String> PUBLISHED =
            Set.of(
                    PublicPaths.ROLES.template(),
                    PublicPaths.ROLE.template(),
                    PublicPaths.PRIVACY.template(),
                    PublicPaths.ACCESSIBILITY.template(),
                    PublicPaths.COOKIES.template());

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String... keys) {
        Object at = o;
        for (String k : keys) at = ((Map<String, Object>) at).get(k);
        return (Map<String, Object>) at;
    }

    private static Map<String, Object> props(String logicalId) {
        return map(TEMPLATE, "Resources", logicalId, "Properties");
    }

    private static Map<String, Object> distribution() {
        return map(props("SiteDistribution"), "DistributionConfig");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> behaviours() {
        return (List<Map<String, Object>>) distribution().get("CacheBehaviors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSiteBucketIsPrivateEncryptedTlsOnlyAndReadOnlyByThisDistribution() {
        Map<String, Object> bucket = props("SiteBucket");
        assertEquals(
                Map.of(
                        "BlockPublicAcls", true,
                        "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true),
                bucket.get("PublicAccessBlockConfiguration"));
        assertNotNull(bucket.get("BucketEncryption"));
        assertEquals(
                List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")),
                map(bucket, "OwnershipControls").get("Rules"),
                "no ACLs");

        Map<String, Object> policy = props("SiteBucketPolicy");
        assertEquals(Map.of("Ref", "SiteBucket"), policy.get("Bucket"));
        List<Map<String, Object>> statements =
                (List<Map<String, Object>>) map(policy, "PolicyDocument").get("Statement");
        boolean tlsOnly = false;
        for (Map<String, Object> s : statements) {
            if ("Deny".equals(s.get("Effect"))) {
                tlsOnly |=
                        String.valueOf(s.get("Condition")).contains("aws:SecureTransport=false")
                                && "s3:*".equals(s.get("Action"))
                                && "*".equals(s.get("Principal"));
                continue;
            }
            assertEquals(
                    Map.of("Service", "cloudfront.amazonaws.com"),
                    s.get("Principal"),
                    "only CloudFront may be allowed in: " + s);
            assertTrue(
                    Set.of("s3:GetObject", "s3:ListBucket").contains(s.get("Action")),
                    "CloudFront only reads: " + s);
            String source =
                    String.valueOf(map(s, "Condition", "StringEquals").get("AWS:SourceArn"));
            assertTrue(
                    source.contains("distribution/${SiteDistribution}"),
                    "only this distribution: " + source);
        }
        assertTrue(tlsOnly, "requests without TLS are refused");

        Map<String, Object> oac =
                map(props("SiteOriginAccessControl"), "OriginAccessControlConfig");
        assertEquals("s3", oac.get("OriginAccessControlOriginType"));
        assertEquals("always", oac.get("SigningBehavior"));
        assertEquals("sigv4", oac.get("SigningProtocol"));

        List<Map<String, Object>> origins =
                (List<Map<String, Object>>) distribution().get("Origins");
        Map<String, Object> bucketOrigin =
                origins.stream()
                        .filter(o -> "SiteBucket".equals(o.get("Id")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                Map.of("Fn::GetAtt", "SiteOriginAccessControl.Id"),
                bucketOrigin.get("OriginAccessControlId"));
        assertEquals(Map.of("OriginAccessIdentity", ""), bucketOrigin.get("S3OriginConfig"));
        assertEquals(
                Map.of("Fn::GetAtt", "SiteBucket.RegionalDomainName"),
                bucketOrigin.get("DomainName"));
        Map<String, Object> apiOrigin =
                origins.stream()
                        .filter(o -> "HttpApi".equals(o.get("Id")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "https-only", map(apiOrigin, "CustomOriginConfig").get("OriginProtocolPolicy"));
        assertTrue(String.valueOf(apiOrigin.get("DomainName")).contains("${InvolveHttpApi}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyResponseCarriesTheOneSecurityHeadersPolicy() {
        Map<String, Object> config =
                map(props("SiteResponseHeadersPolicy"), "ResponseHeadersPolicyConfig");
        Map<String, Object> security = map(config, "SecurityHeadersConfig");
        String csp =
                String.valueOf(map(security, "ContentSecurityPolicy").get("ContentSecurityPolicy"));
        for (String directive :
                List.of(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "form-action 'self'",
                        "frame-ancestors 'none'",
                        "object-src 'none'"))
            assertTrue(csp.contains(directive), directive + " in " + csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertEquals(true, map(security, "ContentSecurityPolicy").get("Override"), "one CSP");
        assertTrue(
                ((Number) map(security, "StrictTransportSecurity").get("AccessControlMaxAgeSec"))
                                .intValue()
                        >= 31536000,
                "HSTS for a year at least");
        assertEquals(Map.of("Override", true), security.get("ContentTypeOptions"));
        assertEquals("same-origin", map(security, "ReferrerPolicy").get("ReferrerPolicy"));
        assertEquals("DENY", map(security, "FrameOptions").get("FrameOption"));
        List<Map<String, Object>> custom =
                (List<Map<String, Object>>) map(config, "CustomHeadersConfig").get("Items");
        assertTrue(
                custom.stream()
                        .anyMatch(
                                h ->
                                        "Permissions-Policy".equals(h.get("Header"))
                                                && String.valueOf(h.get("Value"))
                                                        .contains("camera=()")),
                String.valueOf(custom));

        List<Map<String, Object>> all = new ArrayList<>(behaviours());
        all.add(map(distribution(), "DefaultCacheBehavior"));
        for (Map<String, Object> b : all) {
            assertEquals(
                    Map.of("Ref", "SiteResponseHeadersPolicy"),
                    b.get("ResponseHeadersPolicyId"),
                    String.valueOf(b.get("PathPattern")));
            assertEquals("redirect-to-https", b.get("ViewerProtocolPolicy"));
        }
    }

    /**
     * CloudFront picks the first behaviour whose pattern matches ({@code *} is any characters, {@code /} too), else the
     * default. Every route of the template must land where it is answered: the published GETs on the bucket, every
     * other route (each POST, each page that depends on the person) on the API, never cached.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theApisRoutesGoToTheApiAndThePublishedPagesComeFromTheBucket() {
        assertEquals(
                "SiteBucket", map(distribution(), "DefaultCacheBehavior").get("TargetOriginId"));
        assertEquals(
                SitePublisher.key(PublicPaths.ROLES.fill()),
                distribution().get("DefaultRootObject"),
                "the home page is the open roles");
        int routes = 0;
        Map<String, Object> resources = map(TEMPLATE, "Resources");
        for (var fn : resources.entrySet()) {
            Map<String, Object> events = map(fn.getValue(), "Properties");
            if (events == null || !(events.get("Events") instanceof Map<?, ?> declared)) continue;
            for (Object e : declared.values()) {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"HttpApi".equals(event.get("Type"))) continue;
                Map<String, Object> p = map(event, "Properties");
                String path = String.valueOf(p.get("Path"));
                String method = String.valueOf(p.get("Method"));
                if (path.equals("/{proxy+}") || path.equals("/"))
                    continue; // the bucket's 404; the root object
                routes++;
                String example = path.replaceAll("\\{[^}]+}", "x1");
                Map<String, Object> b = behaviourFor(example);
                boolean published = method.equals("GET") && PUBLISHED.contains(path);
                assertEquals(
                        published ? "SiteBucket" : "HttpApi",
                        b.get("TargetOriginId"),
                        method + " " + path + " (" + fn.getKey() + ")");
                if (!published) {
                    assertTrue(((List<?>) b.get("AllowedMethods")).contains("POST"), path);
                    assertEquals(
                            "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                            b.get("CachePolicyId"),
                            path + " must not be cached (it depends on the person)");
                    assertEquals(
                            "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                            b.get("OriginRequestPolicyId"),
                            path + ": cookies, query and headers but Host reach the API");
                }
            }
        }
        assertTrue(routes > 50, "routes checked: " + routes);
        assertEquals("SiteBucket", behaviourFor("/assets/involve.css").get("TargetOriginId"));
        assertEquals("SiteBucket", behaviourFor("/errors/404.html").get("TargetOriginId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void errorPagesAreThePublishedNhsPagesButNotForRefusalsOrTryAgain() {
        List<Map<String, Object>> errors =
                (List<Map<String, Object>>) distribution().get("CustomErrorResponses");
        Map<Integer, String> pages = new java.util.TreeMap<>();
        for (Map<String, Object> e : errors) {
            pages.put(
                    ((Number) e.get("ErrorCode")).intValue(),
                    String.valueOf(e.get("ResponsePagePath")));
            assertEquals(e.get("ErrorCode"), e.get("ResponseCode"), "the status is kept");
        }
        String notFound = "/" + SitePublisher.NOT_FOUND_PAGE,
                fault = "/" + SitePublisher.FAULT_PAGE;
        assertEquals(Map.of(404, notFound, 500, fault, 502, fault, 504, fault), pages);
    }

    /**
     * Every staff path but those open before signing in goes through StaffSignedOutFunction (its behaviour tested by
     * staff-signed-out-edge.test.mjs), and the paths it lets pass are exactly the template's staff routes without the
     * StaffSession authorizer.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBrowserWhoseStaffSignInEndedIsSentToTheSignedOutPageBeforeTheGateway() {
        Map<String, Object> staff = behaviourFor("/staff/roles/x1/edit");
        assertEquals("/staff*", staff.get("PathPattern"));
        List<Map<String, Object>> associations =
                (List<Map<String, Object>>) staff.get("FunctionAssociations");
        assertEquals(1, associations.size());
        assertEquals("viewer-request", associations.get(0).get("EventType"));
        assertEquals(
                Map.of("Fn::GetAtt", "StaffSignedOutFunction.FunctionARN"),
                associations.get(0).get("FunctionARN"));
        for (Map<String, Object> b : behaviours())
            if (!"/staff*".equals(b.get("PathPattern")))
                assertNull(b.get("FunctionAssociations"), String.valueOf(b.get("PathPattern")));

        Map<String, Object> fn = props("StaffSignedOutFunction");
        assertEquals("cloudfront-js-2.0", map(fn, "FunctionConfig").get("Runtime"));
        assertEquals(true, fn.get("AutoPublish"));
        var open =
                Pattern.compile("var OPEN = \\[([^\\]]*)\\];")
                        .matcher((String) fn.get("FunctionCode"));
        assertTrue(open.find(), "the code lists the open staff paths");
        Set<String> letThrough = new java.util.TreeSet<>();
        for (String quoted : open.group(1).split(","))
            letThrough.add(quoted.trim().replace("'", ""));
        Set<String> withoutAuthorizer = new java.util.TreeSet<>();
        for (var resource : map(TEMPLATE, "Resources").values()) {
            Map<String, Object> p = map(resource, "Properties");
            if (p == null || !(p.get("Events") instanceof Map<?, ?> events)) continue;
            for (Object e : events.values()) {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"HttpApi".equals(event.get("Type"))) continue;
                String path = String.valueOf(map(event, "Properties").get("Path"));
                if ((path.equals("/staff") || path.startsWith("/staff/"))
                        && map(event, "Properties").get("Auth") == null)
                    withoutAuthorizer.add(path);
            }
        }
        assertEquals(withoutAuthorizer, letThrough);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublisherRunsOnEveryRoleChangeOneAtATimeAndWritesOnlyTheSiteBucket() {
        assertEquals(
                Map.of("StreamViewType", "KEYS_ONLY"),
                props("RolesTable").get("StreamSpecification"));
        Map<String, Object> fn = props("SitePublisherFunction");
        assertEquals(1, fn.get("ReservedConcurrentExecutions"));
        Map<String, Object> event = map(fn, "Events", "RoleChanged");
        assertEquals("DynamoDB", event.get("Type"));
        assertEquals(
                Map.of("Fn::GetAtt", "RolesTable.StreamArn"),
                map(event, "Properties").get("Stream"));
        assertEquals(
                Map.of("Ref", "SiteBucket"),
                map(fn, "Environment", "Variables").get("SITE_BUCKET"));
        for (Object policy : (List<Object>) fn.get("Policies")) {
            for (Map<String, Object> s :
                    (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement")) {
                String actions = String.valueOf(s.get("Action"));
                if (!actions.contains("s3:")) continue;
                assertFalse(actions.contains("*"), actions);
                assertTrue(
                        String.valueOf(s.get("Resource")).contains("SiteBucket"),
                        String.valueOf(s));
            }
        }
        // Nothing else writes to the site bucket (the deploy command uploads the assets with the
        // deployer's rights).
        for (var other : map(TEMPLATE, "Resources").entrySet()) {
            if (other.getKey().equals("SitePublisherFunction")
                    || !"AWS::Serverless::Function".equals(map(other.getValue()).get("Type")))
                continue;
            assertFalse(
                    String.valueOf(map(other.getValue(), "Properties").get("Policies"))
                            .contains("SiteBucket"),
                    other.getKey());
        }
    }

    /** WAF for CloudFront lives only in us-east-1: infrastructure/waf.yaml is deployed there and its ARN passed in. */
    @Test
    @SuppressWarnings("unchecked")
    void wafGuardsTheDistributionWithRateLimitsAndTheCommonRuleSet() throws IOException {
        assertEquals(
                Map.of(
                        "Fn::If",
                        List.of(
                                "HasWebAcl",
                                Map.of("Ref", "WebAclArn"),
                                Map.of("Ref", "AWS::NoValue"))),
                distribution().get("WebACLId"));
        assertTrue(map(TEMPLATE, "Parameters").containsKey("WebAclArn"));

        Map<String, Object> waf = loadWaf();
        Map<String, Object> acl = map(waf, "Resources", "WebAcl");
        assertEquals("AWS::WAFv2::WebACL", acl.get("Type"));
        Map<String, Object> p = map(acl, "Properties");
        assertEquals("CLOUDFRONT", p.get("Scope"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) p.get("Rules");
        assertTrue(
                rules.stream()
                        .anyMatch(
                                r ->
                                        map(r, "Statement").containsKey("RateBasedStatement")
                                                && map(r, "Action").containsKey("Block")),
                "a rate-based rule that blocks");
        assertTrue(
                rules.stream()
                        .anyMatch(
                                r -> {
                                    Map<String, Object> g =
                                            map(r, "Statement", "ManagedRuleGroupStatement");
                                    return g != null
                                            && "AWS".equals(g.get("VendorName"))
                                            && "AWSManagedRulesCommonRuleSet".equals(g.get("Name"))
                                            && map(r, "OverrideAction").containsKey("None");
                                }),
                "the managed common rule set, enforcing");
        assertEquals(
                Map.of("Fn::GetAtt", "WebAcl.Arn"), map(waf, "Outputs", "WebAclArn").get("Value"));
    }

    private static Map<String, Object> behaviourFor(String path) {
        for (Map<String, Object> b : behaviours())
            if (glob(String.valueOf(b.get("PathPattern"))).matcher(path).matches()) return b;
        return map(distribution(), "DefaultCacheBehavior");
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray())
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(re.toString());
    }

    private static Map<String, Object> loadWaf() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        SafeConstructor tags =
                new SafeConstructor(new LoaderOptions()) {
                    {
                        for (String tag : List.of("Ref", "GetAtt", "Sub")) {
                            yamlConstructors.put(
                                    new Tag("!" + tag),
                                    new AbstractConstruct() {
                                        @Override
                                        public Object construct(Node node) {
                                            return Map.of(
                                                    tag.equals("Ref") ? "Ref" : "Fn::" + tag,
                                                    ((ScalarNode) node).getValue());
                                        }
                                    });
                        }
                    }
                };
        return new Yaml(tags).load(Files.readString(dir.resolve("infrastructure/waf.yaml")));
    }
}
