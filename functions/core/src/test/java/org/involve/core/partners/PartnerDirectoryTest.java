package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Paging;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class PartnerDirectoryTest {
    static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    private final PartnerDirectory directory = new PartnerDirectory(r.partners, r.roles, changes);
    private final Role scg = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    private final Role lep = r.role(TestRoles.monthly(LocalDate.of(2026, 1, 20)));
    private final String one = appoint(scg), two = appoint(scg), three = appoint(lep);

    private String appoint(Role role) {
        return appoint(role, NOW);
    }

    private String appoint(Role role, Instant at) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 3, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        at))
                        .appointment();
        r.partners.appoint(a, made, Map.of(), List.of(), List.of());
        return made.id();
    }

    private List<String> ids(PartnerDirectory.Filter f) {
        return directory.list(TestStaff.STAFF, f, FIRST).page().items().stream()
                .map(x -> x.partner().id())
                .sorted()
                .toList();
    }

    @Test
    void partnersAreFoundByRoleProgrammeAndStatus() {
        changes.act(PartnerChanges.Actor.partner(), two, PartnerChanges.PAUSE, Map.of());
        assertEquals(
                List.of(one, two, three).stream().sorted().toList(),
                ids(PartnerDirectory.Filter.of("", "", "")));
        assertEquals(
                List.of(one, two).stream().sorted().toList(),
                ids(PartnerDirectory.Filter.of("", scg.id(), null)));
        assertEquals(List.of(two), ids(PartnerDirectory.Filter.of(null, null, "PAUSED")));
        assertEquals(
                List.of(three), ids(PartnerDirectory.Filter.of("Thinking group", null, "ACTIVE")));
        assertEquals(List.of(), ids(PartnerDirectory.Filter.of("Thinking group", scg.id(), null)));
        assertEquals(
                List.of("Co-production group", "Thinking group"),
                directory.list(TestStaff.STAFF, ALL, FIRST).choices().programmes());
        assertThrows(
                AccessDenied.class,
                () ->
                        directory.list(
                                TestStaff.PANEL_A,
                                PartnerDirectory.Filter.of(null, null, null),
                                FIRST));
    }

    private static final Paging.Asked FIRST = new Paging.Asked(Paging.Cursor.first(), false);
    private static final PartnerDirectory.Filter ALL = PartnerDirectory.Filter.of(null, null, null);

    /** {@code n} more partners of {@code role}, appointed a minute apart after the three above: newest last. */
    private List<String> more(Role role, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) ids.add(appoint(role, NOW.plusSeconds(60L * i)));
        return ids;
    }

    private static List<String> ids(Paging.Page<PartnerDirectory.Row> page) {
        return page.items().stream().map(x -> x.partner().id()).toList();
    }

    private Paging.Page<PartnerDirectory.Row> page(PartnerDirectory.Filter f, Paging.Cursor c) {
        return directory.list(TestStaff.STAFF, f, new Paging.Asked(c, false)).page();
    }

    @Test
    void theDirectoryIsReadNewestAppointmentFirstAPageAtATime() {
        List<String> newer = more(scg, PartnerDirectory.PAGE_SIZE); // 28 in all
        Paging.Page<PartnerDirectory.Row> first = page(ALL, Paging.Cursor.first());
        assertEquals(PartnerDirectory.PAGE_SIZE, first.items().size());
        assertEquals(newer.get(newer.size() - 1), ids(first).get(0));
        assertNull(first.previous());
        assertNotNull(first.next());
        assertEquals(PartnerDirectory.PAGE_SIZE + 1, r.partners.directoryReads);

        Paging.Page<PartnerDirectory.Row> second = page(ALL, first.next());
        assertEquals(3, second.items().size());
        assertNull(second.next());
        assertNotNull(second.previous());
        assertEquals(ids(first), ids(page(ALL, second.previous())));
        assertNull(page(ALL, second.previous()).previous());
    }

    @Test
    void exactlyAPageHasNoNextPage() {
        more(lep, PartnerDirectory.PAGE_SIZE - 3);
        Paging.Page<PartnerDirectory.Row> first = page(ALL, Paging.Cursor.first());
        assertEquals(PartnerDirectory.PAGE_SIZE, first.items().size());
        assertNull(first.next());
        assertFalse(first.hasMore());
    }

    @Test
    void filtersAreKeptAcrossPages() {
        more(lep, PartnerDirectory.PAGE_SIZE);
        more(scg, 5);
        PartnerDirectory.Filter lepOnly = PartnerDirectory.Filter.of(null, lep.id(), null);
        Paging.Page<PartnerDirectory.Row> first = page(lepOnly, Paging.Cursor.first());
        Paging.Page<PartnerDirectory.Row> second = page(lepOnly, first.next());
        assertEquals(List.of(three), ids(second));
        assertTrue(
                first.items().stream().allMatch(x -> x.role().id().equals(lep.id())),
                "only the role asked for");
        PartnerDirectory.Filter active =
                PartnerDirectory.Filter.of("Thinking group", null, "ACTIVE");
        assertEquals(
                PartnerDirectory.PAGE_SIZE, page(active, Paging.Cursor.first()).items().size());
    }

    @Test
    void aCursorThatLeadsNowhereGivesTheFirstPageSaidSo() {
        more(scg, PartnerDirectory.PAGE_SIZE);
        Paging.Page<PartnerDirectory.Row> first = page(ALL, Paging.Cursor.first());
        // Before the newest there is nothing: the records moved on, so the first page, marked as
        // started over.
        Paging.Page<PartnerDirectory.Row> stale =
                page(
                        ALL,
                        Paging.Cursor.before(
                                PartnerDirectory.key(first.items().get(0).partner().appointment())
                                        + "x"));
        assertTrue(stale.startedOver());
        assertEquals(ids(first), ids(stale));
        Paging.Asked tampered =
                Paging.asked("bm90LWEta2V5", null, PartnerDirectory::isKey); // "not-a-key"
        assertTrue(tampered.startedOver());
        assertTrue(directory.list(TestStaff.STAFF, ALL, tampered).page().startedOver());
        assertTrue(
                PartnerDirectory.isKey(
                        PartnerDirectory.key(first.items().get(0).partner().appointment())));
        assertFalse(
                PartnerDirectory.isKey("2026-06-10T09:00:00.000000000Z#claim-1"),
                "the claims list's cursor");
    }

    /** The page's listing is the choices and the page as asked for apart, from one read of the roles, not two. */
    @Test
    void theListingReadsTheRolesOnceForTheChoicesAndThePage() {
        int[] reads = {0};
        org.involve.core.role.RoleReader counted =
                new org.involve.core.role.RoleReader() {
                    public java.util.Optional<Role> find(
                            String id, org.involve.core.kit.Read read) {
                        return r.roles.find(id, read);
                    }

                    public List<Role> published() {
                        return r.roles.published();
                    }

                    public List<Role> beingShortlisted() {
                        return r.roles.beingShortlisted();
                    }

                    public List<Role> closedBy(Instant now) {
                        return r.roles.closedBy(now);
                    }

                    public List<Role> all() {
                        reads[0]++;
                        return r.roles.all();
                    }
                };
        PartnerDirectory listing = new PartnerDirectory(r.partners, counted, changes);
        PartnerDirectory.Filter ofScg = PartnerDirectory.Filter.of(null, scg.id(), null);

        PartnerDirectory.Listing got = listing.list(TestStaff.STAFF, ofScg, FIRST);

        assertEquals(1, reads[0]);
        assertEquals(directory.list(TestStaff.STAFF, ALL, FIRST).choices(), got.choices());
        assertEquals(ids(directory.list(TestStaff.STAFF, ofScg, FIRST).page()), ids(got.page()));
        assertEquals(2, got.page().items().size());
    }
}
