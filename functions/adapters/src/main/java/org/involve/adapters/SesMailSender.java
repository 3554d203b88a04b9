package org.involve.adapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.adapters.internal.SignedHttp;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.MailSender.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Sends e-mail with SES v2's SendEmail, as simple content with HTML and text parts, and returns SES's message id. The
 * call is SES v2's REST API ({@code POST /v2/email/outbound-emails}, JSON made with jackson-core) through {@link
 * SignedHttp}, never retried there (see {@link AwsClients#ses()}); SES's errors arrive as the SDK's {@link
 * AwsServiceException} with SES's error code, and an answer that never came as an {@link SdkClientException}. Every failure
 * becomes a {@link MailNotSent} whose {@link Problem} is decided in one place, {@link #problem(SdkException)}:
 * <ul>
 *   <li>retry (SES did not take the message and may later): throttling and quotas, sending paused, an account
 *       suspended or a sender or configuration not set up (a person can fix these within the retry window), any 5xx,
 *       and no connection made at all;
 *   <li>give up (SES will never take this message): the message or an address rejected, a malformed request;
 *   <li>ambiguous (SES may have taken it): the request went and no answer came (a read timeout, the call's time
 *       running out, a broken connection), so it is not sent again without a person checking.
 * </ul>
 * SES's own messages can quote the recipient, so only error codes go into ours.
 */
public final class SesMailSender implements MailSender {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String PATH = "/v2/email/outbound-emails";
    private static final JsonFactory JSON = new JsonFactory();
    private final SignedHttp ses;
    private final String from;
    private final String configurationSet;

    public SesMailSender(SignedHttp ses, String from) {
        this(ses, from, "");
    }

    /**
     * @param configurationSet the SES configuration set whose events (bounces, complaints) reach the mail feedback
     *     queue; empty for none
     */
    public SesMailSender(SignedHttp ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet == null ? "" : configurationSet;
    }

    @Override
    public void send(Email email) throws MailNotSent {
        sendForId(email);
    }

    @Override
    public String sendForId(Email email) throws MailNotSent {
        try {
            SignedHttp.Answer answer =
                    ses.send(
                            SdkHttpMethod.POST,
                            URI.create(ses.endpoint().toString().replaceFirst("/+$", "") + PATH),
                            Map.of("Content-Type", "application/json"),
                            request(email));
            return messageId(answer.body());
        } catch (SdkServiceException e) {
            throw new MailNotSent("SES did not send the message: " + describe(e), problem(e), null);
        } catch (SdkClientException e) {
            throw new MailNotSent(
                    "SES could not be reached or gave no answer: "
                            + e.getClass().getSimpleName()
                            + causeName(e),
                    problem(e),
                    null);
        }
    }

    /**
     * SnapStart priming: sends {@code example} as {@link #sendForId} does, signed as SES's calls are but over {@link
     * OfflineHttp}, which answers the send itself: the request is built, marshalled and signed and SES's answer
     * read, and nothing reaches SES (no e-mail, no sending quota used).
     *
     * @return the message id the offline answer gave
     */
    public String rehearse(Email example) throws MailNotSent {
        OfflineHttp offline = new OfflineHttp(200, "{\"MessageId\":\"priming\"}");
        return new SesMailSender(AwsClients.offlineSes(offline), from, configurationSet)
                .sendForId(example);
    }

    /** SendEmail's request: exactly the fields the SDK's client sent for us. */
    byte[] request(Email email) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (!configurationSet.isEmpty())
                g.writeStringField("ConfigurationSetName", configurationSet);
            g.writeObjectFieldStart("Content");
            g.writeObjectFieldStart("Simple");
            g.writeObjectFieldStart("Body");
            content(g, "Html", email.html());
            content(g, "Text", email.text());
            g.writeEndObject();
            content(g, "Subject", email.subject());
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("Destination");
            g.writeArrayFieldStart("ToAddresses");
            g.writeString(email.to());
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("FromEmailAddress", from);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void content(JsonGenerator g, String name, String data) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("Charset", UTF_8);
        g.writeStringField("Data", data);
        g.writeEndObject();
    }

    /** SendEmail's answer, {@code {"MessageId":"…"}}. */
    private static String messageId(byte[] answer) {
        try (JsonParser p = JSON.createParser(answer)) {
            if (p.nextToken() == JsonToken.START_OBJECT)
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && name.equals("MessageId"))
                        return p.getText();
                    p.skipChildren();
                }
        } catch (IOException e) {
            throw SdkClientException.create("SES's answer was not JSON", e);
        }
        return null;
    }

    /** The one place an SES failure is classified: what went wrong, and so whether to retry, give up or ask staff. */
    static Problem problem(SdkException e) {
        if (e instanceof SdkServiceException service) return serviceProblem(service);
        for (Throwable c = e; c != null; c = c.getCause()) {
            // No connection was made: the message never left.
            if (c instanceof ConnectException
                    || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) return Problem.UNREACHABLE;
        }
        // The request may have reached SES (timed out waiting, connection broken): it may have sent
        // it.
        return Problem.NO_ANSWER;
    }

    /** By SES v2's error codes (its SDK client's exception classes were named after them). */
    private static Problem serviceProblem(SdkServiceException e) {
        String code = code(e);
        if (code.equals("TooManyRequestsException")
                || code.equals("LimitExceededException")
                || e.isThrottlingException()
                || e.statusCode() == 429) return Problem.THROTTLED;
        if (code.equals("SendingPausedException") || code.equals("AccountSuspendedException"))
            return Problem.SENDING_PAUSED;
        if (code.equals("MailFromDomainNotVerifiedException") || code.equals("NotFoundException"))
            return Problem.NOT_SET_UP;
        if (code.equals("MessageRejected")) return Problem.MESSAGE_REJECTED;
        if (code.equals("BadRequestException")) return Problem.BAD_REQUEST;
        if (e.statusCode() >= 500) return Problem.PROVIDER_ERROR;
        // Anything else from SES (an unknown 4xx, say a permission not yet granted) is taken as
        // configuration.
        return Problem.NOT_SET_UP;
    }

    /** Kept for the callers that only ask whether to retry. */
    static boolean retryable(SdkServiceException e) {
        return problem(e).verdict() == MailSender.Verdict.RETRY;
    }

    private static String causeName(Throwable e) {
        return e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")";
    }

    private static String code(SdkServiceException e) {
        return e instanceof AwsServiceException a
                        && a.awsErrorDetails() != null
                        && a.awsErrorDetails().errorCode() != null
                ? a.awsErrorDetails().errorCode()
                : "";
    }

    /** The cause is left out on purpose: its message may hold the recipient's address. */
    private static String describe(SdkServiceException e) {
        String code = code(e);
        if (code.isEmpty()) code = e.getClass().getSimpleName();
        return code + " (HTTP " + e.statusCode() + ", request " + e.requestId() + ")";
    }
}
