package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.dataprotection.Held;
import org.junit.jupiter.api.Test;

/** What staff are shown of what is held: everything but the equal opportunities answers' values. */
class DataProtectionPagesTest {

    @Test
    void equalOpportunitiesAnswersAreCountedButNeverShown() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("roleId", "scg");
        answers.put("answers.ageBand", "35-to-44");
        answers.put("answers.sex", "female");
        var rows =
                DataProtectionPages.Person.numbered(
                                new Held.Records(
                                        Held.Kind.MONITORING_ANSWERS,
                                        List.of(new Held.Entry(answers))))
                        .get(0)
                        .rows();
        String shown = rows.toString();
        assertTrue(!shown.contains("35-to-44") && !shown.contains("female"), shown);
        assertTrue(!shown.contains("ageBand"), "not even which questions: " + shown);
        assertTrue(shown.contains("scg"), shown);
        assertTrue(shown.contains("2 answers. They are not shown here"), shown);
    }

    @Test
    void otherRecordsAreShownFieldByField() {
        var rows =
                DataProtectionPages.Person.numbered(
                                new Held.Records(
                                        Held.Kind.APPLICATIONS,
                                        List.of(
                                                new Held.Entry(
                                                        Map.of(
                                                                "data.reference",
                                                                "INV-AAAA-BBBB")))))
                        .get(0)
                        .rows();
        assertEquals(1, rows.size());
        assertTrue(rows.toString().contains("INV-AAAA-BBBB"), rows.toString());
    }
}
