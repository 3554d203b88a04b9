package org.involve.emulators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What IAM lets each function of template.yaml do, for the services whose emulators check nothing: DynamoDB, SQS and
 * Secrets Manager. A grant is an action on a resource named by its logical id (which is also its name locally): a
 * table ({@code !GetAtt Table.Arn}), an index ({@code !Sub '${Table.Arn}/index/Name'}), a queue ({@code !GetAtt
 * Queue.Arn}, or SAM's {@code SQSSendMessagePolicy}), a secret ({@code !Ref Secret}). The local runtime refuses what
 * is not granted, as AWS would with AccessDeniedException. Conditions ({@code dynamodb:Attributes}, {@code
 * dynamodb:LeadingKeys}) are not read: the adapters' tests check those (AttributeConditions).
 */
public final class IamGrants {
    private final Map<String, Set<String>> byFunction;

    private IamGrants(Map<String, Set<String>> byFunction) {
        this.byFunction = byFunction;
    }

    public static IamGrants of(SamTemplate template) {
        Map<String, Set<String>> byFunction = new LinkedHashMap<>();
        template.functionProperties()
                .forEach(
                        (function, properties) -> {
                            Set<String> grants = new TreeSet<>();
                            for (Object policy : YamlMaps.list(properties.get("Policies"))) {
                                Map<String, Object> p = mapping(policy);
                                for (Object s : YamlMaps.list(p.get("Statement")))
                                    addGrants(mapping(s), grants);
                                // SAM's policy template: sqs:SendMessage* on the named queue.
                                Object send =
                                        mapping(p.get("SQSSendMessagePolicy")).get("QueueName");
                                name(send, ".QueueName")
                                        .ifPresent(q -> grants.add("sqs:SendMessage " + q));
                            }
                            byFunction.put(function, grants);
                        });
        return new IamGrants(byFunction);
    }

    private static void addGrants(Map<String, Object> statement, Set<String> grants) {
        if (!"Allow".equals(statement.get("Effect"))) return;
        for (Object action : YamlMaps.list(statement.get("Action")))
            for (Object resource : YamlMaps.list(statement.get("Resource")))
                resourceOf(resource).ifPresent(r -> grants.add(action + " " + r));
    }

    /**
     * "Table" for {@code !GetAtt Table.Arn}, "Table/index/Name" for {@code !Sub '${Table.Arn}/index/Name'}, "Secret"
     * for {@code !Ref Secret}.
     */
    private static Optional<String> resourceOf(Object resource) {
        if ("*".equals(resource)) return Optional.of("*");
        Map<String, Object> intrinsic = mapping(resource);
        if (intrinsic.get("Ref") != null) return Optional.of(String.valueOf(intrinsic.get("Ref")));
        if (intrinsic.get("Fn::GetAtt") != null) return name(resource, ".Arn");
        if (intrinsic.get("Fn::Sub") instanceof String text
                && text.startsWith("${")
                && text.contains(".Arn}"))
            return Optional.of(
                    text.substring(2, text.indexOf(".Arn}"))
                            + text.substring(text.indexOf('}') + 1));
        return Optional.empty();
    }

    /** The logical id in {@code !GetAtt Id<attribute>}. */
    private static Optional<String> name(Object value, String attribute) {
        Object getAtt = mapping(value).get("Fn::GetAtt");
        String name = getAtt == null ? "" : String.valueOf(getAtt);
        return name.endsWith(attribute)
                ? Optional.of(name.substring(0, name.length() - attribute.length()))
                : Optional.empty();
    }

    /** A mapping, or empty for anything else (a managed policy's name, a resource of "*"). */
    private static Map<String, Object> mapping(Object o) {
        return o instanceof Map<?, ?> ? YamlMaps.map(o) : Map.of();
    }

    /** Whether {@code function} is a function of the template (one not in it is never checked). */
    public boolean knows(String function) {
        return byFunction.containsKey(function);
    }

    /**
     * Why AWS would refuse {@code function} the {@code action} (e.g. "dynamodb:Query") on {@code resource} (e.g.
     * "PaymentsTable/index/ByAppointment"); empty when a statement grants it.
     */
    public Optional<String> refusal(String function, String action, String resource) {
        Set<String> grants = byFunction.getOrDefault(function, Set.of());
        int index = resource.indexOf("/index/");
        if (grants.contains(action + " " + resource)
                || grants.contains(action + " *")
                || (index > 0
                        && grants.contains(
                                action + " " + resource.substring(0, index) + "/index/*")))
            return Optional.empty();
        return Optional.of(
                function
                        + " is not allowed "
                        + action
                        + " on "
                        + resource
                        + " (no statement of its Policies in template.yaml grants it)");
    }
}
