package org.involve.emulators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The template's CloudFront distribution, as far as the local runtime serves like it: which origin each path goes to
 * (behaviours in order, then the default), the bucket behind an S3 origin, the root object, and the headers its
 * response headers policy adds.
 */
public record SiteDistribution(
        List<Behaviour> behaviours,
        String defaultOrigin,
        String rootObject,
        Map<String, String> bucketOrigins,
        Map<String, String> headers) {

    /** A path pattern ({@code *} any characters, {@code /} too) and the origin it sends to. */
    public record Behaviour(String pathPattern, String origin) {
        boolean matches(String path) {
            StringBuilder re = new StringBuilder();
            for (char c : pathPattern.toCharArray())
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            return path.matches(re.toString());
        }
    }

    /** The origin CloudFront sends a path to. */
    public String originFor(String path) {
        return behaviours.stream()
                .filter(b -> b.matches(path))
                .map(Behaviour::origin)
                .findFirst()
                .orElse(defaultOrigin);
    }

    /** The bucket (its logical id) a path is served from, if its origin is a bucket. */
    public Optional<String> bucketFor(String path) {
        return Optional.ofNullable(bucketOrigins.get(originFor(path)));
    }

    /** The template's one distribution, if it has one. */
    public static Optional<SiteDistribution> load(Path templateFile) {
        try (Reader reader = Files.newBufferedReader(templateFile)) {
            return of(YamlMaps.map(CloudFormationYaml.parser().load(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<SiteDistribution> of(Map<String, Object> template) {
        Map<String, Object> resources = YamlMaps.map(template.get("Resources"));
        for (Object body : resources.values()) {
            Map<String, Object> resource = YamlMaps.map(body);
            if (!"AWS::CloudFront::Distribution".equals(resource.get("Type"))) continue;
            Map<String, Object> config =
                    YamlMaps.map(
                            YamlMaps.map(resource.get("Properties")).get("DistributionConfig"));
            Map<String, String> buckets = new LinkedHashMap<>();
            for (Object o : YamlMaps.list(config.get("Origins"))) {
                Map<String, Object> origin = YamlMaps.map(o);
                if (origin.containsKey("S3OriginConfig"))
                    buckets.put(
                            YamlMaps.string(origin.get("Id")),
                            YamlMaps.referencedLogicalId(origin.get("DomainName")));
            }
            List<Behaviour> behaviours = new ArrayList<>();
            for (Object o : YamlMaps.list(config.get("CacheBehaviors"))) {
                Map<String, Object> b = YamlMaps.map(o);
                behaviours.add(
                        new Behaviour(
                                YamlMaps.string(b.get("PathPattern")),
                                YamlMaps.string(b.get("TargetOriginId"))));
            }
            Map<String, Object> defaults = YamlMaps.map(config.get("DefaultCacheBehavior"));
            Map<String, String> headers = new LinkedHashMap<>();
            Object policy = defaults.get("ResponseHeadersPolicyId");
            if (policy instanceof Map<?, ?>)
                headers.putAll(
                        headersOf(
                                YamlMaps.map(resources.get(YamlMaps.referencedLogicalId(policy)))));
            return Optional.of(
                    new SiteDistribution(
                            behaviours,
                            YamlMaps.string(defaults.get("TargetOriginId")),
                            YamlMaps.string(config.get("DefaultRootObject")),
                            buckets,
                            headers));
        }
        return Optional.empty();
    }

    private static Map<String, String> headersOf(Map<String, Object> policy) {
        Map<String, Object> config =
                YamlMaps.map(
                        YamlMaps.map(policy.get("Properties")).get("ResponseHeadersPolicyConfig"));
        Map<String, Object> security = YamlMaps.map(config.get("SecurityHeadersConfig"));
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> csp = YamlMaps.map(security.get("ContentSecurityPolicy"));
        if (csp.containsKey("ContentSecurityPolicy"))
            headers.put(
                    "Content-Security-Policy", YamlMaps.string(csp.get("ContentSecurityPolicy")));
        Map<String, Object> hsts = YamlMaps.map(security.get("StrictTransportSecurity"));
        if (hsts.containsKey("AccessControlMaxAgeSec"))
            headers.put(
                    "Strict-Transport-Security",
                    "max-age="
                            + hsts.get("AccessControlMaxAgeSec")
                            + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains"))
                                    ? "; includeSubDomains"
                                    : ""));
        if (security.containsKey("ContentTypeOptions"))
            headers.put("X-Content-Type-Options", "nosniff");
        Map<String, Object> frame = YamlMaps.map(security.get("FrameOptions"));
        if (frame.containsKey("FrameOption"))
            headers.put("X-Frame-Options", YamlMaps.string(frame.get("FrameOption")));
        Map<String, Object> referrer = YamlMaps.map(security.get("ReferrerPolicy"));
        if (referrer.containsKey("ReferrerPolicy"))
            headers.put("Referrer-Policy", YamlMaps.string(referrer.get("ReferrerPolicy")));
        for (Object o :
                YamlMaps.list(YamlMaps.map(config.get("CustomHeadersConfig")).get("Items"))) {
            Map<String, Object> h = YamlMaps.map(o);
            headers.put(YamlMaps.string(h.get("Header")), YamlMaps.string(h.get("Value")));
        }
        return headers;
    }
}
