package org.involve.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Eligibility;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Field;
import org.involve.core.kit.Section;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/**
 * A form filled to every question's limit is accepted however the answers are written: a character outside ASCII
 * takes up to 12 bytes once form-encoded, so the size refused must allow for that, not for plain letters.
 */
class FormSizeTest {
    /** A 4-byte character in UTF-8 (12 bytes form-encoded), the most any character can cost. */
    private static final String WIDEST = "\uD83D\uDE00";

    /** A role with a dozen criteria, each answered in the criteria section. */
    private static Role roleWithManyCriteria() {
        Role r = TestRoles.dayRate(LocalDate.of(2030, 1, 20));
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < 12; i++)
            criteria.add(new Criterion("criterion-" + i, "Criterion " + i, i % 2 == 0));
        return new Role(
                r.id(),
                r.title(),
                r.programme(),
                r.organisation(),
                r.summary(),
                r.whatTheRoleDoes(),
                r.whoWeAreLookingFor(),
                r.places(),
                r.placesNote(),
                r.priorityPlaces(),
                r.priorityCommunities(),
                criteria,
                r.closingDate(),
                r.interviewWeekCommencing(),
                r.interviewFormat(),
                r.referencesRequired(),
                r.acknowledgementDays(),
                r.commitment(),
                r.tenure(),
                r.payment(),
                r.eligibility(),
                r.contact(),
                r.status());
    }

    /**
     * Every question of the whole application at once (as staff entering one send it, the largest form there is),
     * each written answer at its limit in the widest characters: twice what the limit allows, as the limit counts a
     * 4-byte character as two.
     */
    private static Map<String, String> everyAnswerAtItsLimit(Role role) {
        Map<String, String> answers = new HashMap<>(Answers.valid(role));
        Eligibility.TALK_FIRST.forEach(q -> answers.put(q, "yes"));
        Map<String, String> posted = new LinkedHashMap<>();
        for (Section s : new ApplicationForm(role).sections(answers))
            for (Field f : s.fields())
                switch (f.kind()) {
                    case CHECKBOXES -> f.options().forEach(o -> posted.put(o.value(), "yes"));
                    case RADIOS, AGREE -> posted.put(f.name(), f.options().get(0).value());
                    case NUMBER -> posted.put(f.name(), "999");
                    default -> posted.put(f.name(), WIDEST.repeat(f.maxLength()));
                }
        return posted;
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static WebRequest post(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        event.setBody(body);
        return new WebRequest(event);
    }

    @Test
    void theWholeApplicationWithEveryAnswerAtItsLimitInMultiByteCharactersIsAccepted() {
        Map<String, String> form = everyAnswerAtItsLimit(roleWithManyCriteria());
        String body = encoded(form);
        assertTrue(
                body.length() * 2 <= WebRequest.MAXIMUM_BODY_BYTES,
                "with room to spare: " + body.length() + " bytes");
        assertEquals(form, post(body).form());
    }

    /** What the testers saw refused: five 1,500-character answers of dashes on one page. */
    @Test
    void fiveLongAnswersOfDashesAreAccepted() {
        Map<String, String> form = new LinkedHashMap<>();
        IntStream.range(0, 5).forEach(i -> form.put("answer" + i, "\u2014".repeat(1500)));
        assertEquals(form, post(encoded(form)).form());
    }

    @Test
    void aBodyOverTheLimitIsStillRefused() {
        String body = "a=" + "b".repeat(WebRequest.MAXIMUM_BODY_BYTES);
        assertEquals(413, assertThrows(BadRequest.class, () -> post(body).form()).status());
    }
}
