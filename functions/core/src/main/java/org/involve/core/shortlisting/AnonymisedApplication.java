package org.involve.core.shortlisting;

import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.role.Criterion;
import org.involve.core.role.Role;

/**
 * What a shortlisting panel member may see of an application, and all of it. It is built by copying named
 * answers in (an allow-list), never by removing the personal ones, so a question added to the form later
 * stays out of panel screens until someone decides it belongs here.
 * Disability Confident appears only as what the scheme needs the panel to know: that this applicant must be
 * offered an interview if they meet every essential criterion.
 */
public record AnonymisedApplication(
        String applicantId,
        String roleId,
        List<CriterionAnswer> criterionAnswers,
        String livedExperience,
        String networks,
        String interestAreas,
        String priorityConnection,
        boolean guaranteedInterviewIfMeetsEssentials) {

    public record CriterionAnswer(
            String criterionId, String statement, boolean essential, String answer) {}

    public AnonymisedApplication {
        if (applicantId == null || applicantId.isBlank())
            throw new IllegalArgumentException("An anonymised application needs an id");
        criterionAnswers = List.copyOf(criterionAnswers);
    }

    public static AnonymisedApplication of(Role role, Application app, AnonymousIds ids) {
        if (!role.id().equals(app.roleId()))
            throw new IllegalArgumentException("The application is for a different role");
        Redaction redact = new Redaction(app);
        List<CriterionAnswer> answers =
                role.criteria().stream()
                        .map(
                                c ->
                                        new CriterionAnswer(
                                                c.id(),
                                                c.statement(),
                                                c.essential(),
                                                redact.apply(
                                                        app.answer(
                                                                ApplicationForm.criterionField(
                                                                        c)))))
                        .toList();
        return new AnonymisedApplication(
                ids.of(role.id(), app.reference()),
                role.id(),
                answers,
                redact.apply(app.answer("livedExperience")),
                redact.apply(app.answer("networks")),
                redact.apply(app.answer("interestAreas")),
                role.priorityCommunities().isEmpty()
                        ? ""
                        : redact.apply(app.answer("priorityConnection")),
                "yes".equals(app.answer(ApplicationForm.DISABILITY_CONFIDENT)));
    }

    public boolean hasPriorityConnection() {
        return priorityConnection != null && !priorityConnection.isBlank();
    }

    public String answerTo(Criterion criterion) {
        return criterionAnswers.stream()
                .filter(a -> a.criterionId().equals(criterion.id()))
                .map(CriterionAnswer::answer)
                .findFirst()
                .orElse("");
    }
}
