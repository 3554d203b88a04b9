package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/** Which credentials provider the SDK clients get, from which environment. */
class AwsClientsCredentialsTest {
    private static final Map<String, String> LAMBDA =
            Map.of(
                    "AWS_ACCESS_KEY_ID", "ASIAEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret",
                    "AWS_SESSION_TOKEN", "token");

    private static Optional<AwsCredentialsProvider> chosen(
            Map<String, String> environment, Map<String, String> properties) {
        UnaryOperator<String> env = environment::get, props = properties::get;
        return AwsClients.credentials(env, props);
    }

    @Test
    void inLambdaTheEnvironmentAlone() {
        assertInstanceOf(
                EnvironmentVariableCredentialsProvider.class,
                chosen(LAMBDA, Map.of()).orElseThrow());
    }

    @Test
    void withoutASessionTokenStillTheEnvironment() {
        var keys = Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret");
        assertInstanceOf(
                EnvironmentVariableCredentialsProvider.class, chosen(keys, Map.of()).orElseThrow());
    }

    @Test
    void withoutCredentialsInTheEnvironmentTheDefaultChain() {
        assertEquals(Optional.empty(), chosen(Map.of(), Map.of()));
        assertEquals(
                Optional.empty(), chosen(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), Map.of()));
        assertEquals(
                Optional.empty(),
                chosen(
                        Map.of("AWS_ACCESS_KEY_ID", " ", "AWS_SECRET_ACCESS_KEY", "secret"),
                        Map.of()));
        assertEquals(Optional.empty(), chosen(Map.of("AWS_PROFILE", "dev"), Map.of()));
    }

    /**
     * With SnapStart (every function in the template) Lambda gives no keys in the environment but a container
     * credentials endpoint, which only the default chain reads (and a snapshot must not hold keys read at init).
     */
    @Test
    void withSnapStartTheDefaultChainThatReadsTheContainerEndpoint() {
        var snapStart =
                Map.of(
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                "http://127.0.0.1:9001/2021-04-23/credentials",
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token");
        assertEquals(Optional.empty(), chosen(snapStart, Map.of()));
    }

    /** The default chain reads the system properties first: where they are set, it finds what it found before. */
    @Test
    void systemPropertiesKeepTheDefaultChainThatReadsThemFirst() {
        assertEquals(
                Optional.empty(),
                chosen(LAMBDA, Map.of("aws.accessKeyId", "local", "aws.secretAccessKey", "local")));
    }
}
