package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.fakes.TestRoles;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class EligibilityTest {
    private final Role monthly = TestRoles.monthly(LocalDate.of(2030, 1, 1));
    private final Role allNhsExcluded = TestRoles.dayRate(LocalDate.of(2030, 1, 1));

    private static Map<String, String> allNo() {
        Map<String, String> m = new HashMap<>();
        for (String f :
                new String[] {
                    Eligibility.NHS_BOARD,
                    Eligibility.NHS_STAFF,
                    Eligibility.HEALTH_PROFESSIONAL,
                    Eligibility.ELECTED_OFFICE,
                    Eligibility.TRUSTEE_REMOVED,
                    Eligibility.PROFESSIONAL_SANCTION,
                    Eligibility.APPOINTMENT_TERMINATED,
                    Eligibility.DISQUALIFIED
                }) m.put(f, "no");
        return m;
    }

    private static Map<String, String> with(String field) {
        Map<String, String> m = allNo();
        m.put(field, "yes");
        return m;
    }

    @Test
    void someoneWithNoneOfTheCircumstancesIsEligible() {
        assertEquals(Eligibility.Verdict.ELIGIBLE, Eligibility.check(monthly, allNo()).verdict());
    }

    @Test
    void aChairOrBoardMemberOfAnNhsBodyCannotApply() {
        var o = Eligibility.check(monthly, with(Eligibility.NHS_BOARD));
        assertEquals(Eligibility.Verdict.CANNOT_APPLY, o.verdict());
        assertTrue(o.reasons().get(0).contains("sit on the board of an NHS body"));
    }

    @Test
    void nhsEnglandStaffCannotApply() {
        var o = Eligibility.check(monthly, with(Eligibility.NHS_STAFF));
        assertEquals(Eligibility.Verdict.CANNOT_APPLY, o.verdict());
        assertTrue(o.reasons().get(0).contains("People who work for NHS England"));
    }

    @Test
    void aRoleThatExcludesAllNhsStaffSaysSo() {
        var o = Eligibility.check(allNhsExcluded, with(Eligibility.NHS_STAFF));
        assertEquals(Eligibility.Verdict.CANNOT_APPLY, o.verdict());
        assertTrue(o.reasons().get(0).contains("anyone who works for the NHS"));
    }

    @Test
    void aPractisingHealthcareProfessionalCannotApply() {
        assertEquals(
                Eligibility.Verdict.CANNOT_APPLY,
                Eligibility.check(monthly, with(Eligibility.HEALTH_PROFESSIONAL)).verdict());
    }

    @Test
    void aServingMpCouncillorOrCandidateCannotApply() {
        assertEquals(
                Eligibility.Verdict.CANNOT_APPLY,
                Eligibility.check(monthly, with(Eligibility.ELECTED_OFFICE)).verdict());
    }

    @Test
    void someoneRemovedAsACharityTrusteeMustTalkToUsFirst() {
        assertEquals(
                Eligibility.Verdict.TALK_TO_US_FIRST,
                Eligibility.check(monthly, with(Eligibility.TRUSTEE_REMOVED)).verdict());
    }

    @Test
    void someoneSanctionedByAProfessionalBodyMustTalkToUsFirst() {
        assertEquals(
                Eligibility.Verdict.TALK_TO_US_FIRST,
                Eligibility.check(monthly, with(Eligibility.PROFESSIONAL_SANCTION)).verdict());
    }

    @Test
    void someoneWhosePublicAppointmentWasEndedMustTalkToUsFirst() {
        assertEquals(
                Eligibility.Verdict.TALK_TO_US_FIRST,
                Eligibility.check(monthly, with(Eligibility.APPOINTMENT_TERMINATED)).verdict());
    }

    @Test
    void aDisqualifiedDirectorMustTalkToUsFirst() {
        assertEquals(
                Eligibility.Verdict.TALK_TO_US_FIRST,
                Eligibility.check(monthly, with(Eligibility.DISQUALIFIED)).verdict());
    }

    @Test
    void anExclusionOutweighsATalkFirstCircumstance() {
        Map<String, String> m = with(Eligibility.ELECTED_OFFICE);
        m.put(Eligibility.DISQUALIFIED, "yes");
        assertEquals(Eligibility.Verdict.CANNOT_APPLY, Eligibility.check(monthly, m).verdict());
    }
}
