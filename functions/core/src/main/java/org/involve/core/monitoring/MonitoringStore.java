package org.involve.core.monitoring;

/** Write-only: nothing that serves staff or panels can read equal-opportunities answers back. */
public interface MonitoringStore {
    /** What became of a set of answers. */
    enum Outcome {
        RECORDED,
        /** Answers were already recorded under this key: they are not overwritten. */
        ALREADY_RECORDED,
        /**
         * The form has closed for the role: its round is over (filled or withdrawn), its answers have been deleted, or
         * there is no such role. Nothing was written: such answers would be kept without a clock, or past it.
         */
        CLOSED
    }

    /**
     * Records the answers in one write, on condition that none are kept under their key, that the role is there and its
     * round is not over, and that the retention job has not deleted the role's answers.
     */
    Outcome record(MonitoringResponse response);
}
