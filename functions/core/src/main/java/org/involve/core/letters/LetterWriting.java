package org.involve.core.letters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.InterviewTime;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.letters.PrintedLetter.Block;
import org.involve.core.letters.PrintedLetter.Kind;
import org.involve.core.letters.PrintedLetter.PaperForm;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

/**
 * What each printed letter says. The words are the matching e-mail's entries (the acknowledgement in content/apply,
 * the invitation and booking confirmation in content/interviews, the outcomes in content/outcomes), less the links
 * only an e-mail can carry; what only a letter needs is in content/letters.
 */
final class LetterWriting {
    private static final Words LETTERS = Words.of("letters");
    private static final Words APPLY = Words.of("apply");
    private static final Words INTERVIEWS = Words.of("interviews");
    private static final Words OUTCOMES = Words.of("outcomes");

    private final String siteUrl;

    /** @param siteUrl the public site, where the code can be typed in instead */
    LetterWriting(String siteUrl) {
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /** The acknowledgement, with the paper form when {@code withForm} (never for someone on the role's panel). */
    PrintedLetter acknowledgement(
            Role role, Application app, String code, boolean withForm, Instant now) {
        Body b = new Body(APPLY, "email.acknowledgement.");
        b.say("greeting", "name", name(app))
                .say("thanks", "role", role.title())
                .say("reference", "reference", app.reference());
        if (app.status() == Application.Status.HELD_TO_TALK_FIRST) b.say("talkFirst");
        b.heading("next.heading")
                .list(
                        b.words("next.closes", "closing", role.closingTime().display()),
                        b.words("next.panel"),
                        b.words(
                                "next.interviews",
                                "format",
                                role.interviewFormat(),
                                "week",
                                ClosingTime.displayDate(role.interviewWeekCommencing())),
                        b.words("next.references", "count", role.referencesRequired()),
                        b.words("next.told"));
        b.heading("monitoring.heading").say("monitoring.body");
        b.own("letter.acknowledgement.monitoring.code", "code", code);
        if (withForm) b.own("letter.acknowledgement.monitoring.paper");
        b.say(
                "monitoring.code",
                "site",
                siteUrl + PublicPaths.MONITORING_BY_CODE.fill(),
                "code",
                code);
        if (role.contact().hasPhone())
            b.own("letter.acknowledgement.monitoring.phone", "phone", role.contact().phone());
        b.own("letter.acknowledgement.monitoring.optional");
        if (AcknowledgementLetters.benefitsAdviceRelevant(role, app))
            b.heading("benefits.heading")
                    .say("benefits.body", "email", role.contact().benefitsAdviceEmail());
        Contact c = role.contact();
        if (c.hasPhone())
            b.say("questions.withPhone", "name", c.name(), "email", c.email(), "phone", c.phone());
        else b.say("questions.withoutPhone", "name", c.name(), "email", c.email());
        return letter(
                Kind.ACKNOWLEDGEMENT,
                role,
                app,
                now,
                LETTERS.format("letter.acknowledgement.subject", "role", role.title()),
                b,
                withForm ? monitoringForm(role, code) : null);
    }

    /** The paper form alone, to print again: no name, no address, only the code. */
    PrintedLetter monitoringFormOnly(Role role, Application app, String code, Instant now) {
        return new PrintedLetter(
                Kind.MONITORING_FORM,
                app,
                role.title(),
                List.of(),
                List.of(),
                UkTime.display(now),
                LETTERS.get("letter.monitoringForm.title"),
                List.of(),
                List.of(),
                monitoringForm(role, code));
    }

    /** The invitation: the booked time if there is one, else the free times to choose from. */
    PrintedLetter interview(
            Role role, Application app, List<InterviewSlot> freeTimes, Instant now) {
        InterviewFacts f = InterviewFacts.of(app);
        Contact c = role.contact();
        Body b = new Body(INTERVIEWS, "email.");
        if (f.startsAt() != null) {
            String when = InterviewTime.display(f.startsAt());
            b.say("confirmation.greeting", "name", name(app))
                    .say("confirmation.booked", "role", role.title())
                    .list(
                            b.words("confirmation.when", "when", when),
                            b.words("confirmation.length", "minutes", f.minutes()),
                            b.words("confirmation.how", "format", role.interviewFormat()),
                            b.words("confirmation.reference", "reference", app.reference()));
            if (f.adjustments().isBlank()) b.say("confirmation.noAdjustments");
            else b.say("confirmation.adjustments", "adjustments", f.adjustments());
            contact(b, "confirmation.contact", c, app);
        } else {
            b.say("invitation.greeting", "name", name(app))
                    .say("invitation.thanks", "role", role.title());
            if (freeTimes.isEmpty()) b.own("letter.interview.noTimesYet");
            else {
                b.say("invitation.times", "format", role.interviewFormat())
                        .list(
                                freeTimes.stream()
                                        .map(InterviewSlot::describe)
                                        .toArray(String[]::new))
                        .own("letter.interview.reply");
            }
            contact(b, "invitation.contact", c, app);
        }
        return letter(
                Kind.INTERVIEW,
                role,
                app,
                now,
                LETTERS.format("letter.interview.subject", "role", role.title()),
                b,
                null);
    }

    /** The outcome: appointed, in the welcome e-mail's words, or the kind unsuccessful letter. */
    PrintedLetter outcome(Role role, Application app, boolean appointed, Instant now) {
        Body b;
        if (appointed) {
            b = new Body(OUTCOMES, "email.welcome.");
            b.say("greeting", "name", name(app))
                    .say("thanks", "role", role.title(), "programme", role.programme())
                    .heading("next.heading")
                    .say("next.intro")
                    .list(
                            b.words("next.induction"),
                            b.words("next.conduct"),
                            b.words("next.confidentiality"),
                            b.words("next.interests"),
                            b.words("next.values"))
                    .own("letter.outcome.successful.nextLetter")
                    .say("support");
            if (role.payment().isPaid()
                    || "yes".equals(app.answer(ApplicationForm.RECEIVES_BENEFITS)))
                b.say("benefits", "email", role.contact().benefitsAdviceEmail());
            b.say("reference", "reference", app.reference());
            String contact =
                    role.contact().hasPhone()
                            ? OUTCOMES.format(
                                    "email.contactWays.withPhone",
                                    "name",
                                    role.contact().name(),
                                    "email",
                                    role.contact().email(),
                                    "phone",
                                    role.contact().phone())
                            : OUTCOMES.format(
                                    "email.contactWays.withoutPhone",
                                    "name",
                                    role.contact().name(),
                                    "email",
                                    role.contact().email());
            b.say("questions", "contact", contact);
        } else {
            b = new Body(OUTCOMES, "email.unsuccessful.");
            b.from(OutcomeLetters.unsuccessfulWords(role, app));
        }
        return letter(
                Kind.OUTCOME,
                role,
                app,
                now,
                LETTERS.format(
                        appointed
                                ? "letter.outcome.subject.successful"
                                : "letter.outcome.subject.unsuccessful",
                        "role",
                        role.title()),
                b,
                null);
    }

    private static void contact(Body b, String key, Contact c, Application app) {
        if (c.hasPhone())
            b.say(
                    key + ".withPhone",
                    "name",
                    c.name(),
                    "email",
                    c.email(),
                    "phone",
                    c.phone(),
                    "reference",
                    app.reference());
        else
            b.say(
                    key + ".withoutPhone",
                    "name",
                    c.name(),
                    "email",
                    c.email(),
                    "reference",
                    app.reference());
    }

    private static PaperForm monitoringForm(Role role, String code) {
        Contact c = role.contact();
        return new PaperForm(
                LETTERS.get("letter.monitoringForm.title"),
                code,
                List.of(
                        LETTERS.get("letter.monitoringForm.noName"),
                        LETTERS.get("letter.monitoringForm.howToReturn"),
                        LETTERS.get("letter.monitoringForm.keptApart"),
                        LETTERS.format(
                                "letter.monitoringForm.returnTo",
                                "address",
                                c.name() + ", " + role.organisation())),
                MonitoringQuestions.section().fields());
    }

    private static PrintedLetter letter(
            Kind kind,
            Role role,
            Application app,
            Instant now,
            String subject,
            Body b,
            PaperForm form) {
        Contact c = role.contact();
        List<String> from = new ArrayList<>(List.of(c.name(), role.organisation()));
        if (c.hasPhone()) from.add(LETTERS.format("letter.phone", "phone", c.phone()));
        from.add(LETTERS.format("letter.email", "email", c.email()));
        return new PrintedLetter(
                kind,
                app,
                role.title(),
                from,
                address(app),
                ClosingTime.displayDate(now.atZone(ClosingTime.UK).toLocalDate()),
                subject,
                b.blocks,
                List.of(LETTERS.get("letter.signOff"), c.name()),
                form);
    }

    /** The applicant's name and postal address, one line each, blank lines left out. */
    static List<String> address(Application app) {
        return Arrays.stream(
                        new String[] {
                            app.answer(ApplicationForm.FULL_NAME),
                            app.answer(ApplicationForm.ADDRESS_LINE_1),
                            app.answer("addressLine2"),
                            app.answer(ApplicationForm.TOWN),
                            app.answer(ApplicationForm.POSTCODE)
                        })
                .filter(s -> s != null && !s.isBlank())
                .toList();
    }

    private static String name(Application app) {
        return app.answer(ApplicationForm.FULL_NAME);
    }

    /** A letter's body, built from one content file's entries under one prefix, and content/letters' own. */
    private static final class Body {
        final List<Block> blocks = new ArrayList<>();
        private final Words words;
        private final String prefix;

        Body(Words words, String prefix) {
            this.words = words;
            this.prefix = prefix;
        }

        String words(String key, Object... namesAndValues) {
            return words.format(prefix + key, namesAndValues);
        }

        Body say(String key, Object... namesAndValues) {
            blocks.add(new Block("p", List.of(words(key, namesAndValues))));
            return this;
        }

        Body own(String key, Object... namesAndValues) {
            blocks.add(new Block("p", List.of(LETTERS.format(key, namesAndValues))));
            return this;
        }

        Body heading(String key) {
            blocks.add(new Block("h2", List.of(words(key))));
            return this;
        }

        Body list(String... items) {
            blocks.add(new Block("ul", List.of(items)));
            return this;
        }

        /** The parts of an e-mail's words, links left out (a letter cannot carry them), list items gathered. */
        Body from(Letter l) {
            List<String> items = new ArrayList<>();
            for (Letter.Part p : l.parts()) {
                if (!p.kind().equals("li") && !items.isEmpty()) {
                    blocks.add(new Block("ul", items));
                    items = new ArrayList<>();
                }
                switch (p.kind()) {
                    case "p", "h2" -> blocks.add(new Block(p.kind(), List.of(p.text())));
                    case "li" -> items.add(p.text());
                    default -> {}
                }
            }
            if (!items.isEmpty()) blocks.add(new Block("ul", items));
            return this;
        }
    }
}
