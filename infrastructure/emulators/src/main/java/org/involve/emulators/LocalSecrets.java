package org.involve.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the template's secrets in the local Secrets Manager as CloudFormation would when the stack is created: a
 * {@code GenerateSecretString} gets random letters and digits (put under {@code GenerateStringKey} of its
 * {@code SecretStringTemplate} when it has one), a {@code SecretString} is taken as it is. Every key is its own random
 * value, so a dynamic reference to another secret is refused rather than copied as text. A secret that exists already
 * (the data folder's) is left as it is, so keys and links outlive restarts.
 */
public final class LocalSecrets {
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSecrets() {}

    /** @return every secret's logical id to its local name (its logical id: what {@code !Ref} is locally) */
    public static Map<String, String> create(SamTemplate template, EmbeddedSecretsManager secrets) {
        Map<String, String> names = new LinkedHashMap<>();
        for (var secret : template.secrets().entrySet()) {
            String id = secret.getKey();
            if (secrets.current(id) == null)
                secrets.createIfAbsent(id, value(id, secret.getValue()));
            names.put(id, id);
        }
        return names;
    }

    private static String value(String id, Map<String, Object> props) {
        if (String.valueOf(props).contains("{{resolve:"))
            throw new IllegalStateException(
                    id + " is made from another secret; locally each secret is its own value");
        if (props.containsKey("SecretString")) return String.valueOf(props.get("SecretString"));
        Map<String, Object> generate = YamlMaps.map(props.get("GenerateSecretString"));
        Object length = generate.get("PasswordLength");
        String random = random(length == null ? 32 : Integer.parseInt(String.valueOf(length)));
        if (!generate.containsKey("SecretStringTemplate")) return random;
        try {
            ObjectNode node =
                    (ObjectNode)
                            JSON.readTree(String.valueOf(generate.get("SecretStringTemplate")));
            node.put(String.valueOf(generate.get("GenerateStringKey")), random);
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException(id + "'s SecretStringTemplate is not JSON", e);
        }
    }

    private static String random(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++)
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return key.toString();
    }
}
