package org.involve.handlers.views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.involve.core.audit.AuditViewer;
import org.involve.core.kit.FieldErrors;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.StaffMember;

/** The audit trail viewer's page (template staff/audit/trail.jte). */
public final class StaffAuditPages {
    public static final String AREA = "/staff/audit";

    private StaffAuditPages() {}

    /**
     * @param found the entries found, or null when asking
     * @param nextHref the link to older entries, or null
     * @param firstHref the link back to the newest entries, or null on the first page
     */
    public record Trail(
            StaffMember member,
            Map<String, String> values,
            FieldErrors errors,
            AuditViewer.Result.Found found,
            String record,
            String nextHref,
            String firstHref) {}

    public static String trail(StaffMember member, AuditViewer.Result result) {
        Trail page;
        if (result instanceof AuditViewer.Result.Found f) {
            String base = StaffPaths.AUDIT.fill() + "?kind=" + f.kind().value() + "&id=" + f.id();
            String next = f.page().next();
            page =
                    new Trail(
                            member,
                            Map.of("kind", f.kind().value(), "id", f.id()),
                            null,
                            f,
                            f.kind().record(f.id()),
                            next == null
                                    ? null
                                    : base
                                            + "&after="
                                            + URLEncoder.encode(next, StandardCharsets.UTF_8),
                            f.first() ? null : base);
        } else {
            AuditViewer.Result.Asking a = (AuditViewer.Result.Asking) result;
            page = new Trail(member, a.values(), a.errors(), null, null, null, null);
        }
        return Templates.render("staff/audit/trail.jte", page);
    }
}
