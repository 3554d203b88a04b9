package org.involve.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.involve.emulators.ExpressionAttributes;
import org.involve.emulators.IamGrants;
import org.involve.emulators.SamTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What IAM would refuse in AWS and the emulators never do: template.yaml limits some UpdateItem grants to named
 * attributes ({@code dynamodb:Attributes}, e.g. a round step may change an application's status and progress only).
 * Every adapter test's updates pass through here; one that touches an attribute no such grant on its table names
 * fails the test, as AccessDenied would fail it in AWS. The allowed attributes of a table are the union over every
 * function's conditioned UpdateItem grants on it (the adapters do not know which function runs them); a table with no
 * conditioned grant is not limited. Attributes named in the key, the update and the condition all count.
 */
final class AttributeConditions implements ExecutionInterceptor {
    private final Map<String, Set<String>> allowedByTable;

    AttributeConditions(Map<String, Set<String>> allowedByTable) {
        this.allowedByTable = Map.copyOf(allowedByTable);
    }

    /** The limits template.yaml sets, by table logical id (the emulators name each table by it). */
    static AttributeConditions fromTemplate() {
        return new AttributeConditions(limits());
    }

    /** For each table, the attributes the template's conditioned UpdateItem grants name, over every function. */
    static Map<String, Set<String>> limits() {
        return IamGrants.of(SamTemplate.loadFromWorkingDirectory())
                .attributesAllowed("dynamodb:UpdateItem");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest u)
            check(
                    u.tableName(),
                    touched(
                            u.key().keySet(),
                            u.expressionAttributeNames(),
                            u.updateExpression(),
                            u.conditionExpression()));
        if (context.request() instanceof TransactWriteItemsRequest t)
            for (TransactWriteItem item : t.transactItems())
                if (item.update() != null)
                    check(
                            item.update().tableName(),
                            touched(
                                    item.update().key().keySet(),
                                    item.update().expressionAttributeNames(),
                                    item.update().updateExpression(),
                                    item.update().conditionExpression()));
    }

    private void check(String table, Set<String> touched) {
        for (var limit : allowedByTable.entrySet()) {
            if (!table.equals(limit.getKey()) && !table.contains(limit.getKey())) continue;
            Set<String> refused = new TreeSet<>(touched);
            refused.removeAll(limit.getValue());
            if (!refused.isEmpty())
                throw new AssertionError(
                        "An UpdateItem on "
                                + limit.getKey()
                                + " touches "
                                + refused
                                + ", which no dynamodb:Attributes condition in template.yaml allows (only "
                                + new TreeSet<>(limit.getValue())
                                + "): IAM would refuse it. Add the attributes to the conditions of the"
                                + " functions that make this change.");
        }
    }

    /** The top-level attribute names a request touches: its key's, and the first name of each path in its expressions. */
    static Set<String> touched(Set<String> key, Map<String, String> names, String... expressions) {
        try {
            return ExpressionAttributes.touched(key, names, expressions);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** template.yaml, CloudFormation's short tags in their long forms. */
    static Map<String, Object> template() {
        try {
            return new Yaml(new CloudFormationTags())
                    .load(Files.readString(SamTemplate.loadFromWorkingDirectory().file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CloudFormation's short tags as their long forms ({@code !GetAtt X.Arn} as {@code {Fn::GetAtt: X.Arn}}). */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put(
                    "!",
                    new AbstractConstruct() {
                        @Override
                        public Object construct(Node node) {
                            String name = node.getTag().getValue().substring(1);
                            Object value =
                                    node instanceof ScalarNode s
                                            ? constructScalar(s)
                                            : node instanceof SequenceNode q
                                                    ? constructSequence(q)
                                                    : constructMapping((MappingNode) node);
                            return Map.of(name.equals("Ref") ? "Ref" : "Fn::" + name, value);
                        }
                    });
        }
    }
}
