package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.Paging;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff partner directory read a page at a time on DynamoDB Local: newest appointment first from the
 * DirectoryByStatus index (every role, or one status), or from a role's partners, across page boundaries. The tables
 * are shared with other tests, so partners here are appointed far in the future (newest of all) or in a role of their
 * own.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPartnerDirectoryTest {
    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final int PAGE = PartnerDirectory.PAGE_SIZE;
    private final AppointedPartners made;

    DynamoPartnerDirectoryTest(AwsEnvironment aws) {
        this.made = new AppointedPartners(aws);
    }

    /** {@code n} partners appointed a minute apart from {@code from}, oldest first. */
    private List<String> appoint(int n, Instant from, PartnerStatus status) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Partner p =
                    made.appointed(
                            from.plusSeconds(60L * i), START, status, START.plusYears(2), null);
            ids.add(p.id());
        }
        return ids;
    }

    private List<PartnerRecords.Stored> stored(
            List<String> roles, PartnerStatus status, Paging.Cursor c) {
        return made.partners.directory(roles, status, c, PAGE + 1);
    }

    private List<String> read(List<String> roles, PartnerStatus status, Paging.Cursor c) {
        return stored(roles, status, c).stream().map(s -> s.appointment().id()).toList();
    }

    /** The page made of what was read, as the directory makes it: its ids, and the cursors either side. */
    private Paging.Page<String> page(List<String> roles, PartnerStatus status, Paging.Cursor c) {
        return Paging.page(
                        c,
                        stored(roles, status, c),
                        PAGE,
                        s -> PartnerDirectory.key(s.appointment()))
                .map(s -> s.appointment().id());
    }

    private static <T> List<T> reversed(List<T> l) {
        List<T> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void everyPartnerNewestFirstAcrossStatusesAndAPageBoundary() {
        // Newer than any other test's partners: they head the directory.
        Instant base = Instant.parse("2995-01-01T00:00:00Z");
        List<String> active = appoint(PAGE - 1, base, PartnerStatus.ACTIVE);
        List<String> paused = appoint(2, base.plusSeconds(30), PartnerStatus.PAUSED);
        // paused[i] is 30 seconds after active[i]: the two statuses' indexes merged, newest first.
        List<String> newestFirst = new ArrayList<>();
        for (int i = PAGE - 2; i >= 0; i--) {
            if (i < 2) newestFirst.add(paused.get(i));
            newestFirst.add(active.get(i));
        }
        List<String> first = read(null, null, Paging.Cursor.first());
        assertEquals(newestFirst.subList(0, PAGE + 1), first);

        Paging.Page<String> one = page(null, null, Paging.Cursor.first());
        List<String> second = read(null, null, one.next());
        assertEquals(
                newestFirst.get(PAGE), second.get(0), "the next page starts after the last shown");
        Paging.Page<String> two = page(null, null, one.next());
        List<String> back = read(null, null, two.previous());
        assertEquals(reversed(newestFirst.subList(0, PAGE)), back, "before a key: nearest first");
        Paging.Page<String> again = page(null, null, two.previous());
        assertEquals(one.items(), again.items());
        assertNull(again.previous(), "nothing newer: the first page");

        assertEquals(
                reversed(paused),
                read(null, PartnerStatus.PAUSED, Paging.Cursor.first()).subList(0, 2));
    }

    @Test
    void oneRolesPartnersExactlyAPageThenAPageAndOneThenWithAStatus() {
        List<String> role = List.of(made.role.id());
        assertEquals(List.of(), read(role, null, Paging.Cursor.first()), "empty");

        List<String> ids =
                appoint(PAGE, Instant.parse("2026-01-01T09:00:00Z"), PartnerStatus.ACTIVE);
        Paging.Page<String> exactly = page(role, null, Paging.Cursor.first());
        assertEquals(reversed(ids), exactly.items());
        assertNull(exactly.next(), "exactly a page: no next page");

        String older =
                appoint(1, Instant.parse("2025-01-01T09:00:00Z"), PartnerStatus.RETIRED).get(0);
        Paging.Page<String> one = page(role, null, Paging.Cursor.first());
        assertEquals(reversed(ids), one.items());
        Paging.Page<String> two = page(role, null, one.next());
        assertEquals(List.of(older), two.items());
        assertNull(two.next());

        assertEquals(List.of(older), read(role, PartnerStatus.RETIRED, Paging.Cursor.first()));
        assertEquals(List.of(), read(role, PartnerStatus.PAUSED, Paging.Cursor.first()));
        // In the status index too, after the newest of its role (one.next() is the last active
        // one's key).
        assertEquals(older, read(null, PartnerStatus.RETIRED, one.next()).get(0));
    }
}
