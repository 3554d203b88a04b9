package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.dataprotection.Held;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.staff.StaffMember;

/** The data protection pages (templates staff/dataprotection/*.jte): finding a person, and what is held about them. */
public final class DataProtectionPages {
    public static final String AREA = "/staff/data-protection";
    private static final Words W = Words.of("dataprotection");

    private DataProtectionPages() {}

    /** The find form, with what was entered, its errors, a "nobody found" message or a notice. */
    public record Find(
            StaffMember member,
            Map<String, String> values,
            FieldErrors errors,
            boolean nobody,
            String notice) {
        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }

        public String error(String field) {
            return errors == null ? null : errors.asMap().get(field);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    /** What is held about the person, with the request's dates, and the forms that answer or erase. */
    public record Person(StaffMember member, DataProtection.Lookup.Found found, String problem) {
        public String received() {
            return ClosingTime.displayDate(found.received());
        }

        public String due() {
            return ClosingTime.displayDate(found.due());
        }

        /** The form fields that look the person up again: carried by the download and erase forms. */
        public Map<String, String> carried() {
            Map<String, String> carried = new java.util.LinkedHashMap<>();
            carried.put(DataProtection.FIND, found.values().getOrDefault(DataProtection.FIND, ""));
            for (String part : List.of("day", "month", "year")) {
                String name = DataProtection.RECEIVED + "-" + part;
                carried.put(name, found.values().getOrDefault(name, ""));
            }
            return carried;
        }

        /** One record, numbered within its kind, as summary rows (field, value). */
        public record Numbered(int number, List<SummaryRow> rows) {}

        public static List<Numbered> numbered(Held.Records records) {
            List<Numbered> numbered = new ArrayList<>();
            for (int i = 0; i < records.entries().size(); i++) {
                Held.Entry entry = records.entries().get(i);
                numbered.add(
                        new Numbered(
                                i + 1,
                                records.kind().shownToStaff() ? rows(entry) : withheld(entry)));
            }
            return numbered;
        }

        /** Equal opportunities answers: which role, and how many answers, never what they are. */
        static List<SummaryRow> withheld(Held.Entry entry) {
            List<SummaryRow> rows = new ArrayList<>();
            long answers =
                    entry.fields().keySet().stream().filter(k -> k.startsWith("answers.")).count();
            entry.fields()
                    .forEach(
                            (k, v) -> {
                                if (!k.startsWith("answers.")) rows.add(new SummaryRow(k, v));
                            });
            rows.add(
                    new SummaryRow(
                            W.get("page.person.answers"),
                            W.format("page.person.answersWithheld", "count", answers)));
            return rows;
        }

        /** Each record as summary rows (field, value). */
        public static List<SummaryRow> rows(Held.Entry entry) {
            List<SummaryRow> rows = new ArrayList<>();
            entry.fields().forEach((k, v) -> rows.add(new SummaryRow(k, v)));
            return rows;
        }
    }

    public static String find(
            StaffMember member,
            Map<String, String> values,
            FieldErrors errors,
            boolean nobody,
            String notice) {
        return Templates.render(
                "staff/dataprotection/find.jte", new Find(member, values, errors, nobody, notice));
    }

    public static String person(
            StaffMember member, DataProtection.Lookup.Found found, String problem) {
        return Templates.render(
                "staff/dataprotection/person.jte", new Person(member, found, problem));
    }
}
