package org.involve.core.shortlisting;

import java.util.List;
import org.involve.core.kit.Words;

/**
 * The points a panel member gives one answer, from 0 to {@code highest}, with a word for each so panel
 * members mean the same thing by a 2. A criterion is met when its average across the panel is at least
 * {@code meets}; scores that differ by {@code disagreement} or more are flagged for the panel to talk over.
 */
public record ScoreScale(int highest, int meets, int disagreement, List<String> labels) {
    public static final ScoreScale STANDARD =
            new ScoreScale(
                    4,
                    2,
                    2,
                    java.util.stream.IntStream.rangeClosed(0, 4)
                            .mapToObj(n -> Words.of("shortlisting").get("score." + n))
                            .toList());

    public ScoreScale {
        if (highest < 1 || meets < 0 || meets > highest || disagreement < 1)
            throw new IllegalArgumentException(
                    "A score scale needs a top score of at least 1 and a pass mark within it");
        labels = List.copyOf(labels);
        if (labels.size() != highest + 1)
            throw new IllegalArgumentException(
                    "A score scale needs one label for each score from 0 to " + highest);
    }

    public boolean allows(int points) {
        return points >= 0 && points <= highest;
    }

    public String label(int points) {
        return labels.get(points);
    }
}
