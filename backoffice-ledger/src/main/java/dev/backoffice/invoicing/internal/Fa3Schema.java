package dev.backoffice.invoicing.internal;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The official KSeF FA(3) schema, loaded once from the copies shipped in this jar
 * ({@code dev/backoffice/invoicing/ksef/fa3/}, see {@code SOURCE.md} there for their origin and
 * SHA-256). Every import and include, including the FA(3) schema's import of
 * {@code StrukturyDanych_v10-0E.xsd} from {@code http://crd.gov.pl/...}, is resolved to those
 * copies by file name: validation never touches the network (external access is switched off).
 *
 * <p>One adjustment, and why: the schema bounds a few elements by large counts (10,000 invoice
 * lines, 50,000 corrected invoices, 1,000 delivery notes...). The JDK's validator builds a
 * content model with one node per allowed occurrence of such a bounded element, which its secure
 * processing refuses beyond 5,000 nodes and which, with the limit lifted, took 8 minutes to
 * build. So the schema is compiled with every {@code maxOccurs} of 1,000 or more read as
 * {@code unbounded}, and those bounds are checked by a count of the elements instead (in
 * {@link #problems}, as errors like the validator's). Every other rule is the schema's, applied
 * by the validator; the shipped files stay byte for byte the Ministry's.
 */
public final class Fa3Schema {

    /** Where the schema files are on the class path. */
    public static final String DIRECTORY = "dev/backoffice/invoicing/ksef/fa3/";
    /** The FA(3) schema's file name. */
    public static final String MAIN = "schemat_FA(3)_v1-0E.xsd";

    /** Bounds this class counts itself instead of the validator (see the class comment). */
    private static final int COUNTED = 1000;

    private static volatile Schema schema;
    private static volatile Map<String, Integer> counted;

    private Fa3Schema() {
    }

    /** Every error and warning of {@code xml} against the FA(3) schema (empty when valid), each with its line. */
    public static List<String> problems(String xml) {
        List<String> problems = new ArrayList<>();
        Validator v = schema().newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning at line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("error at line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("fatal at line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add("fatal: " + e.getMessage());
            }
            return problems;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the document to validate", e);
        }
        problems.addAll(countProblems(xml, counted));
        return problems;
    }

    /** The elements of {@code xml} that occur more often under one parent than {@code bounds} allow. */
    private static List<String> countProblems(String xml, Map<String, Integer> bounds) {
        List<String> problems = new ArrayList<>();
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            Deque<String> names = new ArrayDeque<>();
            Deque<Map<String, Integer>> counts = new ArrayDeque<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!names.isEmpty()) {
                        int n = counts.peek().merge(name, 1, Integer::sum);
                        Integer max = bounds.get(names.peek() + "/" + name);
                        if (max != null && n == max + 1) {
                            problems.add("error at line " + r.getLocation().getLineNumber() + ": more than " + max + " '" + name
                                    + "' in '" + names.peek() + "' (maxOccurs of the FA(3) schema)");
                        }
                    }
                    names.push(name);
                    counts.push(new HashMap<>());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    names.pop();
                    counts.pop();
                }
            }
        } catch (XMLStreamException e) {
            problems.add("fatal: " + e.getMessage());
        }
        return problems;
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (Fa3Schema.class) {
                if (schema == null) {
                    schema = load();
                }
                s = schema;
            }
        }
        return s;
    }

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jar:file"); // only the local copies below
            f.setResourceResolver(new LocalCopies());
            // the schema's own particle constraints are the Ministry's to check; checking them in
            // full expands the remaining bounded counts (up to 101) for nothing
            optional(() -> f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false));
            URL main = resource(MAIN);
            byte[] original;
            try (InputStream in = main.openStream()) {
                original = in.readAllBytes();
            }
            counted = largeBounds(original);
            String relaxed = LARGE_BOUND.matcher(new String(original, StandardCharsets.UTF_8)).replaceAll("maxOccurs=\"unbounded\"");
            return f.newSchema(new StreamSource(new StringReader(relaxed), main.toExternalForm()));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalStateException("the FA(3) schema shipped in the jar cannot be loaded", e);
        }
    }

    private static final Pattern LARGE_BOUND = Pattern.compile("maxOccurs=\"\\d{4,}\"");

    /**
     * Every {@code parent/element} pair of the schema whose element may occur {@value #COUNTED}
     * times or more, with its bound ({@code parent} is the nearest enclosing element declaration).
     */
    private static Map<String, Integer> largeBounds(byte[] schemaFile) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(schemaFile));
        NodeList elements = d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        Map<String, Integer> bounds = new HashMap<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            String max = e.getAttribute("maxOccurs");
            if (!max.matches("\\d+") || Integer.parseInt(max) < COUNTED) {
                continue;
            }
            Node p = e.getParentNode();
            while (p != null && !(p instanceof Element pe && "element".equals(pe.getLocalName()))) {
                p = p.getParentNode();
            }
            if (p == null) {
                throw new IllegalStateException("element " + e.getAttribute("name") + " with maxOccurs " + max
                        + " has no enclosing element: its bound could not be counted");
            }
            bounds.put(((Element) p).getAttribute("name") + "/" + e.getAttribute("name"), Integer.parseInt(max));
        }
        return Map.copyOf(bounds);
    }

    /** A setting of the JDK's parser another parser may not know. */
    private interface Setting {
        void apply() throws SAXException;
    }

    private static void optional(Setting setting) {
        try {
            setting.apply();
        } catch (SAXException e) {
            // another parser than the JDK's: it has its own defaults
        }
    }

    private static URL resource(String name) {
        URL url = Fa3Schema.class.getClassLoader().getResource(DIRECTORY + name);
        if (url == null) {
            throw new IllegalStateException("schema file missing from the class path: " + DIRECTORY + name);
        }
        return url;
    }

    /** Resolves every schema location to the shipped copy of the same file name. */
    private static final class LocalCopies implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL url = resource(name);
            return new Input(url, publicId);
        }
    }

    /** A schema file from the class path. */
    private static final class Input implements LSInput {
        private final URL url;
        private final String publicId;

        Input(URL url, String publicId) {
            this.url = url;
            this.publicId = publicId;
        }

        @Override
        public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + url, e);
            }
        }

        @Override
        public String getSystemId() {
            return url.toExternalForm();
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
