package org.involve.core.monitoring;

import org.involve.core.kit.Field;
import org.involve.core.kit.Field.Option;
import org.involve.core.kit.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The equal-opportunities questions. Every one offers "Prefer not to say". Categories follow the 2021 Census. */
public final class MonitoringQuestions {
    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

    private MonitoringQuestions() {}

    public static Section section() {
        return new Section("monitoring", "Equal opportunities monitoring",
                "These answers are kept apart from your application and are never seen by the people who assess it. "
                        + "They are used only to count, in groups too large to identify anyone, who applies.",
                List.of(
                        question("ageBand", "your age", "What is your age?", null, "16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "75 or over"),
                        question("sex", "your sex", "What is your sex?", null, "Female", "Male"),
                        question("genderSameAsBirth", "whether your gender is the same as your sex registered at birth", "Is the gender you identify with the same as your sex registered at birth?", null, "Yes", "No"),
                        question("sexualOrientation", "your sexual orientation", "Which of the following best describes your sexual orientation?", null,
                                "Straight or heterosexual", "Gay or lesbian", "Bisexual", "Other sexual orientation"),
                        question("ethnicGroup", "your ethnic group", "What is your ethnic group?", "Choose the option that best describes your ethnic group or background.",
                                "Asian or Asian British: Indian", "Asian or Asian British: Pakistani", "Asian or Asian British: Bangladeshi",
                                "Asian or Asian British: Chinese", "Asian or Asian British: any other Asian background",
                                "Black, Black British, Caribbean or African: Caribbean", "Black, Black British, Caribbean or African: African",
                                "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background",
                                "Mixed or multiple ethnic groups: White and Black Caribbean", "Mixed or multiple ethnic groups: White and Black African",
                                "Mixed or multiple ethnic groups: White and Asian", "Mixed or multiple ethnic groups: any other mixed or multiple ethnic background",
                                "White: English, Welsh, Scottish, Northern Irish or British", "White: Irish", "White: Gypsy or Irish Traveller", "White: Roma",
                                "White: any other White background", "Other ethnic group: Arab", "Other ethnic group: any other ethnic group"),
                        question("religion", "your religion", "What is your religion?", null,
                                "No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion"),
                        question("disability", "whether you have a long-term health condition or illness", "Do you have a physical or mental health condition or illness that has lasted, or is expected to last, 12 months or more?", null, "Yes", "No"),
                        question("caring", "whether you look after or support anyone", "Do you look after, or give any help or support to, anyone because of a long-term physical or mental health condition, illness or problems related to old age?", "Do not count anything you do as part of paid work.", "Yes", "No"),
                        question("region", "where you live", "Where do you live?", null,
                                "North East England", "North West England", "Yorkshire and the Humber", "East Midlands", "West Midlands",
                                "East of England", "London", "South East England", "South West England", "Wales", "Scotland", "Northern Ireland", "Outside the UK")));
    }

    /** @param topic what the question asks about, for its error message: "Select your age, or Prefer not to say" */
    private static Field question(String name, String topic, String label, String hint, String... answers) {
        List<Option> options = new ArrayList<>();
        Arrays.stream(answers).forEach(a -> options.add(new Option(slug(a), a)));
        options.add(new Option(PREFER_NOT_TO_SAY, "Prefer not to say"));
        return Field.radios(name, label, hint, options, "Select " + topic + ", or Prefer not to say");
    }

    static String slug(String answer) {
        return answer.toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
