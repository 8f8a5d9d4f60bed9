package dev.ykmfa.aws.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shared credentials/config file as a list of lines, each kept byte for byte (the text is handled as ISO-8859-1 so
 * every byte maps to one char and back), so that an edit can change one profile's lines and nothing else.
 *
 * <p>Grammar (the AWS SDK's and the CLI's common subset): blank lines; comment lines starting with {@code #} or
 * {@code ;}; profile lines {@code [name]} optionally followed by a comment; property lines {@code key = value}
 * inside a profile; continuation lines (leading whitespace, no {@code =} required) after a property. Anything else
 * is a {@link CredentialsFileFormatException}.
 */
final class IniDocument {
    enum Kind { BLANK, COMMENT, HEADER, PROPERTY, CONTINUATION }

    /** One physical line. */
    static final class Line {
        final String text;
        final String terminator;
        final Kind kind;
        /** For HEADER: the profile name; for PROPERTY/CONTINUATION: the owning profile name. */
        final String profile;
        /** For PROPERTY/CONTINUATION: the property key. */
        final String key;

        Line(String text, String terminator, Kind kind, String profile, String key) {
            this.text = text;
            this.terminator = terminator;
            this.kind = kind;
            this.profile = profile;
            this.key = key;
        }
    }

    private final List<Line> lines;
    private final String newline;

    private IniDocument(List<Line> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    /**
     * Parses the file text.
     *
     * @param text   the file as ISO-8859-1 text
     * @param source the file name for error messages
     */
    static IniDocument parse(String text, String source) {
        List<Line> lines = new ArrayList<>();
        String newline = null;
        String profile = null;
        String key = null;
        int start = 0;
        int number = 0;
        while (start < text.length()) {
            number++;
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end;
            if (next < text.length() && text.charAt(next) == '\r') {
                next++;
            }
            if (next < text.length() && text.charAt(next) == '\n') {
                next++;
            }
            String content = text.substring(start, end);
            String terminator = text.substring(end, next);
            if (newline == null && !terminator.isEmpty()) {
                newline = terminator;
            }
            start = next;
            String trimmed = content.strip();
            if (trimmed.isEmpty()) {
                lines.add(new Line(content, terminator, Kind.BLANK, null, null));
                key = null;
            } else if (Character.isWhitespace(content.charAt(0)) && key != null) {
                // like the AWS SDK: an indented line after a property continues it, even when it starts with '#'
                lines.add(new Line(content, terminator, Kind.CONTINUATION, profile, key));
            } else if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
                lines.add(new Line(content, terminator, Kind.COMMENT, null, null));
            } else if (content.startsWith("[")) {
                int close = content.indexOf(']');
                if (close < 0) {
                    throw error(source, number, "a profile line must end with ']'");
                }
                String name = content.substring(1, close).strip();
                if (name.isEmpty()) {
                    throw error(source, number, "the profile name between '[' and ']' is empty");
                }
                String rest = content.substring(close + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
                    throw error(source, number, "unexpected text after ']' (only a # or ; comment may follow)");
                }
                profile = name;
                key = null;
                lines.add(new Line(content, terminator, Kind.HEADER, name, null));
            } else {
                int equals = content.indexOf('=');
                if (equals < 0) {
                    throw error(source, number, "expected 'key = value', a [profile] line or a # comment");
                }
                String name = content.substring(0, equals).strip();
                if (name.isEmpty()) {
                    throw error(source, number, "the property name before '=' is empty");
                }
                if (profile == null) {
                    throw error(source, number, "a property appears before the first [profile] line");
                }
                key = name;
                lines.add(new Line(content, terminator, Kind.PROPERTY, profile, name));
            }
        }
        return new IniDocument(lines, newline == null ? "\n" : newline);
    }

    private static CredentialsFileFormatException error(String source, int line, String what) {
        return new CredentialsFileFormatException("Cannot parse " + source + " line " + line + ": " + what
                + ". The file was left unchanged; fix or move it and retry.");
    }

    /**
     * Returns the text with {@code profile} holding {@code properties}: in every section named {@code profile} the
     * lines of the keys in {@code managedKeys} are removed; the new property lines go where the first removed line
     * was (else after the section's last property, else after its header). Without such a section one is appended.
     * All other lines are kept as they were.
     *
     * @param profile     the profile name (ISO-8859-1 view of its UTF-8 bytes)
     * @param properties  key → value, in output order
     * @param managedKeys keys this edit owns (a superset of {@code properties}' keys)
     */
    String withProfile(String profile, Map<String, String> properties, Set<String> managedKeys) {
        StringBuilder out = new StringBuilder();
        List<String> newLines = new ArrayList<>();
        properties.forEach((k, v) -> newLines.add(k + " = " + v));
        int insertAt = -1;
        int firstSectionHeader = -1;
        int lastPropertyOfFirstSection = -1;
        boolean inFirstSection = false;
        List<Boolean> keep = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean keepLine = true;
            if (line.kind == Kind.HEADER) {
                inFirstSection = firstSectionHeader < 0 && line.profile.equals(profile);
                if (inFirstSection) {
                    firstSectionHeader = i;
                }
            } else if ((line.kind == Kind.PROPERTY || line.kind == Kind.CONTINUATION) && profile.equals(line.profile)
                    && managedKeys.contains(line.key)) {
                keepLine = false;
                if (inFirstSection && insertAt < 0) {
                    insertAt = i;
                }
            } else if (inFirstSection && (line.kind == Kind.PROPERTY || line.kind == Kind.CONTINUATION)) {
                lastPropertyOfFirstSection = i;
            }
            keep.add(keepLine);
        }
        if (firstSectionHeader >= 0 && insertAt < 0) {
            insertAt = (lastPropertyOfFirstSection >= 0 ? lastPropertyOfFirstSection : firstSectionHeader) + 1;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i == insertAt) {
                appendNewLines(out, newLines);
            }
            Line line = lines.get(i);
            if (keep.get(i)) {
                out.append(line.text).append(line.terminator);
            }
        }
        if (insertAt == lines.size()) {
            appendNewLines(out, newLines);
        } else if (firstSectionHeader < 0) {
            if (!lines.isEmpty()) {
                Line last = lines.get(lines.size() - 1);
                if (last.terminator.isEmpty()) {
                    out.append(newline);
                }
                if (last.kind != Kind.BLANK) {
                    out.append(newline);
                }
            }
            out.append('[').append(profile).append(']').append(newline);
            for (String l : newLines) {
                out.append(l).append(newline);
            }
        }
        return out.toString();
    }

    private void appendNewLines(StringBuilder out, List<String> newLines) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\r') {
            out.append(newline);
        }
        for (String l : newLines) {
            out.append(l).append(newline);
        }
    }
}
