package org.involve.core.application;

import java.util.List;

/**
 * Applications waiting for the team to do something, each list kept as a sparse index that holds only what is
 * waiting (an application joins it in the step that puts it there and leaves in the step that takes it out), so
 * reading a list costs what is waiting, never every application received.
 */
public interface WaitingForStaff {
    /** Every application held to talk to us first ({@link TalkFirstQueue#isHeld}), oldest first. */
    List<Application> heldToTalkFirst();

    /** Every application asking for support or another format not yet marked done ({@link SupportRequests#isWaiting}), oldest first. */
    List<Application> supportNotDone();
}
