package dev.backoffice.examples.demo;

import java.util.List;
import java.util.SortedMap;

/**
 * The archive's side of the demo for one company.
 *
 * @param documentsByClass documents archived during the month, by document class
 * @param disposedAsOf     the date the disposition run was made for
 * @param disposed         what the disposition run disposed of, one line per document
 * @param keptUnderHold    documents due for disposal but kept because a legal hold covers them
 * @param stillRetained    documents whose retention had not yet ended on that date
 * @param certificates     disposal certificates written to the audit log
 */
public record ArchiveResult(SortedMap<String, Integer> documentsByClass, java.time.LocalDate disposedAsOf,
                            List<Line> disposed, List<Line> keptUnderHold, int stillRetained, int certificates) {

    /** One document in the disposition summary. */
    public record Line(String documentClass, String title, String detail) {
    }

    /** Documents archived in all. */
    public int documents() {
        return documentsByClass.values().stream().mapToInt(Integer::intValue).sum();
    }
}
