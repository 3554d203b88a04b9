package org.involve.handlers.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.paths.PublicPaths;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.StaffMember;

/**
 * The separate equal-opportunities form and its thank-you page (templates in monitoring/): reached by the applicant's
 * link, by the short code on the public start page, or by a staff member entering answers given by telephone or on
 * paper with the code.
 */
public final class MonitoringPages {
    private static final Words WORDS = Words.of("monitoring");

    private MonitoringPages() {}

    /**
     * @param hidden what the form sends back unchanged (the link's role and token, or the code)
     * @param intro a line for staff above the questions, or null
     */
    public record Form(
            Layout.Chrome chrome,
            String action,
            Map<String, String> hidden,
            String intro,
            String button,
            Map<String, String> values,
            FieldErrors errors) {}

    /** A page asking for a short code. */
    public record CodePage(
            Layout.Chrome chrome,
            String title,
            List<String> paragraphs,
            String action,
            Field field,
            String value,
            FieldErrors errors,
            String button) {}

    public static String form(
            String roleId, String token, Map<String, String> values, FieldErrors errors) {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("role", roleId);
        hidden.put("token", token);
        return Templates.render(
                "monitoring/form.jte",
                new Form(
                        Layout.PUBLIC,
                        PublicPaths.MONITORING.template(),
                        hidden,
                        null,
                        WORDS.get("page.form.button"),
                        values,
                        errors));
    }

    /** The questions reached with a code on the public start page. */
    public static String formByCode(String code, Map<String, String> values, FieldErrors errors) {
        return Templates.render(
                "monitoring/form.jte",
                new Form(
                        Layout.PUBLIC,
                        PublicPaths.MONITORING_BY_CODE_ANSWERS.template(),
                        Map.of("code", code),
                        null,
                        WORDS.get("page.form.button"),
                        values,
                        errors));
    }

    /** The questions as a staff member asks them, for the code they were given. */
    public static String staffForm(
            StaffMember member, String code, Map<String, String> values, FieldErrors errors) {
        return Templates.render(
                "monitoring/form.jte",
                new Form(
                        StaffLayout.chrome(member, null, false),
                        StaffPaths.MONITORING_ENTRY_ANSWERS.template(),
                        Map.of("code", code),
                        WORDS.get("page.staffCode.formIntro"),
                        WORDS.get("page.staffCode.button"),
                        values,
                        errors));
    }

    /** The public start page; {@code problem} is a content key under page.code, or null. */
    public static String codeStart(String typed, String problem) {
        return Templates.render(
                "monitoring/code.jte",
                new CodePage(
                        Layout.PUBLIC,
                        WORDS.get("page.code.title"),
                        List.of(
                                WORDS.get("page.code.intro"),
                                WORDS.get("page.code.why"),
                                WORDS.get("page.code.noCode")),
                        PublicPaths.MONITORING_BY_CODE.template(),
                        codeField("page.code"),
                        typed,
                        problem == null
                                ? null
                                : FieldErrors.of("code", WORDS.get("page.code." + problem)),
                        WORDS.get("page.code.button")));
    }

    /** The staff page asking for the applicant's code; {@code problem} is a key under page.staffCode, or null. */
    public static String staffCode(StaffMember member, String typed, String problem) {
        return Templates.render(
                "monitoring/code.jte",
                new CodePage(
                        StaffLayout.chrome(member, null, false),
                        WORDS.get("page.staffCode.title"),
                        List.of(
                                WORDS.get("page.staffCode.intro"),
                                WORDS.get("page.staffCode.private")),
                        StaffPaths.MONITORING_ENTRY.template(),
                        codeField("page.staffCode"),
                        typed,
                        problem == null
                                ? null
                                : FieldErrors.of("code", WORDS.get("page.staffCode." + problem)),
                        WORDS.get("page.code.button")));
    }

    public static String staffSaved(StaffMember member) {
        return StaffPages.message(
                member, WORDS.get("page.staffCode.savedTitle"), WORDS.get("page.staffCode.saved"));
    }

    private static Field codeField(String prefix) {
        return Field.text(
                "code",
                WORDS.get(prefix + ".label"),
                WORDS.get(prefix + ".hint"),
                true,
                20,
                "off",
                WORDS.get("page.code.missing"));
    }

    public static String thanks(boolean alreadyHad) {
        return PublicPages.message(
                WORDS.get(alreadyHad ? "page.thanks.alreadyTitle" : "page.thanks.title"),
                WORDS.get(alreadyHad ? "page.thanks.already" : "page.thanks.saved"),
                WORDS.get("page.thanks.use"));
    }

    /** The form has closed for the role: its round is over (filled or withdrawn), so no answers are taken for it. */
    public static String closed() {
        return PublicPages.message(
                WORDS.get("page.closed.title"),
                WORDS.get("page.closed.body"),
                WORDS.get("page.closed.nothingToDo"));
    }

    public static String unknownLink() {
        return PublicPages.message(
                WORDS.get("page.unknownLink.title"), WORDS.get("page.unknownLink.body"));
    }
}
