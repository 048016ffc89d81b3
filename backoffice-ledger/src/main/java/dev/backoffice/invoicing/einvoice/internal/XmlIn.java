package dev.backoffice.invoicing.einvoice.internal;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.invoicing.einvoice.EInvoiceErrorCode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One element of a parsed document and its path from the root, for the readers: every missing
 * element or unreadable value becomes a typed error ({@link EInvoiceErrorCode}) naming the path
 * ({@code Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount}). Parsing refuses DTDs and external
 * entities (no XXE). Names are {@code prefix:local} with the prefixes given at parse time, or
 * plain local names in the root's namespace.
 */
public final class XmlIn {

    /** Errors are thrown, never printed. */
    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmlIn::builder);

    private final Element element;
    private final String path;
    private final Map<String, String> prefixes;

    private XmlIn(Element element, String path, Map<String, String> prefixes) {
        this.element = element;
        this.path = path;
        this.prefixes = prefixes;
    }

    /**
     * The root of {@code xml}, which must be {@code rootName} in one of {@code rootNamespaces};
     * {@code prefixes} maps name prefixes to namespaces ("" for the root's own).
     */
    public static XmlIn parse(String xml, List<String> rootNamespaces, List<String> rootNames, Map<String, String> prefixes) {
        if (xml == null || xml.isBlank()) {
            throw EInvoiceErrorCode.MALFORMED.exception("document", "is empty", null);
        }
        Document doc;
        DocumentBuilder b = BUILDER.get();
        try {
            b.reset();
            b.setErrorHandler(SILENT);
            doc = b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw EInvoiceErrorCode.MALFORMED.exception("document", "is not well-formed XML: line " + e.getLineNumber() + ": "
                    + e.getMessage(), null);
        } catch (SAXException | IOException e) {
            throw EInvoiceErrorCode.MALFORMED.exception("document", "is not well-formed XML: " + e.getMessage(), null);
        }
        Element root = doc.getDocumentElement();
        String local = root.getLocalName();
        if (!rootNames.contains(local) || !rootNamespaces.contains(root.getNamespaceURI())) {
            throw EInvoiceErrorCode.MALFORMED.exception(local == null ? "document" : local,
                    "is not the root this reader reads (" + rootNames + " in " + rootNamespaces + ")", root.getNamespaceURI());
        }
        Map<String, String> p = new java.util.HashMap<>(prefixes);
        p.put("", root.getNamespaceURI());
        return new XmlIn(root, local, Map.copyOf(p));
    }

    /** The element's local name. */
    public String name() {
        return element.getLocalName();
    }

    /** The path of this element. */
    public String path() {
        return path;
    }

    /** The child {@code name}, which must be there. */
    public XmlIn child(String name) {
        return optional(name).orElseThrow(() -> EInvoiceErrorCode.MISSING_ELEMENT.exception(path + "/" + name, "is missing", null));
    }

    /** The first child {@code name}, if any. */
    public Optional<XmlIn> optional(String name) {
        List<XmlIn> all = children(name, 1);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every child {@code name}, in document order. */
    public List<XmlIn> children(String name) {
        return children(name, Integer.MAX_VALUE);
    }

    private List<XmlIn> children(String name, int limit) {
        int colon = name.indexOf(':');
        String ns = prefixes.get(colon < 0 ? "" : name.substring(0, colon));
        String local = colon < 0 ? name : name.substring(colon + 1);
        List<XmlIn> out = new ArrayList<>();
        int n = 0;
        for (Node c = element.getFirstChild(); c != null && out.size() < limit; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && local.equals(c.getLocalName()) && java.util.Objects.equals(ns, c.getNamespaceURI())) {
                n++;
                out.add(new XmlIn((Element) c, path + "/" + name + (limit == 1 ? "" : "[" + n + "]"), prefixes));
            }
        }
        return out;
    }

    /** The text exactly as written (names keep their spaces); it must not be blank. */
    public String text() {
        String t = element.getTextContent();
        if (t.isBlank()) {
            throw EInvoiceErrorCode.MISSING_ELEMENT.exception(path, "is empty", null);
        }
        return t;
    }

    /** The text of child {@code name}. */
    public String text(String name) {
        return child(name).text();
    }

    /** The text of child {@code name}, if there. */
    public Optional<String> optionalText(String name) {
        return optional(name).map(XmlIn::text);
    }

    /** The attribute {@code name}, which must be there. */
    public String attribute(String name) {
        if (!element.hasAttribute(name)) {
            throw EInvoiceErrorCode.MISSING_ELEMENT.exception(path + "/@" + name, "is missing", null);
        }
        return element.getAttribute(name);
    }

    /** This element's text as a date (ISO 8601 {@code yyyy-MM-dd}). */
    public LocalDate date() {
        return as("a date (yyyy-MM-dd)", LocalDate::parse);
    }

    /** This element's text as a decimal. */
    public BigDecimal decimal() {
        return as("a decimal", t -> {
            if (!t.matches("-?\\d+(\\.\\d+)?")) {
                throw new NumberFormatException(t);
            }
            return new BigDecimal(t);
        });
    }

    /** This element's text as an amount of {@code currency} at its minor unit (no rounding). */
    public Money money(CurrencyUnit currency) {
        BigDecimal d = decimal();
        return as("an amount in " + currency + " with at most " + currency.getDecimalPlaces() + " decimals",
                t -> Money.of(currency, d));
    }

    /** This element's text converted by {@code parse}; any exception becomes INVALID_VALUE naming the path. */
    public <T> T as(String what, Function<String, T> parse) {
        String t = text().strip();
        try {
            return parse.apply(t);
        } catch (BackofficeException e) {
            throw EInvoiceErrorCode.INVALID_VALUE.exception(path, "is not " + what + ": " + e.getMessage(), t);
        } catch (RuntimeException e) {
            throw EInvoiceErrorCode.INVALID_VALUE.exception(path, "is not " + what, t);
        }
    }

    /** A failure of this element's value. */
    public RuntimeException invalid(String message, Object value) {
        return EInvoiceErrorCode.INVALID_VALUE.exception(path, message, value);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no namespace-aware XML parser", e);
        }
    }
}
