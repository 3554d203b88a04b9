package org.involve.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.InMemoryMonitoring;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Field;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class MonitoringFormTest {
    private final List<MonitoringResponse> stored = new ArrayList<>();
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length-for-hmac");
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final InMemoryRoles roles = new InMemoryRoles();
    private final MonitoringForm form =
            new MonitoringForm(
                    r -> {
                        if (stored.stream().anyMatch(s -> s.answerKey().equals(r.answerKey())))
                            return MonitoringStore.Outcome.ALREADY_RECORDED;
                        stored.add(r);
                        return MonitoringStore.Outcome.RECORDED;
                    },
                    tokens,
                    keys,
                    roles);

    MonitoringFormTest() {
        role("role-a", RoleStatus.OPEN);
    }

    private void role(String id, RoleStatus status) {
        roles.save(
                TestRoles.withId(TestRoles.dayRate(LocalDate.of(2026, 10, 1)), id)
                        .withStatus(status));
    }

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

    /** Voluntary: any question, or all of them, may be left out; only an answer not offered is refused. */
    @Test
    void everyQuestionMayBeSkippedButAnAnswerNotOfferedIsRefused() {
        for (Field f : MonitoringQuestions.section().fields())
            assertFalse(f.required(), f.name() + " must be optional");
        String token = tokens.forApplication("role-a", "INV-AAAA-0009");
        var made = new HashMap<String, String>();
        made.put("ageBand", "made-up");
        var refused = form.submit(token, "role-a", made);
        assertInstanceOf(MonitoringForm.Result.Invalid.class, refused);
        assertEquals(
                java.util.Set.of("ageBand"),
                ((MonitoringForm.Result.Invalid) refused).errors().asMap().keySet());
        assertInstanceOf(
                MonitoringForm.Result.Recorded.class, form.submit(token, "role-a", Map.of()));
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).answers().values().stream().allMatch(String::isEmpty));
    }

    @Test
    void answersAreRecordedUnderTheKeyOfTheApplicationOnlyOnce() {
        String token = tokens.forApplication("role-a", "INV-AAAA-0001");
        assertInstanceOf(
                MonitoringForm.Result.Recorded.class,
                form.submit(token, "role-a", allPreferNotToSay()));
        assertInstanceOf(
                MonitoringForm.Result.AlreadyRecorded.class,
                form.submit(token, "role-a", allPreferNotToSay()));
        assertEquals(1, stored.size());
        assertEquals("role-a", stored.get(0).roleId());
        assertEquals(keys.forApplication("role-a", "INV-AAAA-0001"), stored.get(0).answerKey());
    }

    @Test
    void theKeyOfTheAnswersIsNeitherTheTokenNorTheReferenceAndNeedsTheMonitoringKey() {
        String token = tokens.forApplication("role-a", "INV-AAAA-0001");
        form.submit(token, "role-a", allPreferNotToSay());
        String key = stored.get(0).answerKey();
        assertFalse(key.contains(token) || token.contains(key));
        assertFalse(key.contains("INV-AAAA-0001"));
        MonitoringKey otherKey =
                new MonitoringKey("someone-else-holding-only-the-signing-key-000", tokens);
        assertFalse(key.equals(otherKey.forApplication("role-a", "INV-AAAA-0001")));
    }

    @Test
    void theLinkIsTheSameEachTimeAndDiffersBetweenApplicationsAndRoles() {
        String token = tokens.forApplication("role-a", "INV-AAAA-0001");
        assertEquals(token, tokens.forApplication("role-a", "INV-AAAA-0001"));
        assertTrue(tokens.valid(token, "role-a"));
        assertFalse(tokens.valid(token, "role-b"));
        assertFalse(token.equals(tokens.forApplication("role-a", "INV-AAAA-0002")));
        assertFalse(token.contains("INV-AAAA-0001"));
    }

    @Test
    void aMadeUpOrAlteredTokenIsRefused() {
        String token = tokens.forApplication("role-a", "INV-AAAA-0001");
        String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertInstanceOf(
                MonitoringForm.Result.UnknownLink.class,
                form.submit(altered, "role-a", allPreferNotToSay()));
        assertInstanceOf(
                MonitoringForm.Result.UnknownLink.class,
                form.submit("made-up", "role-a", allPreferNotToSay()));
        assertTrue(stored.isEmpty());
    }

    /** Issue 14 made every question voluntary: one left out is kept as skipped, the others as given. */
    @Test
    void anUnansweredQuestionIsKeptAsSkipped() {
        Map<String, String> answers = allPreferNotToSay();
        answers.remove("religion");
        assertInstanceOf(
                MonitoringForm.Result.Recorded.class,
                form.submit(tokens.forApplication("role-a", "INV-AAAA-0001"), "role-a", answers));
        assertEquals("", stored.get(0).answers().get("religion"));
        assertEquals(MonitoringQuestions.PREFER_NOT_TO_SAY, stored.get(0).answers().get("sex"));
    }

    @Test
    void anAnswerTheQuestionDoesNotOfferSaysWhichQuestion() {
        Map<String, String> answers = allPreferNotToSay();
        answers.put("religion", "made-up");
        var result =
                (MonitoringForm.Result.Invalid)
                        form.submit(
                                tokens.forApplication("role-a", "INV-AAAA-0001"),
                                "role-a",
                                answers);
        assertEquals(
                "Select your religion, or Prefer not to say",
                result.errors().asMap().get("religion"));
        assertFalse(result.errors().has("sex"));
    }

    /** While the round runs (open, or shortlisting) the form takes answers; once it is over, it has closed. */
    @Test
    void theFormClosesWhenTheRolesRoundIsOverFilledOrWithdrawn() {
        role("role-s", RoleStatus.SHORTLISTING);
        role("role-f", RoleStatus.FILLED);
        role("role-w", RoleStatus.WITHDRAWN);
        assertTrue(form.open("role-a"));
        assertTrue(form.open("role-s"));
        assertFalse(form.open("role-f"));
        assertFalse(form.open("role-w"));
        assertFalse(form.open("no-such-role"), "answers for no role would never have a clock");
        for (String roleId : List.of("role-f", "role-w", "no-such-role"))
            assertInstanceOf(
                    MonitoringForm.Result.Closed.class,
                    form.submit(
                            tokens.forApplication(roleId, "INV-AAAA-0001"),
                            roleId,
                            allPreferNotToSay()),
                    roleId);
        assertInstanceOf(
                MonitoringForm.Result.Recorded.class,
                form.submit(
                        tokens.forApplication("role-s", "INV-AAAA-0001"),
                        "role-s",
                        allPreferNotToSay()));
        assertEquals(1, stored.size(), "nothing kept for a closed role");
    }

    /** A closed form says so before anything else is checked: the answers posted do not matter. */
    @Test
    void aClosedFormIsToldEvenWhenTheAnswersWouldBeRefused() {
        role("role-f", RoleStatus.FILLED);
        Map<String, String> made = new HashMap<>(Map.of("ageBand", "made-up"));
        assertInstanceOf(
                MonitoringForm.Result.Closed.class,
                form.submit(tokens.forApplication("role-f", "INV-AAAA-0001"), "role-f", made));
        assertInstanceOf(
                MonitoringForm.Result.UnknownLink.class,
                form.submit("made-up", "role-f", made),
                "a link that is not ours is told as before");
    }

    /**
     * The store checks again in its write: a role filled (or whose answers the retention job deleted) between
     * showing the form and sending it is refused there, and the person is told the form has closed.
     */
    @Test
    void theStoresRefusalInTheWriteIsToldAsClosed() {
        InMemoryMonitoring monitoring = new InMemoryMonitoring(keys, roles);
        MonitoringForm checked = new MonitoringForm(monitoring, tokens, keys, roles);
        String token = tokens.forApplication("role-a", "INV-AAAA-0002");
        monitoring.deleteRole("role-a", LocalDate.of(2027, 10, 1));
        assertInstanceOf(
                MonitoringForm.Result.Closed.class,
                checked.submit(token, "role-a", allPreferNotToSay()));
        assertEquals(Map.of(), monitoring.forRole("role-a"));

        // The role filled a moment after the form read it: the write sees it as it is now.
        InMemoryRoles now = new InMemoryRoles();
        now.save(
                TestRoles.withId(TestRoles.dayRate(LocalDate.of(2026, 10, 1)), "role-a")
                        .withStatus(RoleStatus.FILLED));
        InMemoryMonitoring writes = new InMemoryMonitoring(keys, now);
        assertInstanceOf(
                MonitoringForm.Result.Closed.class,
                new MonitoringForm(writes, tokens, keys, roles)
                        .submit(token, "role-a", allPreferNotToSay()));
        assertEquals(Map.of(), writes.forRole("role-a"));
    }
}
