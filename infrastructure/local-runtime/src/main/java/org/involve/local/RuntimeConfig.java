package org.involve.local;

import java.nio.file.Path;
import org.involve.emulators.SamTemplate;

/**
 * Where the local runtime listens and keeps its data. Each setting is read from a system property or an
 * environment variable of the same name: INVOLVE_PORT (3000), INVOLVE_DYNAMODB_PORT (8000), INVOLVE_SQS_PORT (9324),
 * INVOLVE_SES_PORT (8005), INVOLVE_S3_PORT (8006), INVOLVE_DATA_DIR (.local-data in the repository root). Port 0 picks a free port.
 */
record RuntimeConfig(
        SamTemplate template,
        Path dataDirectory,
        int httpPort,
        int dynamoDbPort,
        int sqsPort,
        int sesPort,
        int s3Port) {

    static RuntimeConfig fromEnvironment() {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        Path root = template.repositoryRoot();
        return new RuntimeConfig(
                template,
                root.resolve(setting("INVOLVE_DATA_DIR", ".local-data"))
                        .toAbsolutePath()
                        .normalize(),
                port("INVOLVE_PORT", 3000),
                port("INVOLVE_DYNAMODB_PORT", 8000),
                port("INVOLVE_SQS_PORT", 9324),
                port("INVOLVE_SES_PORT", 8005),
                port("INVOLVE_S3_PORT", 8006));
    }

    Path repositoryRoot() {
        return template.repositoryRoot();
    }

    private static int port(String name, int fallback) {
        String value = setting(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a port number, not '" + value + "'");
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
