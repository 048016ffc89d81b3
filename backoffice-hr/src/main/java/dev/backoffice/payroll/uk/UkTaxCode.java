package dev.backoffice.payroll.uk;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.payroll.PayrollErrorCode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed UK PAYE tax code.
 *
 * <p>Accepted: an optional country prefix ({@code S} Scotland, {@code C} Wales), then a suffix
 * code ({@code 1257L}, {@code 0T}; suffixes L, M, N, T), a K code ({@code K475}), a flat-rate
 * code ({@code BR}, {@code D0}, {@code D1}; Scottish {@code SD0}..{@code SD3}) or {@code NT};
 * then optionally {@code W1}, {@code M1} or {@code X} (space allowed) for the week 1/month 1
 * non-cumulative basis. Anything else fails with {@code payroll.unknown_tax_code}.
 *
 * @param text          the code as given, normalised to upper case without spaces
 * @param region        which rates apply
 * @param kind          the code's kind
 * @param number        the code number (suffix and K codes), else 0
 * @param flatCode      the flat-rate code with prefix, e.g. {@code SD1} (flat codes), else {@code null}
 * @param nonCumulative week 1/month 1 basis
 */
public record UkTaxCode(String text, Region region, Kind kind, int number, String flatCode, boolean nonCumulative) {

    private static final Pattern FORMAT = Pattern.compile(
            "^(S|C)?(?:(\\d{1,4})([LMNT])|K(\\d{1,4})|(BR|D0|D1|D2|D3|NT))(W1|M1|X)?$");

    /** Which rates a code uses. */
    public enum Region {
        /** England and Northern Ireland. */
        RUK,
        /** Scottish rates (S prefix). */
        SCOTLAND,
        /** Welsh rates (C prefix). */
        WALES
    }

    /** Kinds of code. */
    public enum Kind {
        /** Free pay: numbered code with suffix L, M, N or T (including 0T). */
        ALLOWANCE,
        /** Additional pay: K prefix. */
        K,
        /** All pay at one rate: BR, D0, D1 (and Scottish D2, D3). */
        FLAT,
        /** No tax. */
        NT
    }

    /** Parses {@code code}; fails with {@code payroll.unknown_tax_code}. */
    public static UkTaxCode parse(String code) {
        if (code == null) {
            throw unknown(null);
        }
        String t = code.replace(" ", "").toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw unknown(code);
        }
        Region region = m.group(1) == null ? Region.RUK : m.group(1).equals("S") ? Region.SCOTLAND : Region.WALES;
        boolean nonCumulative = m.group(6) != null;
        if (m.group(2) != null) {
            return new UkTaxCode(t, region, Kind.ALLOWANCE, Integer.parseInt(m.group(2)), null, nonCumulative);
        }
        if (m.group(4) != null) {
            int n = Integer.parseInt(m.group(4));
            if (n == 0) {
                throw unknown(code);
            }
            return new UkTaxCode(t, region, Kind.K, n, null, nonCumulative);
        }
        String flat = m.group(5);
        if (flat.equals("NT")) {
            return new UkTaxCode(t, region, Kind.NT, 0, null, nonCumulative);
        }
        if ((flat.equals("D2") || flat.equals("D3")) && region != Region.SCOTLAND) {
            throw unknown(code);
        }
        String prefix = region == Region.SCOTLAND ? "S" : region == Region.WALES ? "C" : "";
        return new UkTaxCode(t, region, Kind.FLAT, 0, prefix + flat, nonCumulative);
    }

    private static InvalidRequestException unknown(String code) {
        return PayrollErrorCode.UNKNOWN_TAX_CODE.invalid("taxCode",
                "is not a PAYE tax code this SDK knows (e.g. 1257L, S1257L, C1257L, K475, BR, D0, D1, SD0-SD3, 0T, NT, with optional W1/M1/X)", code);
    }
}
