package org.involve.handlers.views;

import java.util.Set;
import org.involve.core.shortlisting.PanelChoice;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;

/** The page that chooses a role's shortlisting panel (staff/roles/panel.jte). */
public final class PanelPages {
    /** Each person's checkbox is named this followed by their sign-in id, with the value "yes". */
    public static final String MEMBER_PREFIX = "member-";

    private PanelPages() {}

    /** @param chosen after a refusal, the ids sent; otherwise null, and the panel now is ticked */
    public record Choose(
            StaffMember member,
            PanelChoice.Form form,
            Set<String> chosen,
            String problem,
            String notice) {
        public boolean ticked(PanelMember m) {
            return chosen == null ? form.panel().includes(m.id()) : chosen.contains(m.id());
        }

        /** Where the error summary's link goes: the first person's box. */
        public String firstBox() {
            return form.candidates().isEmpty()
                    ? "main-content"
                    : MEMBER_PREFIX + form.candidates().get(0).id();
        }
    }

    public static String choose(
            StaffMember member,
            PanelChoice.Form form,
            Set<String> chosen,
            String problem,
            String notice) {
        return Templates.render(
                "staff/roles/panel.jte", new Choose(member, form, chosen, problem, notice));
    }
}
