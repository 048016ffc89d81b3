package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A VAT identification number, checked when made: the Polish NIP by its checksum, a UK VAT
 * number by its check digits, an EU VAT number by its country's format (as VIES documents it).
 * A number that fails is {@link InvoicingErrorCode#INVALID_TAX_ID} naming the field
 * ({@code taxId} unless told otherwise).
 *
 * <p>Spaces, dots and hyphens are dropped and letters upper-cased, so {@code "526-025-02-74"},
 * {@code "PL 5260250274"} and {@code "pl5260250274"} are the same NIP.
 *
 * <ul>
 *   <li><b>PL</b> (NIP): ten digits; the weights 6 5 7 2 3 4 5 6 7 applied to the first nine,
 *       summed, modulo 11, give the tenth (a remainder of 10 is never issued).</li>
 *   <li><b>GB</b> (UK VAT, HMRC): nine digits (or twelve, a branch suffix), checked on the first
 *       nine: the weights 8 7 6 5 4 3 2 on the first seven plus the two check digits must be
 *       divisible by 97 (the original "mod 97" series) or, with 55 added, divisible by 97 (the
 *       "9755" series issued since 2010); or {@code GD000}-{@code GD499} (government
 *       departments) and {@code HA500}-{@code HA999} (health authorities).</li>
 *   <li><b>Other EU states</b> (including {@code EL} for Greece and {@code XI} for Northern
 *       Ireland, which follows the UK rules): the VIES format of the state.</li>
 *   <li>Any other country: 2 to 20 letters and digits (no check known to the SDK).</li>
 * </ul>
 *
 * @param country the prefix of the number's issuing state: an ISO 3166 alpha-2 code, except
 *                {@code EL} for Greece and {@code XI} for Northern Ireland
 * @param number  the number without the prefix, normalised
 */
public record TaxId(String country, String number) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern UK = Pattern.compile("\\d{9}|\\d{12}|GD[0-4]\\d{2}|HA[5-9]\\d{2}");

    /** VIES formats of the EU member states (the number after the prefix). */
    private static final Map<String, Pattern> EU = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("EL", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("[1-9]\\d{1,9}")),
            Map.entry("SE", Pattern.compile("\\d{10}01")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")));

    private static final int[] NIP_WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    private static final int[] UK_WEIGHTS = {8, 7, 6, 5, 4, 3, 2};

    public TaxId {
        Check.notNull(country, "taxId");
        Check.notNull(number, "taxId");
        check(country, number, "taxId");
    }

    /**
     * The tax id {@code number} issued by {@code country} (a prefix on the number, if any, must be
     * that country's and is dropped).
     */
    public static TaxId of(String country, String number) {
        return of(country, number, "taxId");
    }

    /** {@link #of(String, String)}, naming {@code field} in the error. */
    public static TaxId of(String country, String number, String field) {
        Check.notNull(country, field);
        Check.notNull(number, field);
        String c = country.strip().toUpperCase(Locale.ROOT);
        if (c.equals("GR")) {
            c = "EL";
        }
        String n = normalise(number);
        if (n.length() > 2 && n.startsWith(c) && problem(c, n.substring(2)) == null) {
            n = n.substring(2); // the number carried its own prefix
        }
        check(c, n, field);
        return new TaxId(c, n);
    }

    /** A Polish NIP ({@code PL} prefix optional). */
    public static TaxId nip(String nip) {
        return of("PL", nip);
    }

    /** A UK VAT registration number ({@code GB} prefix optional). */
    public static TaxId ukVat(String vatNumber) {
        return of("GB", vatNumber);
    }

    /**
     * An EU (or UK) VAT number with its country prefix, such as {@code DE123456789} or
     * {@code PL5260250274}.
     */
    public static TaxId euVat(String vatNumber) {
        return euVat(vatNumber, "taxId");
    }

    /** {@link #euVat(String)}, naming {@code field} in the error. */
    public static TaxId euVat(String vatNumber, String field) {
        Check.notNull(vatNumber, field);
        String n = normalise(vatNumber);
        if (n.length() < 3 || !COUNTRY.matcher(n.substring(0, 2)).matches()) {
            throw invalid(field, "must start with its country prefix (DE, PL, GB...)", vatNumber);
        }
        return of(n.substring(0, 2), n.substring(2), field);
    }

    /** The number with its country prefix, as VIES and e-invoices show it: {@code PL5260250274}. */
    public String vatNumber() {
        return country + number;
    }

    @Override
    public String toString() {
        return vatNumber();
    }

    /** Whether {@code nip} (ten digits) carries a correct NIP checksum. */
    public static boolean nipChecksumOk(String nip) {
        if (nip == null || !nip.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += NIP_WEIGHTS[i] * (nip.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == nip.charAt(9) - '0';
    }

    /**
     * Whether the first nine digits of {@code number} carry correct UK VAT check digits, in the
     * mod 97 or the 9755 scheme.
     */
    public static boolean ukCheckDigitsOk(String number) {
        if (number == null || !number.matches("\\d{9}(\\d{3})?")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += UK_WEIGHTS[i] * (number.charAt(i) - '0');
        }
        sum += Integer.parseInt(number.substring(7, 9));
        return sum % 97 == 0 || (sum + 55) % 97 == 0;
    }

    private static void check(String country, String number, String field) {
        String problem = problem(country, number);
        if (problem != null) {
            throw invalid(field, problem, country + number);
        }
    }

    /** What is wrong with {@code number} of {@code country}, or null if nothing. */
    private static String problem(String country, String number) {
        if (!COUNTRY.matcher(country).matches()) {
            return "must have a two-letter country prefix";
        }
        switch (country) {
            case "PL" -> {
                return nipChecksumOk(number) ? null : "is not a valid Polish NIP (ten digits with a correct checksum)";
            }
            case "GB", "XI" -> {
                boolean ok = UK.matcher(number).matches() && (!Character.isDigit(number.charAt(0)) || ukCheckDigitsOk(number));
                return ok ? null : "is not a valid UK VAT number (nine digits with correct check digits, "
                        + "twelve with a branch, or GD000-GD499, HA500-HA999)";
            }
            default -> {
                Pattern format = EU.get(country);
                if (format != null) {
                    return format.matcher(number).matches() ? null : "does not have the VAT number format of " + country;
                }
                return OTHER.matcher(number).matches() ? null : "must be 2-20 letters and digits";
            }
        }
    }

    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '\u00a0') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static RuntimeException invalid(String field, String message, Object value) {
        return InvoicingErrorCode.INVALID_TAX_ID.exception(field, message, value);
    }
}
