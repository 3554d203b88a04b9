package org.involve.emulators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the template's references to what they are locally. A table or queue's local name is its logical id
 * ("RolesTable", "MailQueue"); a queue's {@code !Ref} is its ElasticMQ URL; a bucket's is its local bucket name; a parameter is its Default unless
 * overridden; {@code {{resolve:secretsmanager:${Secret}...}}} is the development secret the caller supplies.
 */
public final class LocalNames {
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern SECRET =
            Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{([^}]+)}[^}]*}}");

    private final SamTemplate template;
    private final Function<String, String> queueUrls;
    private final Map<String, String> parameters;
    private final Function<String, String> secrets;
    private final String region;

    /**
     * @param queueUrls          queue logical id to its local URL, e.g. {@code EmbeddedSqs::queueUrl}
     * @param parameterOverrides parameter values that replace the template's Defaults
     * @param secrets            secret logical id to its local development value
     */
    public LocalNames(
            SamTemplate template,
            Function<String, String> queueUrls,
            Map<String, String> parameterOverrides,
            Function<String, String> secrets,
            String region) {
        this.template = template;
        this.queueUrls = queueUrls;
        this.parameters = new LinkedHashMap<>(template.parameterDefaults());
        this.parameters.putAll(parameterOverrides);
        this.secrets = secrets;
        this.region = region;
    }

    /** The function's environment variables (Globals merged with its own), every value resolved. */
    public Map<String, String> environmentOf(FunctionSpec function) {
        Map<String, String> resolved = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> resolved.put(name, resolve(value)));
        return resolved;
    }

    /** A template value: a literal, or {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} of one. */
    public String resolve(Object value) {
        if (!(value instanceof Map<?, ?> function))
            return value == null ? "" : String.valueOf(value);
        if (function.containsKey("Ref")) return ref(String.valueOf(function.get("Ref")));
        if (function.containsKey("Fn::GetAtt"))
            return getAtt(YamlMaps.referencedLogicalId(function));
        if (function.containsKey("Fn::Sub")) return sub(function.get("Fn::Sub"));
        throw new IllegalArgumentException(
                "Intrinsic function " + function.keySet() + " is not emulated locally");
    }

    /**
     * What {@code !Ref name} is locally: a parameter's value, a queue's URL, a bucket's local name, any other
     * resource's logical id.
     */
    public String ref(String name) {
        if (name.equals("AWS::Region")) return region;
        if (name.equals("AWS::AccountId")) return "000000000000";
        if (template.isParameter(name)) return parameters.getOrDefault(name, "");
        if (template.resourceType(name).filter("AWS::SQS::Queue"::equals).isPresent())
            return queueUrls.apply(name);
        if (template.resourceType(name).filter("AWS::S3::Bucket"::equals).isPresent())
            return EmbeddedS3.bucketName(name);
        return name;
    }

    private String getAtt(String logicalId) {
        return logicalId; // locally a resource's name stands in for its ARN and its QueueName alike
    }

    private String sub(Object body) {
        String text =
                body instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(body);
        Matcher secret = SECRET.matcher(text);
        if (secret.matches()) return secrets.apply(secret.group(1));
        Matcher m = SUBSTITUTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement =
                    name.contains(".") && !name.startsWith("AWS::")
                            ? getAtt(name.split("\\.")[0])
                            : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
