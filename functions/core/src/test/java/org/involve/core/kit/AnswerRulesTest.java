package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerRulesTest {
    private final Field name =
            Field.text("fullName", "Full name", null, true, 100, "name", "Enter your full name");
    private final Field story =
            Field.textarea("story", "Your story", null, true, 50, "Tell us your story");
    private final Field email =
            new Field(
                    "email",
                    "Email address",
                    null,
                    Field.Kind.EMAIL,
                    true,
                    254,
                    List.of(),
                    "email",
                    "Enter your email address");
    private final Field phone =
            new Field(
                    "phone",
                    "UK phone number",
                    null,
                    Field.Kind.PHONE,
                    true,
                    20,
                    List.of(),
                    "tel",
                    "Enter your phone number");
    private final Field postcode =
            new Field(
                    "postcode",
                    "Postcode",
                    null,
                    Field.Kind.POSTCODE,
                    true,
                    10,
                    List.of(),
                    null,
                    "Enter your postcode");

    @Test
    void aMissingRequiredAnswerGetsItsOwnMessage() {
        assertEquals("Enter your full name", FormValidator.check(name, "").orElseThrow());
    }

    @Test
    void anAnswerOverItsLengthSaysTheLimitAndTheCount() {
        assertEquals(
                "Your story must be 50 characters or fewer. You have used 51.",
                FormValidator.check(story, "x".repeat(51)).orElseThrow());
    }

    private static String markupError(String label) {
        Field f =
                new Field("q", label, null, Field.Kind.TEXTAREA, false, 100, List.of(), null, "x");
        return FormValidator.check(f, "<b>").orElseThrow();
    }

    /** A number with too many digits is too big, not "not a whole number". */
    @Test
    void aHugeWholeNumberIsTooBig() {
        Field count =
                new Field(
                        "n",
                        "How many roles do you hold?",
                        null,
                        Field.Kind.NUMBER,
                        true,
                        99,
                        List.of(),
                        null,
                        "x");
        assertEquals(
                "Your answer must be 99 or fewer",
                FormValidator.check(count, "99999999999999999999").orElseThrow());
        assertEquals(
                "Your answer must be 99 or fewer", FormValidator.check(count, "100").orElseThrow());
        assertTrue(FormValidator.check(count, "007").isEmpty());
        assertEquals(
                "Your answer must be a whole number, like 0, 1 or 2",
                FormValidator.check(count, "2.5").orElseThrow());
    }

    /** Error messages start with a short name, never a whole question or sentence, nor "(optional)". */
    @Test
    void errorMessagesNameTheQuestionShortly() {
        assertEquals(
                "Address line 2 must not include < or > or HTML codes. Use plain words instead.",
                markupError("Address line 2 (optional)"));
        assertEquals(
                "Your answer must not include < or > or HTML codes. Use plain words instead.",
                markupError("Do you have any support needs? (optional)"));
        assertEquals(
                "Your answer must not include < or > or HTML codes. Use plain words instead.",
                markupError(
                        "Experience of speaking up for people who use health services (desirable)"));
        assertEquals(
                "Your answer must not include < or > or HTML codes. Use plain words instead.",
                markupError("Tell us about what the professional body did (optional)"));
        assertEquals(
                "Interest in research must not include < or > or HTML codes. Use plain words instead.",
                markupError("Interest in research (desirable)"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "Jo <b>Bloggs</b>",
                "Jo &lt;Bloggs",
                "</p>",
                "<!-- x -->"
            })
    void markupIsRefusedInPlainWords(String value) {
        assertTrue(
                FormValidator.check(name, value).orElseThrow().contains("must not include < or >"));
    }

    @Test
    void aLessThanSignInOrdinaryWritingIsAccepted() {
        assertTrue(FormValidator.check(story, "I waited < 2 hours").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Jo\r\nBcc: x@example.org", "Jo\nBloggs", "Jo\rBloggs", "Jo\u2028Bloggs"})
    void lineBreaksAreRefusedInOneLineAnswers(String value) {
        assertEquals(
                "Full name must be on one line.", FormValidator.check(name, value).orElseThrow());
    }

    @Test
    void lineBreaksAreFineInLongAnswers() {
        assertTrue(FormValidator.check(story, "First.\r\nSecond.").isEmpty());
    }

    @Test
    void controlCharactersAreRefusedEverywhere() {
        assertTrue(FormValidator.check(story, "Bell\u0007").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo@example.org", "jo.bloggs+apply@mail.example.co.uk"})
    void wellFormedEmailAddressesAreAccepted(String value) {
        assertTrue(FormValidator.check(email, value).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jo",
                "jo@",
                "jo@example",
                "jo @example.org",
                "@example.org",
                "jo@example..org"
            })
    void malformedEmailAddressesAreRefused(String value) {
        assertEquals(
                "Enter an email address in the correct format, like name@example.com",
                FormValidator.check(email, value).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01632 960 001",
                "07700 900982",
                "+44 7700 900982",
                "(0113) 496 0000",
                "0044 20 7946 0000",
                "020-7946-0000"
            })
    void ukPhoneNumbersAreAccepted(String value) {
        assertTrue(FormValidator.check(phone, value).isEmpty(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+1 212 555 0100", "07700 9009", "0770090098212", "phone me"})
    void nonUkOrIncompletePhoneNumbersAreRefused(String value) {
        assertEquals(
                "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
                FormValidator.check(phone, value).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LS1 4AP",
                "ls14ap",
                "SW1A 1AA",
                "M1 1AE",
                "B33 8TH",
                "CR2 6XH",
                "DN55 1PT",
                "EC1A 1BB"
            })
    void ukPostcodesAreAccepted(String value) {
        assertTrue(FormValidator.check(postcode, value).isEmpty(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LS1", "12345", "QQ1 1QQ", "LS1 4A"})
    void incompleteOrImpossiblePostcodesAreRefused(String value) {
        assertEquals(
                "Enter a full UK postcode, like LS1 4AP",
                FormValidator.check(postcode, value).orElseThrow());
    }

    @Test
    void validPostcodesAreStoredTheStandardWay() {
        var r = FormValidator.validate(List.of(postcode), Map.of("postcode", " ls14ap "));
        assertEquals("LS1 4AP", r.values().get("postcode"));
    }

    @Test
    void aRadioAnswerMustBeOneOfItsOptions() {
        Field f = Field.yesNo("q", "Question?", null, "Select yes or no");
        assertEquals("Select yes or no", FormValidator.check(f, "maybe").orElseThrow());
        assertTrue(FormValidator.check(f, "no").isEmpty());
    }

    @Test
    void fieldsNotOnTheFormAreIgnored() {
        var r =
                FormValidator.validate(
                        List.of(name), Map.of("fullName", "Jo Bloggs", "isAdmin", "true"));
        assertFalse(r.values().containsKey("isAdmin"));
    }
}
