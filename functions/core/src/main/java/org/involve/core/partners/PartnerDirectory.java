package org.involve.core.partners;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.involve.core.kit.Paging;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff find partners by programme, role and status, a page at a time, newest appointment first: every partner (or
 * those of one status) from an index in that order, a role's or programme's from the role's index; never a scan, and
 * never every partner.
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

    private static Choices choices(List<Role> roles) {
        List<Role> all = new ArrayList<>(roles);
        all.sort(Comparator.comparing(Role::title));
        TreeSet<String> programmes = new TreeSet<>();
        all.forEach(r -> programmes.add(r.programme()));
        return new Choices(all, List.copyOf(programmes));
    }

    /**
     * Partners on a page: 25, so the table fits a screen or two and a page costs one query of 26 items (about 8 read
     * units) whatever the number of partners.
     */
    public static final int PAGE_SIZE = 25;

    private static final Predicate<String> KEYS =
            Paging.timeKeys("appointment-[A-Za-z0-9-]{1,120}");

    /**
     * The directory's order, newest appointment first: the time they were appointed (to the nanosecond, so it sorts
     * as text), then the appointment id, which makes each key unique. The key is what a page's cursor carries: no
     * personal data.
     */
    public static String key(Appointment a) {
        return Paging.timeKey(a.appointedAt(), a.id());
    }

    /** Whether {@code key} is of the shape {@link #key} makes (a cursor from elsewhere is not used). */
    public static boolean isKey(String key) {
        return KEYS.test(key);
    }

    /** The filter's choices and a page of partners ({@link #find}), from one read of the roles. */
    public record Listing(Choices choices, Paging.Page<Row> page) {}

    public Listing list(StaffMember who, Filter f, Paging.Asked asked) {
        who.require(Permission.APPOINT_PARTNERS);
        List<Role> all = roles.all();
        return new Listing(choices(all), find(all, f, asked));
    }

    /**
     * One page of the partners matching the filter, newest appointment first, from where {@code asked} says: without
     * a role or programme each page reads at most a page and one per status from an index in that order, whatever the
     * number of partners; with a role or programme, at worst every partner of those roles. A cursor that leads nowhere
     * (the records moved on) gives the first page.
     */
    private Paging.Page<Row> find(List<Role> all, Filter f, Paging.Asked asked) {
        Map<String, Role> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        List<String> roleIds = null;
        if (f.roleId() != null || f.programme() != null) {
            roleIds = new ArrayList<>();
            for (Role role : byId.values()) {
                if (f.roleId() != null && !f.roleId().equals(role.id())) continue;
                if (f.programme() != null && !f.programme().equals(role.programme())) continue;
                roleIds.add(role.id());
            }
            if (roleIds.isEmpty())
                return new Paging.Page<>(List.of(), null, null, asked.startedOver());
            roleIds.sort(Comparator.naturalOrder());
        }
        List<String> only = roleIds;
        return Paging.read(asked, c -> read(byId, only, f.status(), c));
    }

    private Paging.Page<Row> read(
            Map<String, Role> byId, List<String> roleIds, PartnerStatus status, Paging.Cursor c) {
        List<PartnerRecords.Stored> read = records.directory(roleIds, status, c, PAGE_SIZE + 1);
        return Paging.page(c, read, PAGE_SIZE, s -> key(s.appointment()))
                .map(s -> new Row(changes.complete(s), byId.get(s.appointment().roleId())));
    }
}
