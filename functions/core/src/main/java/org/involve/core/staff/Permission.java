package org.involve.core.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a signed-in person may do, and which groups may do it. Every staff route checks one of these itself,
 * as well as the sign-in service, so a panel member can never reach a name, a contact detail or a
 * monitoring answer by guessing an address.
 */
public enum Permission {
    MANAGE_ROLES("create, edit, publish or withdraw roles", Group.STAFF),
    EXTEND_CLOSING_DATE("extend a closing date", Group.STAFF),
    VIEW_APPLICANT_DETAILS("see applications with names and contact details", Group.STAFF),
    ENTER_APPLICATION_FOR_APPLICANT("enter an application on an applicant's behalf", Group.STAFF),
    SCORE_APPLICATIONS("score anonymised applications", Group.STAFF, Group.PANEL),
    RECORD_SHORTLIST("record the shortlist", Group.STAFF),
    MANAGE_INTERVIEWS("arrange interviews and record their results", Group.STAFF),
    MANAGE_REFERENCES("see and chase references", Group.STAFF),
    SEND_OUTCOMES("tell applicants the outcome", Group.STAFF),
    APPOINT_PARTNERS("appoint partners and extend their tenure", Group.STAFF),
    VIEW_MONITORING_REPORTS("see equal opportunities reports (totals only)", Group.STAFF),
    VIEW_AUDIT_TRAIL("see the record of who decided what", Group.STAFF),
    APPROVE_CLAIMS("approve attendance and claims", Group.STAFF),
    RECEIVE_PAYMENTS("see approved payments and download the payroll export", Group.FINANCE);

    private final String description;
    private final Set<Group> groups;

    Permission(String description, Group first, Group... rest) {
        this.description = description;
        this.groups = EnumSet.of(first, rest);
    }

    /** What it lets someone do, in words that complete "You cannot ...". */
    public String description() {
        return description;
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
