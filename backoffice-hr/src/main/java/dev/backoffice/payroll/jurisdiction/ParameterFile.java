package dev.backoffice.payroll.jurisdiction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.payroll.PayrollErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tax year's parameters of one jurisdiction, read once from a class-path JSON file such as
 * {@code payroll/pl/2025.json}. Every parameter carries its value and the legal source it comes
 * from; a parameter without a source is refused, so no number enters the engine uncited.
 *
 * <pre>{@code
 * { "jurisdiction": "PL", "taxYear": "2025", "validFrom": "2025-01-01", "validTo": "2025-12-31",
 *   "parameters": {
 *     "social.pension.employeeRate": { "value": "9.76", "unit": "percent",
 *                                      "source": "ustawa o systemie ubezpieczeń społecznych art. 22 ust. 1 pkt 1 ..." } } }
 * }</pre>
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class ParameterFile {

    private final String name;
    private final String jurisdiction;
    private final String taxYear;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final Map<String, JsonNode> values;
    private final Map<String, String> sources;
    private final Map<String, String> refs = new java.util.concurrent.ConcurrentHashMap<>();

    private ParameterFile(String name, JsonNode root) {
        this.name = name;
        this.jurisdiction = text(root, "jurisdiction");
        this.taxYear = text(root, "taxYear");
        this.validFrom = LocalDate.parse(text(root, "validFrom"));
        this.validTo = LocalDate.parse(text(root, "validTo"));
        JsonNode params = root.get("parameters");
        if (params == null || !params.isObject()) {
            throw bad("has no \"parameters\" object");
        }
        Map<String, JsonNode> v = new LinkedHashMap<>();
        Map<String, String> s = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue().get("value");
            JsonNode source = e.getValue().get("source");
            if (value == null || value.isNull()) {
                throw bad("parameter " + e.getKey() + " has no value");
            }
            if (source == null || !source.isTextual() || source.asText().isBlank()) {
                throw bad("parameter " + e.getKey() + " cites no legal source");
            }
            v.put(e.getKey(), value);
            s.put(e.getKey(), source.asText());
        }
        this.values = Collections.unmodifiableMap(v);
        this.sources = Collections.unmodifiableMap(s);
    }

    /** Loads and checks a class-path resource; fails with {@code payroll.bad_parameters}. */
    public static ParameterFile load(String resource) {
        try (InputStream in = ParameterFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw PayrollErrorCode.BAD_PARAMETERS.rule("parameter file not found on the class path: " + resource);
            }
            return new ParameterFile(resource, BackofficeJson.mapper().readTree(in));
        } catch (IOException e) {
            throw PayrollErrorCode.BAD_PARAMETERS.rule("cannot read parameter file " + resource + ": " + e.getMessage());
        }
    }

    /** The resource name. */
    public String name() {
        return name;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String taxYear() {
        return taxYear;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    /** Every parameter key, in file order. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }

    /** The raw value of {@code key}. */
    public JsonNode raw(String key) {
        JsonNode v = values.get(key);
        if (v == null) {
            throw bad("lacks parameter " + key);
        }
        return v;
    }

    /** A decimal value (written as a string or number). */
    public BigDecimal decimal(String key) {
        JsonNode v = raw(key);
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw bad("parameter " + key + " is not a decimal: " + v);
        }
    }

    /** An amount in minor units of a currency with {@code decimals} decimals (exact). */
    public long minor(String key, int decimals) {
        try {
            return decimal(key).movePointRight(decimals).longValueExact();
        } catch (ArithmeticException e) {
            throw bad("parameter " + key + " has more than " + decimals + " decimals");
        }
    }

    /** A percentage as parts per million of one: {@code 9.76} percent is {@code 97_600}. */
    public long ppm(String key) {
        return ppmOf(decimal(key), key);
    }

    /** Converts a percentage to parts per million, exactly. */
    public long ppmOf(BigDecimal percent, String what) {
        try {
            return percent.movePointRight(4).longValueExact();
        } catch (ArithmeticException e) {
            throw bad("percentage " + what + " has more than 4 decimals: " + percent);
        }
    }

    /** A boolean value. */
    public boolean flag(String key) {
        return raw(key).asBoolean();
    }

    /** The legal source cited for {@code key}. */
    public String source(String key) {
        raw(key);
        return sources.get(key);
    }

    /** Provenance for a payslip line: {@code file: key=value}. */
    public String ref(String key) {
        String cached = refs.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode v = raw(key);
        String ref = shortName() + ": " + key + "=" + (v.isValueNode() ? v.asText() : v.toString());
        refs.put(key, ref);
        return ref;
    }

    /** Provenance of several parameters, {@code "; "}-separated (cached). */
    public String ref(String key1, String key2) {
        String k = key1 + "\u0000" + key2;
        String cached = refs.get(k);
        if (cached == null) {
            cached = ref(key1) + "; " + ref(key2);
            refs.put(k, cached);
        }
        return cached;
    }

    private String shortName() {
        return name.startsWith("payroll/") ? name.substring("payroll/".length()) : name;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw PayrollErrorCode.BAD_PARAMETERS.rule("parameter file lacks \"" + field + "\"");
        }
        return n.asText();
    }

    private RuleViolationException bad(String what) {
        return PayrollErrorCode.BAD_PARAMETERS.rule("parameter file " + name + " " + what);
    }
}
