package eu.smartcity.accelerator.cycle.internal;

import eu.smartcity.accelerator.cycle.BylawsVersions.TextChange;
import java.util.ArrayList;
import java.util.List;

/** Lines removed and added between two texts (longest common subsequence; bylaws texts are a few hundred lines). */
final class TextDiff {

    private TextDiff() {}

    static List<TextChange> lines(String before, String after) {
        String[] a = before == null ? new String[0] : before.split("\r?\n", -1);
        String[] b = after == null ? new String[0] : after.split("\r?\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<TextChange> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                changes.add(new TextChange(true, j + 1, b[j]));
                j++;
            } else {
                changes.add(new TextChange(false, i + 1, a[i]));
                i++;
            }
        }
        return changes;
    }
}
