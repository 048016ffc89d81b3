package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * What an auditor asks of a series in a period: are the numbers issued 1..n, each once?
 *
 * @param series     the series code
 * @param period     the numbering period
 * @param counter    the series' counter: the last number handed out in the period (0 if none)
 * @param first      the lowest sequence issued (0 if none)
 * @param last       the highest sequence issued (0 if none)
 * @param count      how many invoices carry a number of the period
 * @param holeCount  how many sequences in 1..max(last, counter) no invoice carries
 * @param holes      those sequences, the first {@value InvoicingLimits#MAX_AUDIT_HOLES}
 * @param duplicates how many invoices share a sequence with another (the stores' unique keys
 *                   make this 0; the audit checks it anyway)
 */
public record GapAudit(String series, NumberingPeriod period, long counter, long first, long last, long count,
                       long holeCount, List<Long> holes, long duplicates) {
    public GapAudit {
        Check.notNull(series, "series");
        Check.notNull(period, "period");
        holes = List.copyOf(Check.notNull(holes, "holes"));
    }

    /**
     * The audit of a counter standing at {@code counter} and the {@code sequences} of every
     * invoice numbered in the period (any order).
     */
    public static GapAudit of(String series, NumberingPeriod period, long counter, List<Long> sequences) {
        Check.notNull(sequences, "sequences");
        long[] seqs = sequences.stream().mapToLong(Long::longValue).sorted().toArray();
        long duplicates = 0;
        for (int i = 1; i < seqs.length; i++) {
            duplicates += seqs[i] == seqs[i - 1] ? 1 : 0;
        }
        long first = seqs.length == 0 ? 0 : seqs[0];
        long last = seqs.length == 0 ? 0 : seqs[seqs.length - 1];
        long top = Math.max(last, counter);
        List<Long> holes = new ArrayList<>();
        long holeCount = 0;
        long expected = 1;
        for (long s : seqs) {
            if (s < expected) {
                continue; // a duplicate, counted above
            }
            holeCount += s - expected;
            listHoles(holes, expected, s);
            expected = s + 1;
        }
        if (top >= expected) {
            holeCount += top - expected + 1;
            listHoles(holes, expected, top + 1);
        }
        return new GapAudit(series, period, counter, first, last, seqs.length, holeCount, holes, duplicates);
    }

    /** Adds {@code from..until-1} to {@code holes}, up to the listing limit. */
    private static void listHoles(List<Long> holes, long from, long until) {
        for (long h = from; h < until && holes.size() < InvoicingLimits.MAX_AUDIT_HOLES; h++) {
            holes.add(h);
        }
    }

    /**
     * Whether the period is numbered 1..n without a gap or a duplicate, and the counter stands at
     * n (an empty period: the counter at 0).
     */
    public boolean gapFree() {
        return holeCount == 0 && duplicates == 0 && counter == last && (count == 0 || first == 1);
    }
}
