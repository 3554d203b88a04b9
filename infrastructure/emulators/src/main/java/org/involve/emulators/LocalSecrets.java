package org.involve.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the template's secrets in the local Secrets Manager as CloudFormation would at the first deploy: a
 * {@code GenerateSecretString} gets random letters and digits (put under {@code GenerateStringKey} of its
 * {@code SecretStringTemplate} when it has one), a {@code SecretString} is taken as it is, and a
 * {@code {{resolve:secretsmanager:${Other}:SecretString}}} in either is the other secret's value. A secret that
 * exists already (the data folder's) is left as it is, so keys and links outlive restarts.
 */
public final class LocalSecrets {
    private static final Pattern RESOLVE =
            Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{([^}]+)}:SecretString}}");
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSecrets() {}

    /**
     * @param given values to use for secrets that do not exist yet instead of generating them (the local runtime's
     *     signing key of before secrets per purpose, so links it made keep working)
     * @return every secret's logical id to its local name (its logical id: what {@code !Ref} is locally)
     */
    public static Map<String, String> create(
            SamTemplate template, EmbeddedSecretsManager secrets, Map<String, String> given) {
        Map<String, Map<String, Object>> all = template.secrets();
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : all.keySet()) {
            value(id, all, secrets, given, new HashSet<>());
            names.put(id, id);
        }
        return names;
    }

    private static String value(
            String id,
            Map<String, Map<String, Object>> all,
            EmbeddedSecretsManager secrets,
            Map<String, String> given,
            Set<String> seen) {
        String existing = secrets.current(id);
        if (existing != null) return existing;
        if (!seen.add(id)) throw new IllegalStateException("Secrets refer to each other: " + seen);
        Map<String, Object> props = all.get(id);
        if (props == null) throw new IllegalStateException("No secret " + id + " in the template");
        String value;
        if (given.containsKey(id)) value = given.get(id);
        else if (props.containsKey("SecretString"))
            value = resolve(props.get("SecretString"), all, secrets, given, seen);
        else {
            Map<String, Object> generate = YamlMaps.map(props.get("GenerateSecretString"));
            Object length = generate.get("PasswordLength");
            String random = random(length == null ? 32 : Integer.parseInt(String.valueOf(length)));
            if (generate.containsKey("SecretStringTemplate")) {
                String json =
                        resolve(generate.get("SecretStringTemplate"), all, secrets, given, seen);
                try {
                    ObjectNode node = (ObjectNode) JSON.readTree(json);
                    node.put(String.valueOf(generate.get("GenerateStringKey")), random);
                    value = JSON.writeValueAsString(node);
                } catch (java.io.IOException | ClassCastException e) {
                    throw new IllegalStateException(id + "'s SecretStringTemplate is not JSON", e);
                }
            } else value = random;
        }
        secrets.createIfAbsent(id, value);
        return value;
    }

    private static String resolve(
            Object text,
            Map<String, Map<String, Object>> all,
            EmbeddedSecretsManager secrets,
            Map<String, String> given,
            Set<String> seen) {
        String s =
                text instanceof Map<?, ?> sub && sub.containsKey("Fn::Sub")
                        ? String.valueOf(sub.get("Fn::Sub"))
                        : String.valueOf(text);
        Matcher m = RESOLVE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find())
            m.appendReplacement(
                    out, Matcher.quoteReplacement(value(m.group(1), all, secrets, given, seen)));
        m.appendTail(out);
        if (out.indexOf("${") >= 0)
            throw new IllegalStateException("Only secrets' values are substituted locally: " + s);
        return out.toString();
    }

    private static String random(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++)
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return key.toString();
    }
}
