package dev.backoffice.payroll.internal;

import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.LineEffect;
import dev.backoffice.payroll.PayrollComponent;
import dev.backoffice.payroll.PayslipLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact text form of payslip lines for the JDBC store: the repeated strings of a run (codes,
 * labels, rules, parameters) go once into a per-run dictionary and each line is a short row of
 * numbers. About a tenth of the payslip's JSON, and no reflection on the write path.
 */
public final class PayslipCodec {
    private static final PayrollComponent[] COMPONENTS = PayrollComponent.values();
    private static final LineEffect[] EFFECTS = LineEffect.values();
    private static final JournalRole[] ROLES = JournalRole.values();

    private PayslipCodec() {
    }

    /** Builds a run's string dictionary; not thread-safe. */
    public static final class Dictionary {

        private Dictionary() {
        }

        /** An empty dictionary (internal classes have no public constructor). */
        public static Dictionary create() {
            return new Dictionary();
        }
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> strings = new ArrayList<>();

        /** The index of {@code s}, adding it if new; -1 for null. */
        public int of(String s) {
            if (s == null) {
                return -1;
            }
            Integer i = index.get(s);
            if (i == null) {
                i = strings.size();
                strings.add(s);
                index.put(s, i);
            }
            return i;
        }

        /** The strings, by index. */
        public List<String> strings() {
            return strings;
        }
    }

    /** Encodes lines as {@code c,code,label,e,r,amount,base,rate,rule,param;...}. */
    public static String encodeLines(List<PayslipLine> lines, Dictionary d) {
        StringBuilder sb = new StringBuilder(lines.size() * 40);
        for (PayslipLine l : lines) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(l.component().ordinal()).append(',').append(d.of(l.code())).append(',').append(d.of(l.label())).append(',')
                    .append(l.effect().ordinal()).append(',').append(l.role() == null ? -1 : l.role().ordinal()).append(',')
                    .append(l.amount().getAmountMinorLong()).append(',').append(l.base() == null ? "" : Long.toString(l.base().getAmountMinorLong()))
                    .append(',').append(d.of(l.rate())).append(',').append(d.of(l.rule())).append(',').append(d.of(l.parameter()));
        }
        return sb.toString();
    }

    /** Decodes {@link #encodeLines}. */
    public static List<PayslipLine> decodeLines(String text, List<String> d, CurrencyUnit currency) {
        List<PayslipLine> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String row : text.split(";")) {
            String[] f = row.split(",", -1);
            int role = Integer.parseInt(f[4]);
            out.add(new PayslipLine(COMPONENTS[Integer.parseInt(f[0])], str(d, f[1]), str(d, f[2]), EFFECTS[Integer.parseInt(f[3])],
                    role < 0 ? null : ROLES[role], Money.ofMinor(currency, Long.parseLong(f[5])),
                    f[6].isEmpty() ? null : Money.ofMinor(currency, Long.parseLong(f[6])), str(d, f[7]), str(d, f[8]), str(d, f[9])));
        }
        return out;
    }

    private static String str(List<String> d, String idx) {
        int i = Integer.parseInt(idx);
        return i < 0 ? null : d.get(i);
    }

    /** Encodes accumulators as {@code key=value;...} (keys are dotted identifiers). */
    public static String encodeYtd(Map<String, Long> ytd) {
        StringBuilder sb = new StringBuilder(ytd.size() * 24);
        for (Map.Entry<String, Long> e : ytd.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** Decodes {@link #encodeYtd}. */
    public static Map<String, Long> decodeYtd(String text) {
        Map<String, Long> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String kv : text.split(";")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
        }
        return out;
    }
}
