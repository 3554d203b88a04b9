package org.involve.adapters;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.MailSender.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends e-mail with SES v2, as simple content with HTML and text parts, and returns SES's message id. Every failure
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
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailSender(SesV2Client ses, String from) {
        this(ses, from, "");
    }

    /**
     * @param configurationSet the SES configuration set whose events (bounces, complaints) reach the mail feedback
     *     queue; empty for none
     */
    public SesMailSender(SesV2Client ses, String from, String configurationSet) {
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
            return ses.sendEmail(
                            r ->
                                    r.fromEmailAddress(from)
                                            .configurationSetName(
                                                    configurationSet.isEmpty()
                                                            ? null
                                                            : configurationSet)
                                            .destination(d -> d.toAddresses(email.to()))
                                            .content(c -> c.simple(m -> message(m, email))))
                    .messageId();
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
     * SnapStart priming: sends {@code example} as {@link #sendForId} does, through a client set up as SES's but over
     * {@link OfflineHttp}, which answers the send itself: the request is built, marshalled and signed and SES's answer
     * read, and nothing reaches SES (no e-mail, no sending quota used).
     *
     * @return the message id the offline answer gave
     */
    public String rehearse(Email example) throws MailNotSent {
        OfflineHttp offline = new OfflineHttp(200, "{\"MessageId\":\"priming\"}");
        try (SesV2Client client = AwsClients.offlineSes(offline)) {
            return new SesMailSender(client, from, configurationSet).sendForId(example);
        }
    }

    private static void message(Message.Builder m, Email email) {
        m.subject(utf8(email.subject()))
                .body(Body.builder().html(utf8(email.html())).text(utf8(email.text())).build());
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

    private static Problem serviceProblem(SdkServiceException e) {
        if (e instanceof TooManyRequestsException
                || e instanceof LimitExceededException
                || e.isThrottlingException()
                || e.statusCode() == 429) return Problem.THROTTLED;
        if (e instanceof SendingPausedException || e instanceof AccountSuspendedException)
            return Problem.SENDING_PAUSED;
        if (e instanceof MailFromDomainNotVerifiedException || e instanceof NotFoundException)
            return Problem.NOT_SET_UP;
        if (e instanceof MessageRejectedException) return Problem.MESSAGE_REJECTED;
        if (e instanceof BadRequestException) return Problem.BAD_REQUEST;
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

    /** The cause is left out on purpose: its message may hold the recipient's address. */
    private static String describe(SdkServiceException e) {
        String code =
                e instanceof AwsServiceException a && a.awsErrorDetails() != null
                        ? a.awsErrorDetails().errorCode()
                        : e.getClass().getSimpleName();
        return code + " (HTTP " + e.statusCode() + ", request " + e.requestId() + ")";
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(UTF_8).build();
    }
}
