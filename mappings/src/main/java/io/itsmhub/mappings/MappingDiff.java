package io.itsmhub.mappings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line-based diff of two mapping texts (longest common subsequence), to show what
 * changed between two versions of a mapping, in a list of lines or as a unified diff.
 */
public final class MappingDiff {

	/**
	 * Above this many cells the middle part (after common head and tail) is shown as
	 * removed and added whole, so two huge unrelated texts cannot exhaust memory.
	 */
	private static final long MAX_CELLS = 4_000_000L;

	private final List<Line> lines;

	private MappingDiff(List<Line> lines) {
		this.lines = Collections.unmodifiableList(lines);
	}

	/** What happened to one line. */
	public enum Kind {

		/** In both texts. */
		SAME,

		/** Only in the new text. */
		ADDED,

		/** Only in the old text. */
		REMOVED

	}

	/**
	 * One line of the diff.
	 *
	 * @param kind whether the line is in both texts, only the new one or only the old one
	 * @param oldLine its line number in the old text (from 1), {@code null} when added
	 * @param newLine its line number in the new text (from 1), {@code null} when removed
	 * @param text the line, without its line break
	 */
	public record Line(Kind kind, Integer oldLine, Integer newLine, String text) {

	}

	/** The diff from {@code oldText} to {@code newText}. */
	public static MappingDiff of(String oldText, String newText) {
		String[] a = split(oldText);
		String[] b = split(newText);
		int head = 0;
		while (head < a.length && head < b.length && a[head].equals(b[head])) {
			head++;
		}
		int tail = 0;
		while (tail < a.length - head && tail < b.length - head
				&& a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
			tail++;
		}
		List<Line> lines = new ArrayList<>(Math.max(a.length, b.length) + 8);
		for (int i = 0; i < head; i++) {
			lines.add(new Line(Kind.SAME, i + 1, i + 1, a[i]));
		}
		middle(a, b, head, a.length - tail, head, b.length - tail, lines);
		for (int i = tail; i > 0; i--) {
			int oldIndex = a.length - i;
			int newIndex = b.length - i;
			lines.add(new Line(Kind.SAME, oldIndex + 1, newIndex + 1, a[oldIndex]));
		}
		return new MappingDiff(lines);
	}

	private static void middle(String[] a, String[] b, int aFrom, int aTo, int bFrom, int bTo, List<Line> out) {
		int n = aTo - aFrom;
		int m = bTo - bFrom;
		if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
			for (int i = aFrom; i < aTo; i++) {
				out.add(new Line(Kind.REMOVED, i + 1, null, a[i]));
			}
			for (int j = bFrom; j < bTo; j++) {
				out.add(new Line(Kind.ADDED, null, j + 1, b[j]));
			}
			return;
		}
		// lcs[i][j]: the longest common subsequence of a[aFrom + i..] and b[bFrom + j..]
		int[][] lcs = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				lcs[i][j] = a[aFrom + i].equals(b[bFrom + j]) ? lcs[i + 1][j + 1] + 1
						: Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && a[aFrom + i].equals(b[bFrom + j])) {
				out.add(new Line(Kind.SAME, aFrom + i + 1, bFrom + j + 1, a[aFrom + i]));
				i++;
				j++;
			}
			else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
				// removals before additions, as diff -u shows a changed line
				out.add(new Line(Kind.REMOVED, aFrom + i + 1, null, a[aFrom + i]));
				i++;
			}
			else {
				out.add(new Line(Kind.ADDED, null, bFrom + j + 1, b[bFrom + j]));
				j++;
			}
		}
	}

	private static String[] split(String text) {
		if (text == null || text.isEmpty()) {
			return new String[0];
		}
		String[] lines = text.split("\r?\n", -1);
		// a final line break does not start another line
		if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
			String[] trimmed = new String[lines.length - 1];
			System.arraycopy(lines, 0, trimmed, 0, trimmed.length);
			return trimmed;
		}
		return lines;
	}

	/** Every line of both texts, in order, each marked same, added or removed. */
	public List<Line> lines() {
		return this.lines;
	}

	/** How many lines only the new text has. */
	public int added() {
		return (int) this.lines.stream().filter((line) -> line.kind() == Kind.ADDED).count();
	}

	/** How many lines only the old text has. */
	public int removed() {
		return (int) this.lines.stream().filter((line) -> line.kind() == Kind.REMOVED).count();
	}

	/** Whether the texts have the same lines. */
	public boolean isEmpty() {
		return this.lines.stream().allMatch((line) -> line.kind() == Kind.SAME);
	}

	/**
	 * The diff in unified format ({@code diff -u}), with {@code context} unchanged lines
	 * around each change; empty when nothing changed.
	 */
	public String unified(String oldName, String newName, int context) {
		if (isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		out.append("--- ").append(oldName).append('\n');
		out.append("+++ ").append(newName).append('\n');
		int size = this.lines.size();
		int index = 0;
		while (index < size) {
			int change = nextChange(index);
			if (change < 0) {
				break;
			}
			int start = Math.max(index, change - context);
			// a hunk ends once more than 2 * context unchanged lines follow its last
			// change
			int end = change;
			int last = change;
			while (end < size) {
				if (this.lines.get(end).kind() != Kind.SAME) {
					last = end;
				}
				else if (end - last > 2 * context) {
					break;
				}
				end++;
			}
			end = Math.min(size, last + context + 1);
			hunk(out, start, end);
			index = end;
		}
		return out.toString();
	}

	private int nextChange(int from) {
		for (int i = from; i < this.lines.size(); i++) {
			if (this.lines.get(i).kind() != Kind.SAME) {
				return i;
			}
		}
		return -1;
	}

	private void hunk(StringBuilder out, int start, int end) {
		int oldStart = 0;
		int newStart = 0;
		int oldCount = 0;
		int newCount = 0;
		for (int i = start; i < end; i++) {
			Line line = this.lines.get(i);
			if (line.oldLine() != null) {
				oldStart = (oldCount == 0) ? line.oldLine() : oldStart;
				oldCount++;
			}
			if (line.newLine() != null) {
				newStart = (newCount == 0) ? line.newLine() : newStart;
				newCount++;
			}
		}
		if (oldCount == 0) {
			oldStart = precedingLine(start, true);
		}
		if (newCount == 0) {
			newStart = precedingLine(start, false);
		}
		out.append("@@ -")
			.append(oldStart)
			.append(',')
			.append(oldCount)
			.append(" +")
			.append(newStart)
			.append(',')
			.append(newCount)
			.append(" @@\n");
		for (int i = start; i < end; i++) {
			Line line = this.lines.get(i);
			char mark = switch (line.kind()) {
				case SAME -> ' ';
				case ADDED -> '+';
				case REMOVED -> '-';
			};
			out.append(mark).append(line.text()).append('\n');
		}
	}

	/** An empty side of a hunk names the line before it, as diff -u does. */
	private int precedingLine(int index, boolean old) {
		for (int i = index - 1; i >= 0; i--) {
			Integer number = old ? this.lines.get(i).oldLine() : this.lines.get(i).newLine();
			if (number != null) {
				return number;
			}
		}
		return 0;
	}

}
