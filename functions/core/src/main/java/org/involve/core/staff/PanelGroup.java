package org.involve.core.staff;

import java.util.List;

/**
 * Who is in the panel group, for staff choosing a role's panel. The sign-in service (Cognito in AWS) is the only
 * true list, and the functions never read it: instead each person in the panel group is recorded here when they sign
 * in (and forgotten when they sign in no longer in it), so a person can be chosen once they have signed in once. The
 * local runtime records its made-up panel people when it starts.
 */
public interface PanelGroup {
    /** Everyone recorded in the panel group, by name. */
    List<PanelMember> members();

    /** Records the person if they are in the panel group, and forgets them if they are not. */
    void signedIn(StaffMember who);
}
