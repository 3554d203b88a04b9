package org.involve.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What the benchmark needs from template.yaml beyond {@code org.involve.emulators.SamTemplate}: each function's
 * deployment artifact (its CodeUri, else the Globals') and memory size (which sets Lambda's heap).
 */
final class TemplateFunctions {
    /** One {@code AWS::Serverless::Function}: where its code is (relative to the template's folder) and its memory. */
    record Deployment(String logicalId, String codeUri, int memoryMb) {}

    private TemplateFunctions() {}

    static Map<String, Deployment> read(Path template) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(template)) {
            root = map(parser().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Deployment> functions = new LinkedHashMap<>();
        map(root.get("Resources"))
                .forEach(
                        (id, body) -> {
                            Map<String, Object> resource = map(body);
                            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
                            Map<String, Object> p = map(resource.get("Properties"));
                            Object codeUri = p.getOrDefault("CodeUri", globals.get("CodeUri"));
                            if (!(codeUri instanceof String)) {
                                throw new IllegalStateException(
                                        id
                                                + ": the benchmark needs a CodeUri that names a file, found "
                                                + codeUri);
                            }
                            Object memory =
                                    p.getOrDefault(
                                            "MemorySize", globals.getOrDefault("MemorySize", 128));
                            functions.put(
                                    id,
                                    new Deployment(
                                            id,
                                            (String) codeUri,
                                            Integer.parseInt(String.valueOf(memory).trim())));
                        });
        return functions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}, ...) read as opaque values. */
    private static Yaml parser() {
        return new Yaml(
                new SafeConstructor(new LoaderOptions()) {
                    {
                        yamlMultiConstructors.put(
                                "!",
                                new AbstractConstruct() {
                                    @Override
                                    public Object construct(Node node) {
                                        return Map.of("Intrinsic", node.getTag().getValue());
                                    }
                                });
                    }
                });
    }
}
