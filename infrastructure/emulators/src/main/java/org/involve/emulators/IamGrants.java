package org.involve.emulators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What IAM lets each function of template.yaml do, for the services whose emulators check nothing: DynamoDB, SQS and
 * Secrets Manager. A statement grants actions on resources named by their logical ids (which are also their names
 * locally): a table ({@code !GetAtt Table.Arn}), an index ({@code !Sub '${Table.Arn}/index/Name'}), a queue ({@code
 * !GetAtt Queue.Arn}, or SAM's {@code SQSSendMessagePolicy}), a secret ({@code !Ref Secret}), under the conditions
 * the template sets on DynamoDB: {@code dynamodb:Attributes} and {@code dynamodb:LeadingKeys} (ForAllValues),
 * {@code dynamodb:ReturnValues} (IfExists) and {@code dynamodb:Select}. A request is allowed when one statement
 * allows it, as in IAM. The local runtime refuses the rest, as AWS would with AccessDeniedException.
 */
public final class IamGrants {
    /**
     * One request as IAM sees it: its action ("dynamodb:UpdateItem"), resource ("ApplicationsTable", or
     * "Table/index/Name"), and for DynamoDB the attributes it names, its items' partition key values, its ReturnValues
     * and Select (each null when the request has none).
     */
    public record Request(
            String action,
            String resource,
            Set<String> attributes,
            Set<String> leadingKeys,
            String returnValues,
            String select) {
        public static Request of(String action, String resource) {
            return new Request(action, resource, null, null, null, null);
        }
    }

    private record Statement(
            Set<String> actions,
            Set<String> resources,
            Set<String> attributes,
            Set<String> leadingKeys,
            Set<String> returnValues,
            Set<String> select) {

        boolean allows(Request r) {
            String index =
                    r.resource().contains("/index/")
                            ? r.resource().substring(0, r.resource().indexOf("/index/"))
                                    + "/index/*"
                            : null;
            return actions.contains(r.action())
                    && (resources.contains(r.resource())
                            || resources.contains("*")
                            || (index != null && resources.contains(index)))
                    && forAll(attributes, r.attributes())
                    && forAll(leadingKeys, r.leadingKeys())
                    && (returnValues == null
                            || r.returnValues() == null
                            || returnValues.contains(r.returnValues()))
                    && (select == null || select.contains(r.select()));
        }

        /** ForAllValues: every value the request has is listed (a request with none passes, as in IAM). */
        private static boolean forAll(Set<String> allowed, Set<String> values) {
            return allowed == null || values == null || allowed.containsAll(values);
        }
    }

    private final Map<String, List<Statement>> byFunction;
    private final Map<String, String> partitionKeys;

    private IamGrants(Map<String, List<Statement>> byFunction, Map<String, String> partitionKeys) {
        this.byFunction = byFunction;
        this.partitionKeys = partitionKeys;
    }

    /** The name of {@code table}'s partition key (what dynamodb:LeadingKeys is about). */
    public Optional<String> partitionKey(String table) {
        return Optional.ofNullable(partitionKeys.get(table));
    }

    public static IamGrants of(SamTemplate template) {
        Map<String, List<Statement>> byFunction = new LinkedHashMap<>();
        template.functionProperties()
                .forEach(
                        (function, properties) -> {
                            List<Statement> statements = new ArrayList<>();
                            for (Object policy : YamlMaps.list(properties.get("Policies"))) {
                                Map<String, Object> p = mapping(policy);
                                for (Object s : YamlMaps.list(p.get("Statement")))
                                    statement(mapping(s)).ifPresent(statements::add);
                                // SAM's policy template: sqs:SendMessage* on the named queue.
                                Object send =
                                        mapping(p.get("SQSSendMessagePolicy")).get("QueueName");
                                name(send, ".QueueName")
                                        .ifPresent(
                                                q ->
                                                        statements.add(
                                                                new Statement(
                                                                        Set.of("sqs:SendMessage"),
                                                                        Set.of(q),
                                                                        null,
                                                                        null,
                                                                        null,
                                                                        null)));
                            }
                            byFunction.put(function, statements);
                        });
        Map<String, String> partitionKeys = new LinkedHashMap<>();
        for (TableSpec t : template.tables())
            t.keySchema().stream()
                    .filter(k -> k.keyType().equals("HASH"))
                    .findFirst()
                    .ifPresent(k -> partitionKeys.put(t.logicalId(), k.attributeName()));
        return new IamGrants(byFunction, partitionKeys);
    }

    private static Optional<Statement> statement(Map<String, Object> s) {
        if (!"Allow".equals(s.get("Effect"))) return Optional.empty();
        Set<String> actions = new LinkedHashSet<>(), resources = new LinkedHashSet<>();
        for (Object action : YamlMaps.list(s.get("Action"))) actions.add(String.valueOf(action));
        for (Object resource : YamlMaps.list(s.get("Resource")))
            resourceOf(resource).ifPresent(resources::add);
        Map<String, Object> condition = mapping(s.get("Condition"));
        Map<String, Object> forAll = mapping(condition.get("ForAllValues:StringEquals"));
        return Optional.of(
                new Statement(
                        actions,
                        resources,
                        strings(forAll.get("dynamodb:Attributes")),
                        strings(forAll.get("dynamodb:LeadingKeys")),
                        strings(
                                mapping(condition.get("StringEqualsIfExists"))
                                        .get("dynamodb:ReturnValues")),
                        strings(mapping(condition.get("StringEquals")).get("dynamodb:Select"))));
    }

    private static Set<String> strings(Object o) {
        if (o == null) return null;
        Set<String> out = new LinkedHashSet<>();
        for (Object v : YamlMaps.list(o)) out.add(String.valueOf(v));
        return out;
    }

    /**
     * "Table" for {@code !GetAtt Table.Arn}, "Table/index/Name" for {@code !Sub '${Table.Arn}/index/Name'}, "Secret"
     * for {@code !Ref Secret}, "*" for {@code '*'}.
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
     * For each table, every attribute that some function's grant of {@code action} with a {@code dynamodb:Attributes}
     * condition names: what a test that does not know which function runs an adapter can hold its requests to.
     */
    public Map<String, Set<String>> attributesAllowed(String action) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (List<Statement> statements : byFunction.values())
            for (Statement s : statements)
                if (s.actions().contains(action) && s.attributes() != null)
                    for (String resource : s.resources())
                        if (!resource.contains("/index/"))
                            allowed.computeIfAbsent(resource, r -> new LinkedHashSet<>())
                                    .addAll(s.attributes());
        return allowed;
    }

    /** {@link #refusal(String, Request)} of a request with no attributes, keys or options. */
    public Optional<String> refusal(String function, String action, String resource) {
        return refusal(function, Request.of(action, resource));
    }

    /** Why AWS would refuse {@code function} the {@code request}; empty when one of its statements allows it. */
    public Optional<String> refusal(String function, Request request) {
        for (Statement s : byFunction.getOrDefault(function, List.of()))
            if (s.allows(request)) return Optional.empty();
        boolean actionGranted =
                byFunction.getOrDefault(function, List.of()).stream()
                        .anyMatch(
                                s ->
                                        new Statement(
                                                        s.actions(),
                                                        s.resources(),
                                                        null,
                                                        null,
                                                        null,
                                                        null)
                                                .allows(request));
        return Optional.of(
                function
                        + " is not allowed "
                        + request.action()
                        + " on "
                        + request.resource()
                        + (actionGranted
                                ? " as asked: its conditions in template.yaml do not allow "
                                        + describe(request)
                                : " (no statement of its Policies in template.yaml grants it)"));
    }

    private static String describe(Request r) {
        List<String> parts = new ArrayList<>();
        if (r.attributes() != null) parts.add("attributes " + r.attributes());
        if (r.leadingKeys() != null) parts.add("partition keys " + r.leadingKeys());
        if (r.returnValues() != null) parts.add("ReturnValues " + r.returnValues());
        if (r.select() != null) parts.add("Select " + r.select());
        return String.join(", ", parts);
    }
}
