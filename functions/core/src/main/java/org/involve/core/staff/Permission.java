package org.involve.core.staff;

import java.util.EnumSet;
import java.util.Set;
import org.involve.core.kit.Words;

/**
 * What a signed-in person may do, and which groups may do it. Every staff route checks one of these itself,
 * as well as the sign-in service, so a panel member can never reach a name, a contact detail or a
 * monitoring answer by guessing an address.
 */
public enum Permission {
    MANAGE_ROLES(Group.STAFF),
    EXTEND_CLOSING_DATE(Group.STAFF),
    VIEW_APPLICANT_DETAILS(Group.STAFF),
    ENTER_APPLICATION_FOR_APPLICANT(Group.STAFF),
    SCORE_APPLICATIONS(Group.STAFF, Group.PANEL),
    RECORD_SHORTLIST(Group.STAFF),
    CHOOSE_PANEL(Group.STAFF),
    MANAGE_INTERVIEWS(Group.STAFF),
    MANAGE_REFERENCES(Group.STAFF),
    SEND_OUTCOMES(Group.STAFF),
    APPOINT_PARTNERS(Group.STAFF),
    /** Plan a group's meetings, record who came, and keep its impact log ("you said, we did"). */
    MANAGE_MEETINGS(Group.STAFF),
    VIEW_MONITORING_REPORTS(Group.STAFF),
    /**
     * Enter equal-opportunities answers an applicant gave by telephone or on paper, with their short code. Never for
     * a role whose panel the person is on (MonitoringByCode checks).
     */
    ENTER_MONITORING_ANSWERS(Group.STAFF),
    VIEW_AUDIT_TRAIL(Group.STAFF),
    APPROVE_CLAIMS(Group.STAFF),
    MANAGE_EMAIL_DELIVERY(Group.STAFF),
    /** Find everything held about a person, answer their subject access request, erase their data on request. */
    DATA_PROTECTION(Group.STAFF),
    RECEIVE_PAYMENTS(Group.FINANCE);

    private final Set<Group> groups;

    Permission(Group first, Group... rest) {
        this.groups = EnumSet.of(first, rest);
    }

    /** What it lets someone do, in words that complete "You cannot ...". */
    public String description() {
        return Words.of("staff").get("permission." + name());
    }

    public boolean grantedTo(Group group) {
        return groups.contains(group);
    }

    /** Everything a group may do. */
    public static Set<Permission> of(Group group) {
        Set<Permission> s = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) if (p.grantedTo(group)) s.add(p);
        return s;
    }
}
