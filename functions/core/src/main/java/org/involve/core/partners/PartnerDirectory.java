package org.involve.core.partners;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff find partners by programme, role and status: each role's partners come from a query on the role's index,
 * never a scan.
 */
public final class PartnerDirectory {
    private final PartnerRecords records;
    private final RoleReader roles;
    private final PartnerChanges changes;

    public PartnerDirectory(PartnerRecords records, RoleReader roles, PartnerChanges changes) {
        this.records = records;
        this.roles = roles;
        this.changes = changes;
    }

    /** Empty or null values match everything. */
    public record Filter(String programme, String roleId, PartnerStatus status) {
        public static Filter of(String programme, String roleId, String status) {
            PartnerStatus s = null;
            for (PartnerStatus candidate : PartnerStatus.values())
                if (candidate.name().equals(status)) s = candidate;
            return new Filter(blankToNull(programme), blankToNull(roleId), s);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    public record Row(Partner partner, Role role) {}

    /** What to choose from: every role and every programme. */
    public record Choices(List<Role> roles, List<String> programmes) {}

    public Choices choices(StaffMember who) {
        who.require(Permission.APPOINT_PARTNERS);
        List<Role> all = new ArrayList<>(roles.all());
        all.sort(Comparator.comparing(Role::title));
        TreeSet<String> programmes = new TreeSet<>();
        all.forEach(r -> programmes.add(r.programme()));
        return new Choices(all, List.copyOf(programmes));
    }

    /** The partners matching the filter, by role title then name. */
    public List<Row> find(StaffMember who, Filter f) {
        who.require(Permission.APPOINT_PARTNERS);
        List<Row> out = new ArrayList<>();
        for (Role role : roles.all()) {
            if (f.roleId() != null && !f.roleId().equals(role.id())) continue;
            if (f.programme() != null && !f.programme().equals(role.programme())) continue;
            for (PartnerRecords.Stored s : records.forRole(role.id())) {
                Partner p = changes.complete(s);
                if (f.status() == null || f.status() == p.status()) out.add(new Row(p, role));
            }
        }
        out.sort(
                Comparator.comparing((Row r) -> r.role().title())
                        .thenComparing(r -> r.partner().involvement().name()));
        return out;
    }
}
