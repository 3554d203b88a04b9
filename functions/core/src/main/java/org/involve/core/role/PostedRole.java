package org.involve.core.role;

import static org.involve.core.role.RoleForm.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/** Reads one posted role form question by question, collecting errors by the anchor the error summary links to. */
final class PostedRole {
    private static final Words WORDS = Words.of("roles");

    /** The question's error {@code field.NAME.error.WHAT} from content/roles. */
    static String error(String name, String what, Object... namesAndValues) {
        return WORDS.format("field." + name + ".error." + what, namesAndValues);
    }

    private final Map<String, String> posted;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    final OrderedErrors errors = new OrderedErrors();

    PostedRole(Map<String, String> posted) {
        this.posted = posted;
        for (Question q : questions()) if (q instanceof Plain p) fields.put(p.name(), p.field());
    }

    private String raw(String name) {
        String v = posted.get(name);
        return v == null ? "" : v.strip();
    }

    private boolean checked(Field f, String value) {
        if (value.isEmpty()) {
            if (f.required()) errors.add(f.name(), f.missingMessage());
            return false;
        }
        Optional<String> problem =
                AnswerRules.noMarkup(f, value)
                        .or(() -> AnswerRules.noLineBreaks(f, value))
                        .or(() -> AnswerRules.notTooLong(f, value));
        problem.ifPresent(p -> errors.add(f.name(), p));
        return problem.isEmpty();
    }

    String text(String name) {
        String v = raw(name);
        return checked(fields.get(name), v) ? v : v.isEmpty() ? "" : null;
    }

    List<String> lines(String name) {
        String v = raw(name);
        if (!checked(fields.get(name), v)) return List.of();
        return v.lines()
                .map(String::strip)
                .map(l -> l.replaceFirst("^[-*\u2022]\\s*", ""))
                .filter(l -> !l.isEmpty())
                .toList();
    }

    String choice(String name) {
        Field f = fields.get(name);
        String v = raw(name);
        if (f.options().stream().noneMatch(o -> o.value().equals(v))) {
            errors.add(name, f.missingMessage());
            return null;
        }
        return v;
    }

    int whole(String name, int min, int max) {
        Field f = fields.get(name);
        String v = raw(name);
        if (v.isEmpty()) {
            if (f.required()) errors.add(name, f.missingMessage());
            return 0;
        }
        if (!v.matches("\\d{1,4}")) {
            errors.add(
                    name,
                    WORDS.format(
                            "error.number.whole", "label", f.label(), "example", Math.max(min, 1)));
            return 0;
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max)
            errors.add(
                    name,
                    WORDS.format(
                            "error.number.between", "label", f.label(), "min", min, "max", max));
        return n;
    }

    /** Pounds as typed ("150", "£150", "7.50") in pence; empty gives -1. */
    int pence(String name) {
        Field f = fields.get(name);
        String v = raw(name).replace("£", "").replace(",", "").strip();
        if (v.isEmpty()) return -1;
        if (!v.matches("\\d{1,5}(\\.\\d{1,2})?")) {
            errors.add(name, WORDS.format("error.number.pounds", "label", f.label()));
            return -1;
        }
        return new BigDecimal(v).movePointRight(2).intValueExact();
    }

    String email(String name) {
        String v = raw(name);
        Field f = fields.get(name);
        if (!checked(f, v)) return "";
        Optional<String> problem = AnswerRules.email(v);
        problem.ifPresent(p -> errors.add(name, p));
        return AnswerRules.normaliseEmail(v);
    }

    String phone(String name) {
        String v = raw(name);
        if (!checked(fields.get(name), v)) return "";
        AnswerRules.phone(v).ifPresent(p -> errors.add(name, p));
        return v;
    }

    /** A date question's answer (see {@link DateInput}), its errors in {@code field.NAME.error.*}. */
    LocalDate date(String name, boolean required) {
        DateInput typed = DateInput.of(posted, name);
        String prefix = "field." + name + ".error";
        return required
                ? typed.required(errors.found, WORDS, prefix)
                : typed.read(errors.found, WORDS, prefix);
    }

    /** A real date that breaks the form's rule {@code what} ({@code field.NAME.error.WHAT}). */
    void rejectDate(String name, String what) {
        DateInput.of(posted, name).reject(errors.found, error(name, what));
    }

