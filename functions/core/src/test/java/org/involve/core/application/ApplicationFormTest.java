package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Field;
import org.involve.core.kit.Section;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** What the public form asks, as a person reads it. */
class ApplicationFormTest {
    private final List<Role> roles =
            List.of(
                    TestRoles.monthly(LocalDate.of(2030, 1, 1)),
                    TestRoles.dayRate(LocalDate.of(2030, 1, 1)));

    /** Every section, including those asked only after a "talk to us first" answer. */
    private static List<Section> everySection(Role role) {
        Map<String, String> answers = new java.util.HashMap<>();
        Eligibility.TALK_FIRST.forEach(q -> answers.put(q, "yes"));
        return new ApplicationForm(role).sections(answers);
    }

    @Test
    void everyQuestionThatMayBeLeftBlankSaysSo() {
        List<String> unmarked = new ArrayList<>();
        for (Role role : roles)
            for (Section s : everySection(role))
                for (Field f : s.fields()) {
                    if (f.required()) continue;
                    String hint = f.hint() == null ? "" : f.hint();
                    boolean says =
                            f.label().endsWith("(optional)")
                                    || f.label().endsWith("(desirable)")
                                    || hint.startsWith("Optional unless")
                                    || hint.contains("Leave blank only if");
                    if (!says) unmarked.add(s.id() + "/" + f.name() + ": " + f.label());
                }
        assertEquals(List.of(), unmarked);
    }
}
