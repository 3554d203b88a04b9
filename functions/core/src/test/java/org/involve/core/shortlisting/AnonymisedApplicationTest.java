package org.involve.core.shortlisting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class AnonymisedApplicationTest {
    private final Role role = TestRoles.monthly(LocalDate.of(2025, 1, 20));
    private final AnonymousIds ids = new AnonymousIds("a-test-anonymous-id-key-of-enough-length");
    private final Instant submitted = Instant.parse("2025-01-10T10:00:00Z");

    /** Every answer a person could be known by, each a value that appears nowhere else. */
    private static final Map<String, String> PERSONAL =
            Map.ofEntries(
                    Map.entry(ApplicationForm.FULL_NAME, "Quenby Zellweger-Ostrander"),
                    Map.entry(ApplicationForm.EMAIL, "quenby.z@example.org"),
                    Map.entry(ApplicationForm.PHONE, "07700 900461"),
                    Map.entry(ApplicationForm.ADDRESS_LINE_1, "14 Ficticious Mews"),
                    Map.entry("addressLine2", "Upper Floor Bluebell"),
                    Map.entry(ApplicationForm.TOWN, "Exampleborough"),
                    Map.entry(ApplicationForm.POSTCODE, "ZE2 9QX"),
                    Map.entry(ApplicationForm.CONTACT_METHOD, "telephone"),
                    Map.entry("supportNeeds", "SUPPORT-NEEDS-SENTINEL"),
                    Map.entry("adjustments", "ADJUSTMENTS-SENTINEL"),
                    Map.entry("otherFormat", "OTHER-FORMAT-SENTINEL"),
                    Map.entry(ApplicationForm.RECEIVES_BENEFITS, "prefer-not-to-say"),
                    Map.entry(ApplicationForm.ACCEPTS_PAYMENT, "decline"),
                    Map.entry(ApplicationForm.PAID_ROLES_HELD, "2"));

    private Application filled() {
        Map<String, String> answers = new HashMap<>(PERSONAL);
        answers.put(ApplicationForm.DISABILITY_CONFIDENT, "yes");
        answers.put("networks", "A carers' network");
        answers.put("priorityConnection", "I volunteer with an LGBT+ group.");
        return TestApplications.submitted(role, "INV-7K3M-Q9P2", submitted, answers);
    }

    @Test
    void aFullyFilledApplicationShowsThePanelNoneOfThePersonalValues() {
        Application app = filled();
        AnonymisedApplication seen = AnonymisedApplication.of(role, app, ids);
        List<String> strings = strings(seen);
        List<String> forbidden = new ArrayList<>(PERSONAL.values());
        forbidden.addAll(List.of(app.reference(), app.applicantKey(), "07700900461", "ZE29QX"));
        forbidden.addAll(List.of("Quenby", "Zellweger", "Ostrander"));
        for (String s : strings)
            for (String personal : forbidden)
                assertFalse(
                        s.toLowerCase().contains(personal.toLowerCase()),
                        () -> "The panel would see \"" + personal + "\" in \"" + s + "\"");
        assertTrue(
                strings.contains("A carers' network"), "the projection still carries the answers");
    }

    @Test
    void thePanelSeesOnlyTheAllowedAnswers() {
        List<String> components =
                Arrays.stream(AnonymisedApplication.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList();
        assertEquals(
                List.of(
                        "applicantId",
                        "roleId",
                        "criterionAnswers",
                        "livedExperience",
                        "networks",
                        "interestAreas",
                        "priorityConnection",
                        "guaranteedInterviewIfMeetsEssentials"),
                components);
        assertEquals(
                List.of("criterionId", "statement", "essential", "answer"),
                Arrays.stream(AnonymisedApplication.CriterionAnswer.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }

    @Test
    void disabilityConfidentIsShownOnlyAsTheInterviewGuarantee() {
        assertTrue(
                AnonymisedApplication.of(role, filled(), ids)
                        .guaranteedInterviewIfMeetsEssentials());
        Application no =
                TestApplications.submitted(
                        role,
                        "INV-2222-3333",
                        submitted,
                        Map.of(ApplicationForm.DISABILITY_CONFIDENT, "no"));
        assertFalse(AnonymisedApplication.of(role, no, ids).guaranteedInterviewIfMeetsEssentials());
    }

    @Test
    void thePanelsIdIsNotTheReferenceButIsTheSameEachTime() {
        Application app = filled();
        String id = AnonymisedApplication.of(role, app, ids).applicantId();
        assertFalse(id.contains(app.reference()));
        assertEquals(id, AnonymisedApplication.of(role, app, ids).applicantId());
        assertEquals(
                id,
                ids.of(role.id(), app.reference()),
                "staff, holding the key, can match the shortlist to applications");
        assertNotEquals(
                id,
                new AnonymousIds("another-anonymous-id-key-of-enough-len")
                        .of(role.id(), app.reference()));
    }

    @Test
    void eachCriterionCarriesItsStatementAndTheAnswerInTheRolesOrder() {
        Role twoCriteria = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
        Application app =
                TestApplications.submitted(
                        twoCriteria,
                        "INV-4444-5555",
                        submitted,
                        Map.of(
                                "criterion-research",
                                "I joined a trial steering group.",
                                "criterion-speaking",
                                "I chair a residents' meeting."));
        var answers = AnonymisedApplication.of(twoCriteria, app, ids).criterionAnswers();
        assertEquals(
                List.of("research", "speaking"),
                answers.stream().map(AnonymisedApplication.CriterionAnswer::criterionId).toList());
        assertEquals("I joined a trial steering group.", answers.get(0).answer());
        assertTrue(answers.get(0).essential());
        assertFalse(answers.get(1).essential());
        assertEquals("Interest in research", answers.get(0).statement());
    }

    @Test
    void anApplicantWhoSignsAnAnswerHasTheirNameAndContactDetailsRemoved() {
        Application app =
                TestApplications.submitted(
                        role,
                        "INV-6666-7777",
                        submitted,
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "Jo Testperson",
                                "livedExperience",
                                "I care for my dad. Call me on +44 (0)7700-900-982 or email JO.TESTPERSON@example.org. Thanks, Jo Testperson (LS1 4AP)",
                                "interestAreas",
                                "Ask Jo about carers; TESTPERSON family story."));
        AnonymisedApplication seen = AnonymisedApplication.of(role, app, ids);
        assertEquals(
                "I care for my dad. Call me on [phone number removed] or email [email address removed]. Thanks, [name removed] ([postcode removed])",
                seen.livedExperience());
        assertEquals(
                "Ask [name removed] about carers; [name removed] family story.",
                seen.interestAreas());
    }

    @Test
    void refereesDetailsNeverReachThePanelEvenWhenTheApplicantNamesThem() {
        Application app =
                TestApplications.submitted(
                        role,
                        "INV-6666-8888",
                        submitted,
                        Map.of(
                                "referee1Name",
                                "Marguerite Okonkwo-Blythe",
                                "referee1Email",
                                "mob@example.org",
                                "referee1Phone",
                                "01632 960 777",
                                "referee1Relationship",
                                "RELATIONSHIP-SENTINEL",
                                "referee1KnownFor",
                                "KNOWN-FOR-SENTINEL",
                                "livedExperience",
                                "Marguerite Okonkwo-Blythe (mob@example.org, 01632 960777) has seen my work; ask Marguerite."));
        List<String> strings = strings(AnonymisedApplication.of(role, app, ids));
        for (String s : strings)
            for (String personal :
                    List.of(
                            "Marguerite",
                            "Okonkwo",
                            "Blythe",
                            "mob@example.org",
                            "960777",
                            "960 777",
                            "SENTINEL",
                            "Refereeone",
                            "Refereetwo"))
                assertFalse(
                        s.contains(personal),
                        () -> "The panel would see \"" + personal + "\" in \"" + s + "\"");
        assertEquals(
                "[name removed] ([email address removed], [phone number removed]) has seen my work; ask [name removed].",
                AnonymisedApplication.of(role, app, ids).livedExperience());
    }

    @Test
    void someoneElsesContactDetailsInAnyAnswerAreRemovedToo() {
        Application app =
                TestApplications.submitted(
                        role,
                        "INV-6666-9999",
                        submitted,
                        Map.of(
                                "criterion-lived",
                                "My carer, on 0161-496-0000, knows my story.",
                                "networks",
                                "The group at www.example.org (@carersgroup), M1 1AE.",
                                "interestAreas",
                                "Ask someone@example.co.uk."));
        AnonymisedApplication seen = AnonymisedApplication.of(role, app, ids);
        assertEquals(
                "My carer, on [phone number removed], knows my story.",
                seen.criterionAnswers().get(0).answer());
        assertEquals(
                "The group at [web address removed] ([social media handle removed]), [postcode removed].",
                seen.networks());
        assertEquals("Ask [email address removed].", seen.interestAreas());
    }

    @Test
    void aNameThatIsAlsoAnEverydayWordIsRemovedOnlyWhereItIsUsedAsAName() {
        Application app =
                TestApplications.submitted(
                        role,
                        "INV-8888-9999",
                        submitted,
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "Will Example",
                                "livedExperience",
                                "I will always speak up. Will is what friends call me."));
        assertEquals(
                "I will always speak up. [name removed] is what friends call me.",
                AnonymisedApplication.of(role, app, ids).livedExperience());
    }

    @Test
    void priorityConnectionIsShownOnlyForARoleThatSeeksPriorityCommunities() {
        assertTrue(AnonymisedApplication.of(role, filled(), ids).hasPriorityConnection());
        Role none = TestRoles.unpaid(LocalDate.of(2025, 1, 20));
        Application app =
                TestApplications.submitted(
                        none,
                        "INV-BBBB-CCCC",
                        submitted,
                        Map.of("priorityConnection", "Something"));
        assertFalse(AnonymisedApplication.of(none, app, ids).hasPriorityConnection());
    }

    @Test
    void anApplicationForAnotherRoleIsRefused() {
        Role other = TestRoles.unpaid(LocalDate.of(2025, 1, 20));
        assertThrows(
                IllegalArgumentException.class,
                () -> AnonymisedApplication.of(other, filled(), ids));
    }

    /** Every String reachable from a record, through nested records and collections. */
    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        collect(o, out);
        return out;
    }

    private static void collect(Object o, List<String> out) {
        if (o == null) return;
        if (o instanceof String s) out.add(s);
        else if (o instanceof Collection<?> c) c.forEach(x -> collect(x, out));
        else if (o instanceof Map<?, ?> m)
            m.forEach(
                    (k, v) -> {
                        collect(k, out);
                        collect(v, out);
                    });
        else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    collect(rc.getAccessor().invoke(o), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
