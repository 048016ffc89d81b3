package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A numbering series: invoices issued in it get the numbers its pattern makes, counted per
 * {@link NumberingPeriod} without a gap and without a duplicate.
 *
 * <p>The pattern is literal text with placeholders: {@code {yyyy}} (the issue date's year),
 * {@code {MM}} (its month, two digits), {@code {seq}} (the number within the period) or
 * {@code {seq:N}} (zero-padded to N digits, 1..12). Examples: {@code FV/{yyyy}/{MM}/{seq}}
 * with {@link NumberReset#MONTHLY} gives {@code FV/2026/03/1}, {@code FV/2026/03/2}...;
 * {@code INV-{yyyy}-{seq:5}} with {@link NumberReset#YEARLY} gives {@code INV-2026-00001}.
 * A pattern must name every part of the period it resets in, so that no two periods make the
 * same number ({@link InvoicingErrorCode#INVALID_SERIES} otherwise).
 *
 * @param code    the series' key in its tenant: 1..{@value InvoicingLimits#MAX_SERIES_CODE_LENGTH}
 *                letters, digits, {@code _} or {@code -}
 * @param pattern the number pattern, at most {@value InvoicingLimits#MAX_PATTERN_LENGTH} characters
 * @param reset   when the sequence starts again from 1
 */
public record Series(String code, String pattern, NumberReset reset) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|MM|seq|seq:([1-9]|1[0-2]))}");
    /** Longest sequence number's text: Long.MAX_VALUE has 19 digits. */
    private static final int MAX_SEQ_DIGITS = 19;

    public Series {
        Check.notNull(code, "code");
        if (code.isEmpty() || code.length() > InvoicingLimits.MAX_SERIES_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw InvoicingErrorCode.INVALID_SERIES.exception("code", "must be 1-" + InvoicingLimits.MAX_SERIES_CODE_LENGTH
                    + " letters, digits, '_' or '-', starting with a letter or digit", code);
        }
        Check.notNull(pattern, "pattern");
        Check.notNull(reset, "reset");
        parts(pattern, reset); // validates
    }

    /** A series; see the class comment for the pattern. */
    public static Series of(String code, String pattern, NumberReset reset) {
        return new Series(code, pattern, reset);
    }

    /** The period an invoice issued on {@code issueDate} is numbered in. */
    public NumberingPeriod period(LocalDate issueDate) {
        return NumberingPeriod.of(reset, issueDate);
    }

    /**
     * The number of the {@code seq}-th invoice of the period of {@code issueDate}.
     *
     * @param seq 1 or more
     */
    public String format(LocalDate issueDate, long seq) {
        Check.notNull(issueDate, "issueDate");
        Check.positive(seq, "seq");
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (String part : cut(pattern)) {
            if (part.startsWith("{")) {
                switch (part) {
                    case "{yyyy}" -> padded(out, issueDate.getYear(), 4);
                    case "{MM}" -> padded(out, issueDate.getMonthValue(), 2);
                    case "{seq}" -> out.append(seq);
                    default -> {
                        int width = Integer.parseInt(part.substring(5, part.length() - 1));
                        String digits = Long.toString(seq);
                        out.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
                    }
                }
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /**
     * Patterns already cut, by pattern text: numbering an invoice is on the hot path of issuing
     * (a group of issues numbers dozens in one transaction), and cutting a pattern with its regular
     * expression cost more than the rest of the numbering. A series was checked when it was made,
     * so a cut here needs no check. Bounded: a tenant has a handful of series.
     */
    private static final Map<String, List<String>> CUTS = new ConcurrentHashMap<>();
    private static final int MAX_CUTS = 1024;

    /** The parts of a checked pattern, cut once. */
    private List<String> cut(String pattern) {
        List<String> parts = CUTS.get(pattern);
        if (parts == null) {
            parts = List.copyOf(parts(pattern, reset));
            if (CUTS.size() < MAX_CUTS) {
                CUTS.put(pattern, parts);
            }
        }
        return parts;
    }

    /** {@code value} zero-padded to {@code width} digits, as {@code String.format("%0<width>d")} writes it. */
    private static void padded(StringBuilder out, int value, int width) {
        if (value < 0) {
            out.append(String.format("%0" + width + "d", value));
            return;
        }
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** The pattern cut into literal text and placeholders, after checking it. */
    private static List<String> parts(String pattern, NumberReset reset) {
        if (pattern.isBlank() || pattern.length() > InvoicingLimits.MAX_PATTERN_LENGTH) {
            throw invalid("must be 1-" + InvoicingLimits.MAX_PATTERN_LENGTH + " characters", pattern);
        }
        List<String> parts = new ArrayList<>();
        var m = TOKEN.matcher(pattern);
        int at = 0;
        int seqs = 0;
        boolean year = false;
        boolean month = false;
        int literal = 0; // the longest number's length, counted as we go
        while (m.find()) {
            if (m.start() > at) {
                parts.add(pattern.substring(at, m.start()));
                literal += m.start() - at;
            }
            String token = m.group();
            parts.add(token);
            seqs += token.startsWith("{seq") ? 1 : 0;
            literal += token.equals("{yyyy}") ? 4 : token.equals("{MM}") ? 2 : MAX_SEQ_DIGITS;
            year |= token.equals("{yyyy}");
            month |= token.equals("{MM}");
            at = m.end();
        }
        if (at < pattern.length()) {
            parts.add(pattern.substring(at));
            literal += pattern.length() - at;
        }
        for (String p : parts) {
            if (!p.startsWith("{") || !TOKEN.matcher(p).matches()) {
                for (int i = 0; i < p.length(); i++) {
                    char c = p.charAt(i);
                    if (c == '{' || c == '}' || Character.isISOControl(c)) {
                        throw invalid("has an unknown placeholder or a control character at '" + p
                                + "' (placeholders: {yyyy}, {MM}, {seq}, {seq:N})", pattern);
                    }
                }
            }
        }
        if (seqs != 1) {
            throw invalid("must hold exactly one {seq} or {seq:N}", pattern);
        }
        if ((reset == NumberReset.YEARLY || reset == NumberReset.MONTHLY) && !year) {
            throw invalid("must show {yyyy}: the series resets every " + (reset == NumberReset.YEARLY ? "year" : "month")
                    + ", so without it two periods would make the same numbers", pattern);
        }
        if (reset == NumberReset.MONTHLY && !month) {
            throw invalid("must show {MM}: the series resets every month, so without it two months would make the same numbers", pattern);
        }
        if (literal > InvoicingLimits.MAX_NUMBER_LENGTH) {
            throw invalid("may make numbers longer than " + InvoicingLimits.MAX_NUMBER_LENGTH + " characters", pattern);
        }
        return parts;
    }

    private static RuntimeException invalid(String message, String pattern) {
        return InvoicingErrorCode.INVALID_SERIES.exception("pattern", message, pattern);
    }
}
