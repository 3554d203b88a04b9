package org.involve.core.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.Field;
import org.involve.core.kit.Field.Option;
import org.involve.core.kit.Questions;
import org.involve.core.kit.Section;

/** The equal-opportunities questions. Every one offers "Prefer not to say". Categories follow the 2021 Census. */
public final class MonitoringQuestions {
    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

    private static final Questions Q = Questions.of("monitoring");

    private MonitoringQuestions() {}

    public static Section section() {
        return new Section(
                "monitoring",
                Q.words().get("page.form.title"),
                Q.words().get("page.form.intro"),
                List.of(
                        question(
                                "ageBand",
                                "16-to-24",
                                "25-to-34",
                                "35-to-44",
                                "45-to-54",
                                "55-to-64",
                                "65-to-74",
                                "75-or-over"),
                        question("sex", "female", "male"),
                        question("genderSameAsBirth", "yes", "no"),
                        question(
                                "sexualOrientation",
                                "straight-or-heterosexual",
                                "gay-or-lesbian",
                                "bisexual",
                                "other-sexual-orientation"),
                        question(
                                "ethnicGroup",
                                "asian-or-asian-british-indian",
                                "asian-or-asian-british-pakistani",
                                "asian-or-asian-british-bangladeshi",
                                "asian-or-asian-british-chinese",
                                "asian-or-asian-british-any-other-asian-background",
                                "black-black-british-caribbean-or-african-caribbean",
                                "black-black-british-caribbean-or-african-african",
                                "black-black-british-caribbean-or-african-any-other-black-black-british-or-caribbean-background",
                                "mixed-or-multiple-ethnic-groups-white-and-black-caribbean",
                                "mixed-or-multiple-ethnic-groups-white-and-black-african",
                                "mixed-or-multiple-ethnic-groups-white-and-asian",
                                "mixed-or-multiple-ethnic-groups-any-other-mixed-or-multiple-ethnic-background",
                                "white-english-welsh-scottish-northern-irish-or-british",
                                "white-irish",
                                "white-gypsy-or-irish-traveller",
                                "white-roma",
                                "white-any-other-white-background",
                                "other-ethnic-group-arab",
                                "other-ethnic-group-any-other-ethnic-group"),
                        question(
                                "religion",
                                "no-religion",
                                "christian",
                                "buddhist",
                                "hindu",
                                "jewish",
                                "muslim",
                                "sikh",
                                "any-other-religion"),
                        question("disability", "yes", "no"),
                        question("caring", "yes", "no"),
                        question(
                                "region",
                                "north-east-england",
                                "north-west-england",
                                "yorkshire-and-the-humber",
                                "east-midlands",
                                "west-midlands",
                                "east-of-england",
                                "london",
                                "south-east-england",
                                "south-west-england",
                                "wales",
                                "scotland",
                                "northern-ireland",
                                "outside-the-uk")));
    }

    /**
     * A question with its answers' values in order, each answer's words from field.NAME.option.VALUE, and "Prefer not
     * to say". Every question may be skipped (the form is voluntary): a skipped one is kept as "" and counted with
     * "Prefer not to say"; only an answer the form does not offer is refused.
     */
    private static Field question(String name, String... answers) {
        List<Option> options = new ArrayList<>(Q.options(name, answers));
        options.add(Q.options("monitoring", PREFER_NOT_TO_SAY).get(0));
        return new Field(
                name,
                Q.label(name),
                Q.hint(name),
                Field.Kind.RADIOS,
                false,
                40,
                options,
                null,
                Q.missing(name));
    }
}
