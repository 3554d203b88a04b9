package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The local Secrets Manager: what a rotation needs, what the functions read, and the template's secrets made locally. */
class EmbeddedSecretsManagerTest {
    @TempDir Path folder;

    @Test
    void aRotationsStepsMoveTheStagesAsInAws() {
        try (EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, null);
                SecretsManagerClient c = sm.client()) {
            sm.createIfAbsent("keys", "one");
            String first =
                    c.describeSecret(r -> r.secretId("keys"))
                            .versionIdsToStages()
                            .keySet()
                            .iterator()
                            .next();
            // createSecret: a new version under AWSPENDING, the current one untouched.
            c.putSecretValue(
                    r ->
                            r.secretId("keys")
                                    .clientRequestToken("v2-token-0123456789abcdefghijkl")
                                    .secretString("two")
                                    .versionStages("AWSPENDING"));
            assertEquals("one", c.getSecretValue(r -> r.secretId("keys")).secretString());
            assertEquals(
                    "two",
                    c.getSecretValue(r -> r.secretId("keys").versionStage("AWSPENDING"))
                            .secretString());
            // finishSecret: AWSCURRENT moves to the new version; the old one becomes AWSPREVIOUS.
            c.updateSecretVersionStage(
                    r ->
                            r.secretId("keys")
                                    .versionStage("AWSCURRENT")
                                    .moveToVersionId("v2-token-0123456789abcdefghijkl")
                                    .removeFromVersionId(first));
            assertEquals("two", c.getSecretValue(r -> r.secretId("keys")).secretString());
            assertEquals(
                    "one",
                    c.getSecretValue(r -> r.secretId("keys").versionStage("AWSPREVIOUS"))
                            .secretString());
            Map<String, List<String>> stages =
                    c.describeSecret(r -> r.secretId("keys")).versionIdsToStages();
            assertTrue(
                    stages.get("v2-token-0123456789abcdefghijkl").contains("AWSCURRENT"),
                    "" + stages);
            assertEquals(List.of("AWSPREVIOUS"), stages.get(first));
            // By ARN as well as by name; an unknown secret is refused as AWS refuses it.
            assertEquals(
                    "two",
                    c.getSecretValue(r -> r.secretId(EmbeddedSecretsManager.arnOf("keys")))
                            .secretString());
            assertThrows(
                    ResourceNotFoundException.class,
                    () -> c.getSecretValue(r -> r.secretId("nope")));
        }
    }

    @Test
    void secretsOutliveARestartInTheDataFolderReadableByItsOwnerOnly() throws Exception {
        try (EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, folder)) {
            sm.createIfAbsent("keys", "kept");
        }
        try (EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, folder)) {
            assertEquals("kept", sm.current("keys"));
        }
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder.resolve("secrets.json"))));
    }

    @Test
    void theTemplatesSecretsAreMadeAsTheFirstDeployMakesThem() throws Exception {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        try (EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, null)) {
            LocalSecrets.create(template, sm);
            ObjectMapper json = new ObjectMapper();
            JsonNode referees = json.readTree(sm.current("RefereeLinksKeySecret"));
            assertEquals("k1", referees.path("current").asText());
            assertEquals(48, referees.path("k1").asText().length());
            JsonNode partners = json.readTree(sm.current("PartnerLinksKeySecret"));
            assertTrue(
                    !partners.path("k1").asText().equals(referees.path("k1").asText()),
                    "a key each");
            String panel = sm.current("PanelIdsKeySecret");
            assertEquals(48, panel.length());
            assertTrue(!panel.equals(sm.current("ReturnCodesKeySecret")), "a key each");
            assertEquals(48, sm.current("MonitoringKeySecret").length());
            // Made once: a second start of the runtime keeps them.
            String k1 = referees.path("k1").asText();
            LocalSecrets.create(template, sm);
            assertEquals(
                    k1, json.readTree(sm.current("RefereeLinksKeySecret")).path("k1").asText());
        }
    }

    /** A secret made from another (a dynamic reference) is refused, not stored with the reference as its text. */
    @Test
    void aSecretMadeFromAnotherIsRefused(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("template.yaml");
        Files.writeString(
                file,
                """
                Resources:
                  Made:
                    Type: AWS::SecretsManager::Secret
                    Properties:
                      SecretString: '{{resolve:secretsmanager:Other:SecretString}}'
                """);
        try (EmbeddedSecretsManager sm = EmbeddedSecretsManager.start(0, null)) {
            assertThrows(
                    IllegalStateException.class,
                    () -> LocalSecrets.create(SamTemplate.load(file), sm));
            assertEquals(null, sm.current("Made"));
        }
    }
}
