package org.involve.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

class PermissionTest {
    @Test
    void thePanelMayScoreAnonymisedApplicationsAndNothingElse() {
        assertEquals(Set.of(Permission.SCORE_APPLICATIONS), Permission.of(Group.PANEL));
    }

    @Test
    void financeMayHandlePaymentsAndNothingElse() {
        assertEquals(Set.of(Permission.RECEIVE_PAYMENTS), Permission.of(Group.FINANCE));
    }

    @Test
    void staffMayDoEverythingInRecruitmentButNotThePayrollExport() {
        Set<Permission> staff = Permission.of(Group.STAFF);
        assertTrue(
                staff.containsAll(
                        EnumSet.of(
                                Permission.MANAGE_ROLES,
                                Permission.EXTEND_CLOSING_DATE,
                                Permission.VIEW_APPLICANT_DETAILS,
                                Permission.ENTER_APPLICATION_FOR_APPLICANT,
                                Permission.SCORE_APPLICATIONS,
                                Permission.RECORD_SHORTLIST,
                                Permission.MANAGE_INTERVIEWS,
                                Permission.MANAGE_REFERENCES,
                                Permission.SEND_OUTCOMES,
                                Permission.APPOINT_PARTNERS)));
        assertFalse(staff.contains(Permission.RECEIVE_PAYMENTS));
    }

    @Test
    void aPanelMemberAskingForApplicantDetailsIsRefusedInPlainWords() {
        AccessDenied denied =
                assertThrows(
                        AccessDenied.class,
                        () -> TestStaff.PANEL_A.require(Permission.VIEW_APPLICANT_DETAILS));
        assertEquals(Permission.VIEW_APPLICANT_DETAILS, denied.permission());
        assertEquals(
                "Your account cannot see applications with names and contact details. If you need to, ask the patient and public involvement team to add you to the right group.",
                denied.getMessage());
    }

    @Test
    void aRefusalNamesTheActionNotThePersonSoItCanBeLogged() {
        AccessDenied denied =
                assertThrows(
                        AccessDenied.class,
                        () -> TestStaff.FINANCE.require(Permission.SCORE_APPLICATIONS));
        assertFalse(denied.getMessage().contains(TestStaff.FINANCE.displayName()));
        assertFalse(denied.getMessage().contains(TestStaff.FINANCE.email()));
        assertFalse(denied.getMessage().contains(TestStaff.FINANCE.id()));
    }

    @Test
    void someoneInTwoGroupsMayDoWhatEitherMay() {
        StaffMember both =
                new StaffMember(
                        "u-1",
                        "Kim Example",
                        "kim@example.org",
                        Set.of(Group.PANEL, Group.FINANCE));
        assertTrue(both.may(Permission.SCORE_APPLICATIONS));
        assertTrue(both.may(Permission.RECEIVE_PAYMENTS));
        assertFalse(both.may(Permission.VIEW_APPLICANT_DETAILS));
    }

    @Test
    void someoneSignedInWithNoGroupMayDoNothing() {
        StaffMember none = new StaffMember("u-2", "Lee Example", "lee@example.org", Set.of());
        for (Permission p : Permission.values()) assertFalse(none.may(p), p.name());
    }

    @Test
    void groupsAreReadFromTheSignInServiceByName() {
        assertEquals(Optional.of(Group.PANEL), Group.fromClaim("panel"));
        assertEquals(Optional.of(Group.STAFF), Group.fromClaim(" Staff "));
        assertEquals(Optional.empty(), Group.fromClaim("admins"));
        assertEquals(Optional.empty(), Group.fromClaim(null));
    }

    @Test
    void everyPermissionReadsAsSomethingYouCannotDo() {
        for (Permission p : Permission.values()) {
            assertFalse(p.description().isBlank());
            assertTrue(Character.isLowerCase(p.description().charAt(0)), p.name());
        }
    }

    @Test
    void aStaffMemberNeedsAnIdAndAnEmailAddress() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new StaffMember("", "Kim", "kim@example.org", Set.of(Group.STAFF)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StaffMember("u-1", "Kim", "not an address", Set.of(Group.STAFF)));
    }
}
