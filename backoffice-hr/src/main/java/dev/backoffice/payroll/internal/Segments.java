package dev.backoffice.payroll.internal;

import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.jurisdiction.ContractSegment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Cuts a period into the stretches over which one contract's terms hold. */
final class Segments {

    private Segments() {
    }

    /** The segments of [{@code from}, {@code to}] by contract start and end and by term changes, in date order. */
    static List<ContractSegment> of(List<Contract> contracts, LocalDate from, LocalDate to) {
        List<ContractSegment> out = new ArrayList<>(2);
        List<Contract> sorted = new ArrayList<>(contracts);
        sorted.sort(Comparator.comparing(Contract::start));
        for (Contract c : sorted) {
            List<ContractTerms> terms = c.terms();
            for (int i = 0; i < terms.size(); i++) {
                LocalDate a = max(max(terms.get(i).effectiveFrom(), c.start()), from);
                LocalDate b = i + 1 < terms.size() ? terms.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
                if (c.end() != null && c.end().isBefore(b)) {
                    b = c.end();
                }
                if (to.isBefore(b)) {
                    b = to;
                }
                if (!b.isBefore(a)) {
                    out.add(new ContractSegment(a, b, terms.get(i)));
                }
            }
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
