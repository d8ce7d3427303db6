package dev.interviewcoach.question;

import dev.interviewcoach.text.EditDistance;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a command says about a track name it does not know: the nearest track's name, when one is near, and the list. */
public final class UnknownTrack {

    /** How many edits a typed name may be from a track, or from its first word ("pyhton" for python-developer). */
    static final int NEAR = 2;

    private UnknownTrack() {
    }

    /** "I don't know the track "pyhton". Did you mean python-developer? Tracks: ...". */
    public static String message(QuestionBanks banks, String typed) {
        List<String> names = banks.tracks().stream().map(Bank::track).toList();
        String shown = typed.length() > 40 ? typed.substring(0, 40) + "..." : typed;
        return "I don't know the track \"" + shown + "\"." + nearest(names, typed).map(n -> " Did you mean " + n + "?")
                .orElse("") + " Tracks: " + String.join(", ", names) + ".";
    }

    /**
     * The track a typed name most likely meant: a typo of its name or of its first word, the start of its name, or
     * its name with more after it.
     */
    static Optional<String> nearest(List<String> names, String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            String firstWord = name.split("-")[0];
            int distance = Math.min(EditDistance.between(t, name), EditDistance.between(t, firstWord));
            // the start of a name ("sys"), or a name with more typed after it ("python-developer abc", whose words
            // the command joins into one track name)
            if (t.length() >= 3 && name.startsWith(t) || t.startsWith(name + "-")) {
                distance = 0;
            }
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= NEAR ? Optional.of(best) : Optional.empty();
    }
}
