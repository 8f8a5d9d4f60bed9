package dev.ykmfa.awssim.server;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A tiny streaming XML writer over a {@link StringBuilder}: elements, escaped text, nothing else. Responses of the
 * Query protocol are flat and known in advance, so no DOM is needed.
 */
public final class Xml {
    private final StringBuilder sb = new StringBuilder(512);

    /** Starts a document with the XML declaration. */
    public Xml() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /**
     * @param name element name
     * @param namespace default namespace
     * @return this
     */
    public Xml open(String name, String namespace) {
        sb.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    /**
     * @param name element name
     * @return this
     */
    public Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    /**
     * @param name element name
     * @return this
     */
    public Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /**
     * An element with escaped text; nothing is written when {@code value} is null.
     *
     * @param name element name
     * @param value text or null
     * @return this
     */
    public Xml leaf(String name, Object value) {
        if (value == null) {
            return this;
        }
        sb.append('<').append(name).append('>');
        escape(sb, value instanceof Instant ? timestamp((Instant) value) : value.toString());
        sb.append("</").append(name).append('>');
        return this;
    }

    /**
     * @param name element name
     * @return this, after an empty element
     */
    public Xml empty(String name) {
        sb.append('<').append(name).append("/>");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /**
     * @param t an instant
     * @return ISO-8601 UTC with second precision, as STS and IAM print it
     */
    public static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Appends text with the five XML special characters escaped.
     *
     * @param sb target
     * @param s text
     */
    public static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
            }
        }
    }
}
