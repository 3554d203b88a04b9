package org.involve.core.audit;

import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Section;
import org.involve.core.kit.Words;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The audit trail, read only, for staff with the audit permission: every entry about one role, one application or one
 * partner (by their application's reference), newest first, a page at a time.
 */
public final class AuditViewer {
    public static final int PAGE_SIZE = 25;
    private static final Words WORDS = Words.of("audit");
    private static final String KIND = "kind", ID = "id";

    /** What the trail can be looked up by, and the record its entries name. */
    public enum Kind {
        ROLE("role:"),
        APPLICATION("application:"),
        PARTNER("appointment:appointment-");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String record(String id) {
            return prefix + id;
        }

        public String value() {
            return name().toLowerCase();
        }
    }

    private final AuditHistory history;

    public AuditViewer(AuditHistory history) {
        this.history = history;
    }

    /** The look-up form: what to look up by, and the role id or reference. */
    public static Section form() {
        return new Section(
                "audit",
                WORDS.get("page.trail.title"),
                WORDS.get("page.trail.intro"),
                List.of(
                        Field.radios(
                                KIND,
                                WORDS.get("field.kind.label"),
                                null,
                                List.of(Kind.values()).stream()
                                        .map(
                                                k ->
                                                        new Field.Option(
                                                                k.value(),
                                                                WORDS.get(
                                                                        "field.kind.option."
                                                                                + k.value())))
                                        .toList(),
                                WORDS.get("field.kind.error.missing")),
                        Field.text(
                                ID,
                                WORDS.get("field.id.label"),
                                WORDS.get("field.id.hint"),
                                true,
                                80,
                                "off",
                                WORDS.get("field.id.error.missing"))));
    }

    public sealed interface Result {
        /** Nothing asked yet, or what was asked cannot be looked up: the form, with what was entered. */
        record Asking(Map<String, String> values, FieldErrors errors) implements Result {}

        /** A page of the record's entries. */
        record Found(Kind kind, String id, AuditPage page, boolean first) implements Result {}
    }

    /** Looks up the query's record ({@code kind}, {@code id}, and {@code after} for a later page). */
    public Result look(StaffMember who, Map<String, String> query) {
        who.require(Permission.VIEW_AUDIT_TRAIL);
        if (query.getOrDefault(KIND, "").isBlank() && query.getOrDefault(ID, "").isBlank())
            return new Result.Asking(Map.of(), null);
        FormValidator.Result r = FormValidator.validate(form().fields(), query);
        FieldErrors errors = r.errors();
        String id = r.values().getOrDefault(ID, "").strip();
        if (!errors.has(ID) && !id.matches("[A-Za-z0-9_-]{1,80}"))
            errors.add(ID, WORDS.get("field.id.error.format"));
        if (!errors.isEmpty())
            return new Result.Asking(r.values(), errors.inOrderOf(form().fields()));
        Kind kind = Kind.valueOf(r.values().get(KIND).toUpperCase());
        if (kind == Kind.APPLICATION || kind == Kind.PARTNER) id = id.toUpperCase();
        String after = query.get("after");
        if (after != null && !after.matches("[A-Za-z0-9:.#_-]{1,120}")) after = null;
        return new Result.Found(
                kind, id, history.newestFirst(kind.record(id), after, PAGE_SIZE), after == null);
    }
}
