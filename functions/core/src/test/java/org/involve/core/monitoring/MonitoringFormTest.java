package org.involve.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryMonitoring;
import org.involve.core.fakes.MutableClock;
import org.involve.core.kit.Field;
import org.junit.jupiter.api.Test;

class MonitoringFormTest {
    private final InMemoryMonitoring monitoring = new InMemoryMonitoring();
    private final List<MonitoringResponse> stored = monitoring.stored;
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length");
    private final MonitoringForm form =
            new MonitoringForm(
                    monitoring, tokens, new MutableClock(Instant.parse("2025-01-10T10:00:00Z")));

    private static Map<String, String> allPreferNotToSay() {
        Map<String, String> m = new HashMap<>();
        MonitoringQuestions.section()
                .fields()
                .forEach(f -> m.put(f.name(), MonitoringQuestions.PREFER_NOT_TO_SAY));
        return m;
    }

    @Test
    void everyQuestionOffersPreferNotToSay() {
        for (Field f : MonitoringQuestions.section().fields()) {
            assertTrue(
                    f.options().stream().anyMatch(o -> o.label().equals("Prefer not to say")),
                    f.name());
        }
    }

    @Test
    void theQuestionsCoverEveryMonitoredCharacteristic() {
        assertEquals(
                List.of(
                        "ageBand",
                        "sex",
                        "genderSameAsBirth",
                        "sexualOrientation",
                        "ethnicGroup",
                        "religion",
                        "disability",
                        "caring",
                        "region"),
                MonitoringQuestions.section().fields().stream().map(Field::name).toList());
    }

    @Test
    void answersAreRecordedAgainstTheTokenOnlyOnce() {
        String token = tokens.issue("role-a");
        assertInstanceOf(
                MonitoringForm.Result.Recorded.class,
                form.submit(token, "role-a", allPreferNotToSay()));
        assertInstanceOf(
                MonitoringForm.Result.AlreadyRecorded.class,
                form.submit(token, "role-a", allPreferNotToSay()));
        assertEquals(1, stored.size());
        assertEquals("role-a", stored.get(0).roleId());
    }

    @Test
    void aMadeUpOrAlteredTokenIsRefused() {
        String token = tokens.issue("role-a");
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertInstanceOf(
                MonitoringForm.Result.UnknownLink.class,
                form.submit(altered, "role-a", allPreferNotToSay()));
        assertInstanceOf(
                MonitoringForm.Result.UnknownLink.class,
                form.submit("made-up", "role-a", allPreferNotToSay()));
        assertTrue(stored.isEmpty());
    }

    @Test
    void anUnansweredQuestionAsksForAnAnswerOrPreferNotToSay() {
        Map<String, String> answers = allPreferNotToSay();
        answers.remove("religion");
        var result =
                (MonitoringForm.Result.Invalid)
                        form.submit(tokens.issue("role-a"), "role-a", answers);
        assertEquals(
                "Select your religion, or Prefer not to say",
                result.errors().asMap().get("religion"));
        assertFalse(result.errors().has("sex"));
    }
}
