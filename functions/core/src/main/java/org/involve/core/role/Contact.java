package org.involve.core.role;

/**
 * Who to ask about the role, the team mailbox that receives staff tasks, and where partners reach the
 * free benefits advice line (payments can affect benefits, so every payment e-mail points to it).
 */
public record Contact(
        String name, String email, String phone, String teamEmail, String benefitsAdviceEmail) {

    /** Whether letters and pages can offer a telephone number, which is written as staff entered it. */
    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
