package org.involve.core.links;

/** Why a link was not accepted, with what to tell the person who followed it. */
public enum LinkRefusal {
    TAMPERED("This link is not one we recognise. It may have been copied only in part: try selecting it in the email again, or contact us."),
    EXPIRED("This link has expired. Contact us and we will send you a new one."),
    WRONG_PURPOSE("This link is for something else. Use the link in the email about this request."),
    ALREADY_USED("This link has already been used. If you need to change what you sent, contact us.");

    private final String message;

    LinkRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