    /** The date question has an error, whichever of its boxes it links to. */
    boolean dateHasError(String name) {
        return DateInput.of(posted, name).hasError(errors.found);
    }

    List<Criterion> criteria(List<Criterion> previous) {
        String v = raw(CRITERIA);
        Field f = fields.get(CRITERIA);
        if (!checked(f, v)) return List.of();
        List<Criterion> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String line : v.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String upper = line.toUpperCase(Locale.ROOT);
            boolean essential = upper.startsWith("E:"), desirable = upper.startsWith("D:");
            String statement = line.length() > 2 ? line.substring(2).strip() : "";
            if (!(essential || desirable) || statement.isEmpty()) {
                errors.add(
                        CRITERIA,
                        error(
                                CRITERIA,
                                "format",
                                "line",
                                line.length() > 40 ? line.substring(0, 40) + "..." : line));
                return List.of();
            }
            // An unchanged statement keeps its id, so answers and scores already given stay with
            // it.
            String id =
                    previous.stream()
                            .filter(
                                    c ->
                                            c.statement().equals(statement)
                                                    && c.essential() == essential
                                                    && !used.contains(c.id()))
                            .map(Criterion::id)
                            .findFirst()
                            .orElse(null);
            if (id == null) {
                String base = idFor(statement);
                base = base.length() > 36 ? base.substring(0, 36).replaceAll("-+$", "") : base;
                id = base;
                Set<String> taken = new HashSet<>(used);
                previous.forEach(c -> taken.add(c.id()));
                for (int n = 2; taken.contains(id); n++) id = base + "-" + n;
            }
            used.add(id);
            out.add(new Criterion(id, statement, essential));
        }
        if (out.stream().noneMatch(Criterion::essential))
            errors.add(CRITERIA, error(CRITERIA, "noEssential"));
        return out;
    }

    PaymentModel payment() {
        String kind = choice(PAYMENT);
        if (kind == null) return null;
        return switch (PaymentModel.Kind.valueOf(kind)) {
            case DAY_RATE -> {
                int full = pence(FULL_DAY), half = pence(HALF_DAY);
                int hours = whole(FULL_DAY_HOURS, 1, 12);
                if (full <= 0 && !errors.has(FULL_DAY))
                    errors.add(FULL_DAY, error(FULL_DAY, "forDayRate"));
                if (half <= 0 && !errors.has(HALF_DAY))
                    errors.add(HALF_DAY, error(HALF_DAY, "forDayRate"));
                if (raw(FULL_DAY_HOURS).isEmpty() && !errors.has(FULL_DAY_HOURS))
                    errors.add(FULL_DAY_HOURS, error(FULL_DAY_HOURS, "forDayRate"));
                yield new PaymentModel(
                        PaymentModel.Kind.DAY_RATE,
                        Math.max(full, 0),
                        Math.max(half, 0),
                        hours * 60,
                        0,
                        0);
            }
            case MONTHLY_FIXED -> {
                int monthly = pence(MONTHLY);
                int hours = whole(MONTHLY_HOURS, 1, 200);
                if (monthly <= 0 && !errors.has(MONTHLY))
                    errors.add(MONTHLY, error(MONTHLY, "forMonthly"));
                if (raw(MONTHLY_HOURS).isEmpty() && !errors.has(MONTHLY_HOURS))
                    errors.add(MONTHLY_HOURS, error(MONTHLY_HOURS, "forMonthly"));
                yield PaymentModel.monthlyFixed(Math.max(monthly, 0), hours);
            }
            case UNPAID -> PaymentModel.unpaid();
        };
    }

    /** Errors kept in the order of the questions on the page, whatever order they were found in. */
    static final class OrderedErrors {
        private final FieldErrors found = new FieldErrors();

        void add(String anchor, String message) {
            found.add(anchor, message);
        }

        boolean has(String anchor) {
            return found.has(anchor);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        FieldErrors inOrderOfAnchors() {
            FieldErrors ordered = new FieldErrors();
            for (Question q : questions())
                for (String a : anchors(q)) if (found.has(a)) ordered.add(a, found.asMap().get(a));
            found.asMap().forEach(ordered::add);
            return ordered;
        }
    }
}
