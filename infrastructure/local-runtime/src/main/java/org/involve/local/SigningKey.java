package org.involve.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The local stand-in for the template's TokenSigningSecret (the key of before keys per purpose, which seeds their
 * "legacy" keys): 48 random letters and digits (as its
 * GenerateSecretString asks), made once and kept in the data folder so tokens stay valid across restarts.
 */
final class SigningKey {
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 48;

    private SigningKey() {}

    static String in(Path dataDirectory) {
        Path file = dataDirectory.resolve("signing-key");
        try {
            if (Files.isRegularFile(file))
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            Files.createDirectories(dataDirectory);
            String key = generate();
            Files.writeString(file, key, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++)
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return key.toString();
    }
}
