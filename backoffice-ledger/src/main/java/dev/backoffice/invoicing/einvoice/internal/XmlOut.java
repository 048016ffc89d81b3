package dev.backoffice.invoicing.einvoice.internal;

/**
 * A small streaming XML writer into a {@link StringBuilder}: elements, attributes and escaped
 * text, in the order called, nothing else. Written by hand because the JDK's StAX writer costs
 * a factory lookup and a synchronised encoder per document, and the e-invoice writers must
 * produce tens of thousands of documents a second on one thread; the output is byte-for-byte
 * deterministic (no pretty printing, attributes in call order, {@code "} quoting).
 *
 * <p>Characters XML 1.0 cannot carry (controls other than tab, newline, carriage return; lone
 * surrogates) are refused with {@link IllegalArgumentException}: callers validate text before.
 */
public final class XmlOut {

    private final StringBuilder out;
    private final String[] open = new String[64];
    private int depth;
    private boolean startOpen;

    private XmlOut(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** A writer with the XML declaration written. */
    public static XmlOut create(int capacity) {
        XmlOut x = new XmlOut(capacity);
        x.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return x;
    }

    /** Opens {@code name} (a qualified name such as {@code cbc:ID}). */
    public XmlOut start(String name) {
        closeStart();
        out.append('<').append(name);
        open[depth++] = name;
        startOpen = true;
        return this;
    }

    /** An attribute of the element just opened. */
    public XmlOut attr(String name, String value) {
        if (!startOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
        return this;
    }

    /** Text content of the open element. */
    public XmlOut text(String value) {
        closeStart();
        escape(value, false);
        return this;
    }

    /** Closes the innermost open element. */
    public XmlOut end() {
        String name = open[--depth];
        if (startOpen) {
            out.append("/>");
            startOpen = false;
        } else {
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** {@code <name>value</name>}. */
    public XmlOut element(String name, String value) {
        return start(name).text(value).end();
    }

    /** {@code <name attr="attrValue">value</name>}. */
    public XmlOut element(String name, String attr, String attrValue, String value) {
        return start(name).attr(attr, attrValue).text(value).end();
    }

    /** The document; every element must be closed. */
    public String finish() {
        if (depth != 0) {
            throw new IllegalStateException("unclosed element " + open[depth - 1]);
        }
        return out.toString();
    }

    private void closeStart() {
        if (startOpen) {
            out.append('>');
            startOpen = false;
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\t', '\n' -> {
                    if (attribute) {
                        out.append(c == '\t' ? "&#9;" : "&#10;");
                    } else {
                        out.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " cannot be written in XML 1.0");
                    }
                    if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate cannot be written in XML");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate cannot be written in XML");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
