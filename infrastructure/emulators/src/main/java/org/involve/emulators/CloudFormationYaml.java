package org.involve.emulators;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation YAML. Short-form intrinsic functions ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub '...'}, {@code !If [...]}) become their long form: {@code {"Ref": "X"}}, {@code {"Fn::GetAtt": "X.Arn"}}.
 */
final class CloudFormationYaml {
    private CloudFormationYaml() {}

    static Yaml parser() {
        return new Yaml(new IntrinsicFunctionConstructor(new LoaderOptions()));
    }

    private static final class IntrinsicFunctionConstructor extends SafeConstructor {
        IntrinsicFunctionConstructor(LoaderOptions options) {
            super(options);
            // Every "!Something" tag: CloudFormation has a dozen and may add more, so match by
            // prefix.
            yamlMultiConstructors.put(
                    "!",
                    new AbstractConstruct() {
                        @Override
                        public Object construct(Node node) {
                            String name = node.getTag().getValue().substring(1);
                            String key =
                                    name.equals("Ref") || name.equals("Condition")
                                            ? name
                                            : "Fn::" + name;
                            return Map.of(key, constructContent(node));
                        }
                    });
        }

        private Object constructContent(Node node) {
            if (node instanceof ScalarNode scalar) return constructScalar(scalar);
            if (node instanceof SequenceNode sequence) return constructSequence(sequence);
            return constructMapping((MappingNode) node);
        }
    }
}
