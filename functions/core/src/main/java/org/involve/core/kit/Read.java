package org.involve.core.kit;

/** Which copy of a record a read needs: every port's find says it, so the choice is made where it matters. */
public enum Read {
    /** The record as the last write left it: before deciding something from it, or showing staff what they just saved. */
    CONSISTENT,
    /** A copy that may be a moment old, at half the cost: for showing, and for jobs that check again when they write. */
    EVENTUAL
}
