package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.involve.core.links.KeyPurpose;
import org.junit.jupiter.api.Test;

/**
 * A signing key per purpose in template.yaml (issue 12, item 5): a secret each, read at run time, and each function may
 * read only the secrets of the purposes it is given (FunctionEnvironmentTest proves it is given exactly those its beans
 * use). The holders of each purpose's key are listed here, so a key that starts leaking to another function shows.
 */
class SigningKeysTemplateTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources() {
        return (Map<String, Object>) TemplateTest.template().get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(String id) {
        return (Map<String, Object>) ((Map<String, Object>) resources().get(id)).get("Properties");
    }

    private static List<String> functions() {
        return resources().entrySet().stream()
                .filter(
                        e ->
                                "AWS::Serverless::Function"
                                        .equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The purposes a function is given, by its *_KEY_SECRET variables (each must name its purpose's secret). */
    @SuppressWarnings("unchecked")
    private static Set<KeyPurpose> purposesOf(String fn) {
        Set<KeyPurpose> purposes = new HashSet<>();
        Map<String, Object> env = (Map<String, Object>) props(fn).get("Environment");
        if (env == null) return purposes;
        Map<String, Object> variables = (Map<String, Object>) env.get("Variables");
        for (KeyPurpose p : KeyPurpose.values()) {
            Object value = variables.get(p.setting());
            if (value == null) continue;
            assertEquals(Map.of("Ref", p.secret()), value, fn + "'s " + p.setting());
            purposes.add(p);
        }
        for (String name : variables.keySet())
            if (name.endsWith("_KEY_SECRET"))
                assertTrue(
                        purposes.stream().anyMatch(p -> p.setting().equals(name)),
                        fn + " has " + name + ", which is no purpose's");
        return purposes;
    }

    @Test
    void eachPurposeHasASecretOfItsOwn() {
        Set<String> secrets = new HashSet<>();
        for (KeyPurpose p : KeyPurpose.values()) {
            assertEquals(
                    "AWS::SecretsManager::Secret",
                    ((Map<?, ?>) resources().get(p.secret())).get("Type"),
                    p.secret());
            assertTrue(secrets.add(p.secret()), p + " shares its secret");
        }
    }

    /**
     * Every purpose's key is its own random value, made by Secrets Manager when the stack is created: none is worked
     * out from another secret (a dynamic reference), so one purpose's key tells nothing of another's. A rotating
     * purpose starts with the key "k1" current; a derivation key is one plain value.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyPurposeHasItsOwnRandomKey() {
        for (KeyPurpose p : KeyPurpose.values()) {
            Map<String, Object> props = props(p.secret());
            assertFalse(props.containsKey("SecretString"), p + " has a fixed value");
            assertFalse(String.valueOf(props).contains("resolve:"), p + " is made from another");
            Map<String, Object> generate = (Map<String, Object>) props.get("GenerateSecretString");
            assertTrue(((Number) generate.get("PasswordLength")).intValue() >= 32, p.secret());
            if (p.rotates()) {
                assertEquals("k1", generate.get("GenerateStringKey"), p.secret());
                assertEquals("{\"current\":\"k1\"}", generate.get("SecretStringTemplate"));
            } else {
                assertFalse(generate.containsKey("SecretStringTemplate"), p.secret());
            }
        }
    }

    /** Each function may read exactly the secrets of the purposes it is given, and only read them. */
    @Test
    void everyFunctionReadsOnlyTheSecretsOfItsPurposes() {
        List<String> problems = new ArrayList<>();
        for (String fn : functions()) {
            if (fn.equals(ROTATION)) continue; // below
            Set<String> expected = new TreeSet<>();
            for (KeyPurpose p : purposesOf(fn)) expected.add("{Ref=" + p.secret() + "}");
            Set<String> readable = new TreeSet<>();
            for (TemplateTest.Grant g :
                    TemplateTest.grantsOf(
                            fn, (List<?>) props(fn).getOrDefault("Policies", List.of()))) {
                if (!g.allowsAnyOf("secretsmanager") && !g.allows("secretsmanager:GetSecretValue"))
                    continue;
                if (!g.actions().equals(List.of("secretsmanager:GetSecretValue")))
                    problems.add(fn + " " + g.sid() + " allows " + g.actions());
                for (String r : g.resources())
                    if (r.contains("*")) problems.add(fn + " " + g.sid() + " on " + r);
                readable.addAll(g.resources());
            }
            if (!expected.equals(readable))
                problems.add(fn + " reads " + readable + ", given " + expected);
        }
        assertEquals(List.of(), problems);
    }

    private static final String ROTATION = "KeyRotationFunction";

    /**
     * Only the link keys rotate, by the rotation function, which alone may change a secret, and only those four; the
     * derivation keys have no schedule (they must never change).
     */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheLinkKeysRotateAndOnlyTheRotationFunctionChangesThem() {
        Set<String> linkSecrets = new TreeSet<>();
        for (KeyPurpose p : KeyPurpose.values())
            if (p.rotates()) linkSecrets.add("{Ref=" + p.secret() + "}");
        Set<String> rotated = new TreeSet<>();
        for (var e : resources().entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            if (!"AWS::SecretsManager::RotationSchedule".equals(r.get("Type"))) continue;
            Map<String, Object> p = (Map<String, Object>) r.get("Properties");
            rotated.add(String.valueOf(p.get("SecretId")));
            assertEquals(
                    Map.of("Fn::GetAtt", ROTATION + ".Arn"),
                    p.get("RotationLambdaARN"),
                    e.getKey());
            int days =
                    ((Number)
                                    ((Map<String, Object>) p.get("RotationRules"))
                                            .get("AutomaticallyAfterDays"))
                            .intValue();
            assertTrue(days >= 30 && days <= 180, e.getKey() + " every " + days + " days");
        }
        assertEquals(linkSecrets, rotated);

        for (String fn : functions()) {
            for (TemplateTest.Grant g :
                    TemplateTest.grantsOf(
                            fn, (List<?>) props(fn).getOrDefault("Policies", List.of()))) {
                boolean changes =
                        g.allows("secretsmanager:PutSecretValue")
                                || g.allows("secretsmanager:UpdateSecretVersionStage");
                if (!fn.equals(ROTATION)) {
                    assertFalse(changes, fn + " may change a secret");
                    continue;
                }
                assertEquals(linkSecrets, new TreeSet<>(g.resources()), g.sid());
                assertFalse(g.allows("secretsmanager:DeleteSecret"));
            }
        }
        assertEquals(Set.of(), purposesOf(ROTATION), "it signs nothing");
    }

    /**
     * Who holds each purpose's keys. A function added to a list here must sign or check that purpose's tokens; a
     * referee's link can be made only where referees are written to, a partner's only where partners are.
     */
    @Test
    void eachPurposesKeysAreHeldOnlyWhereThatPurposesTokensAreMadeOrChecked() {
        Map<KeyPurpose, Set<String>> holders = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose p : KeyPurpose.values()) holders.put(p, new TreeSet<>());
        for (String fn : functions()) for (KeyPurpose p : purposesOf(fn)) holders.get(p).add(fn);

        assertEquals(
                Set.of(
                        "StaffReferencesFunction",
                        "RefereeFormFunction",
                        "ReferenceReminderFunction"),
                holders.get(KeyPurpose.REFEREE_LINKS));
        assertEquals(
                Set.of(
                        "StaffInterviewsFunction",
                        "InterviewBookingFunction",
                        "InterviewReminderFunction"),
                holders.get(KeyPurpose.INTERVIEW_LINKS));
        assertEquals(
                Set.of(
                        "PublicSiteFunction",
                        "StaffApplicationsFunction",
                        "StaffInterviewsFunction",
                        "InterviewBookingFunction",
                        "InterviewReminderFunction",
                        "WithdrawalFunction"),
                holders.get(KeyPurpose.APPLICANT_LINKS));
        assertEquals(Set.of("PublicSiteFunction"), holders.get(KeyPurpose.RETURN_CODES));
        assertEquals(
                Set.of(
                        "ClosingJobFunction",
                        "StaffShortlistFunction",
                        "RetentionJobFunction",
                        "StaffDataProtectionFunction"),
                holders.get(KeyPurpose.PANEL_IDS));
        assertEquals(
                Set.of(
                        "PublicSiteFunction",
                        "StaffApplicationsFunction",
                        "MonitoringFormFunction",
                        "StaffMonitoringEntryFunction",
                        "StaffEqualityFunction",
                        "StaffDataProtectionFunction"),
                holders.get(KeyPurpose.MONITORING_LINKS));
        assertEquals(
                Set.of(
                        "MonitoringFormFunction",
                        "StaffMonitoringEntryFunction",
                        "StaffEqualityFunction",
                        "StaffDataProtectionFunction"),
                holders.get(KeyPurpose.MONITORING_ANSWERS));
        // Partners' links go out in every letter to a partner: many staff functions, never an
        // applicant's or a
        // referee's page, the panel or the public site.
        Set<String> partners = holders.get(KeyPurpose.PARTNER_LINKS);
        assertTrue(partners.contains("YourInvolvementFunction"));
        for (String never :
                List.of(
                        "PublicSiteFunction",
                        "RefereeFormFunction",
                        "InterviewBookingFunction",
                        "WithdrawalFunction",
                        "MonitoringFormFunction",
                        "StaffShortlistingFunction")) assertFalse(partners.contains(never), never);
        // The panel holds no key at all.
        assertEquals(Set.of(), purposesOf("StaffShortlistingFunction"));
    }
}
