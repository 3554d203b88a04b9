package org.involve.handlers.views;

import java.util.List;
import java.util.Set;
import org.involve.core.shortlisting.PanelChoice;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;

/** The page that chooses a role's shortlisting panel (staff/roles/panel.jte). */
public final class PanelPages {
    /** Each person's checkbox is named this followed by their sign-in id, with the value "yes". */
    public static final String MEMBER_PREFIX = "member-";

    private PanelPages() {}

    /**
     * @param chosen after a refusal, the ids sent; otherwise null, and the panel now is ticked
     * @param theirChoice after someone else changed the panel meanwhile, whom this person chose (by name, listed
     *     above the panel as it is now); otherwise null
     */
    public record Choose(
            StaffMember member,
            PanelChoice.Form form,
            Set<String> chosen,
            String problem,
            String notice,
            List<PanelMember> theirChoice) {
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
                "staff/roles/panel.jte", new Choose(member, form, chosen, problem, notice, null));
    }

    /**
     * The form drawn from the panel as it is now (ticked as it is), with {@code problem} at the top and whom this
     * person chose ({@code chosen}, by name) listed above it: someone else changed the panel after their form was
     * read, and nothing was saved.
     */
    public static String changedMeanwhile(
            StaffMember member, PanelChoice.Form now, Set<String> chosen, String problem) {
        List<PanelMember> theirs =
                now.candidates().stream().filter(m -> chosen.contains(m.id())).toList();
        return Templates.render(
                "staff/roles/panel.jte", new Choose(member, now, null, problem, null, theirs));
    }
}
