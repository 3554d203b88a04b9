package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.involve.core.kit.Email;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every e-mail to staff links, by an absolute address on the staff site, to a staff page that exists: a GET route
 * that template.yaml gives a function (RouteTableTest checks that function's handler answers it). The letters are
 * made by each area as it makes them (the StaffLetterSamples in core's tests), one test each.
 */
class StaffLetterLinksTest {
    private static final String STAFF_SITE = "https://staff.example.org";
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\">");

    /** Each staff letter and the page it must link to, by route. */
    private static final Map<String, String> EXPECTED =
            Map.ofEntries(
                    Map.entry("acknowledgementTask (telephone)", "/staff/applications/{reference}"),
                    Map.entry("acknowledgementTask (post)", "/staff/applications/{reference}"),
                    Map.entry("talkFirst", "/staff/applications/{reference}"),
                    Map.entry("appliedAgainTask", "/staff/applications/{reference}"),
                    Map.entry("supportRequest", "/staff/applications/support"),
                    Map.entry("acknowledgementDue", "/staff/applications/{reference}"),
                    Map.entry("overdue", "/staff/references/{roleId}/{reference}"),
                    Map.entry("readyToAppoint", "/staff/references/{roleId}/{reference}"),
                    Map.entry("reserveTask", "/staff/references/{roleId}/{reference}"),
                    Map.entry("outcomeTask", "/staff/outcomes/{roleId}"),
                    Map.entry("outcomesDue", "/staff/outcomes/{roleId}"),
                    Map.entry("bookingTask", "/staff/interviews/{roleId}"),
                    Map.entry("teamBooked", "/staff/interviews/{roleId}"),
                    Map.entry("reminderTask", "/staff/interviews/{roleId}"),
                    Map.entry("teamCancelled", "/staff/interviews/{roleId}"),
                    Map.entry("teamWithdrawn", "/staff/applications/{reference}"),
                    Map.entry("shortlistRecorded", "/staff/interviews/{roleId}"),
                    Map.entry("readyForScoring", "/staff/shortlisting/{roleId}"),
                    Map.entry("panelNeeded", "/staff/roles/{roleId}/panel"),
                    Map.entry("partnerChanged", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("panelScored", "/staff/shortlisting/{roleId}/results"),
                    Map.entry("belowMinimum", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("reviewTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("reviewChaseTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("partnerAnswered", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("endedTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("checkInTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("checkInChaseTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("checkInAnswered", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("exportReady", "/staff/finance/{exportId}"),
                    Map.entry("reviewDateTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("reviewDateChaseTeam", "/staff/partners/{roleId}/{reference}"),
                    Map.entry("reviewDateAnswered", "/staff/partners/{roleId}/{reference}"));

    static Stream<Arguments> letters() {
        Map<String, Email> all = new LinkedHashMap<>();
        all.putAll(org.involve.core.application.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.references.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.interviews.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.shortlisting.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.outcomes.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.partners.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.withdrawal.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.meetings.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.tenure.StaffLetterSamples.staffLetters());
        all.putAll(org.involve.core.payroll.StaffLetterSamples.staffLetters());
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void linksToTheStaffPageThatDoesWhatItAsks(String letter, Email email) {
        List<String> links = staffLinks(email);
        assertFalse(links.isEmpty(), letter + " has no link to the staff site: " + email.text());
        String expected = EXPECTED.get(letter);
        assertTrue(expected != null, letter + " is a staff letter this test does not know");
        boolean toExpected = false;
        for (String link : links) {
            String path = link.substring(STAFF_SITE.length());
            String route = getRoute(path);
            assertTrue(
                    route != null, letter + " links to " + path + ", which no staff page answers");
            assertTrue(email.text().contains("\n" + link), letter + ": the text part has " + link);
            toExpected |= route.equals(expected);
        }
        assertTrue(toExpected, letter + " should link to " + expected + "; links " + links);
    }

    @Test
    void everyStaffLetterIsChecked() {
        assertEquals(
                EXPECTED.keySet(),
                letters()
                        .map(a -> (String) a.get()[0])
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theCheckKnowsAPageFromAnAddressNoPageAnswers() {
        assertEquals(
                "/staff/applications/{reference}", getRoute("/staff/applications/INV-2222-3333"));
        assertEquals(null, getRoute("/staff/applications/INV-2222-3333/nothing-here"));
        assertEquals(null, getRoute("/staff/no-such-area"), "the catch-all page is not a page");
    }

    private static List<String> staffLinks(Email email) {
        Matcher m = HREF.matcher(email.html());
        List<String> links = new java.util.ArrayList<>();
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            if (href.startsWith(STAFF_SITE + "/")) links.add(href);
        }
        return links;
    }

    /** The GET route template.yaml gives for a staff address, or null; never the "page not found" catch-all. */
    private static String getRoute(String path) {
        for (var routes : RouteTableTest.templateRoutes().values())
            for (String key : routes) {
                if (!key.startsWith("GET /staff") || key.contains("{proxy+}")) continue;
                String template = key.substring("GET ".length());
                String regex =
                        Pattern.quote(template).replaceAll("\\{[A-Za-z]+\\}", "\\\\E[^/]+\\\\Q");
                if (path.matches(regex)) return template;
            }
        return null;
    }
}
