package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.JournalRole;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which ledger account plays which role when other modules post: the one piece of
 * configuration the glue needs. Roles are named in camelCase ({@code bank}, {@code vatPayable},
 * {@code grossSalaryExpense}...); the payroll roles mirror {@link JournalRole}.
 *
 * @param codes account code by role
 */
public record PostingAccounts(Map<String, String> codes) {

    /** Roles used by {@link OrderPostings}. */
    public static final List<String> ORDER_ROLES = List.of("bank", "receivables", "sales", "salesReturns", "vatPayable");

    /**
     * Roles the invoicing glue needs besides {@link #ORDER_ROLES} ({@link OrderInvoicing},
     * {@link StockAndPurchases}): customer credit, input VAT, payables, supplier advances. Not
     * required by this record (payroll-only users need none); the demo's scenario checker requires them.
     */
    public static final List<String> INVOICING_ROLES = List.of("customerCredit", "inputVat", "payables", "supplierAdvances");

    /**
     * Roles the stock glue needs ({@link StockAndPurchases}): inventory, goods received not
     * invoiced, cost of goods sold, inventory losses, opening stock (equity). Not required by this record.
     */
    public static final List<String> STOCK_ROLES = List.of("inventory", "goodsReceivedNotInvoiced", "costOfGoodsSold",
            "inventoryLosses", "openingStock");

    /** Every role, orders first, then one per {@link JournalRole}. */
    public static final List<String> ROLES = roles();

    public PostingAccounts {
        codes = Map.copyOf(Check.notNull(codes, "codes"));
        for (String role : ROLES) {
            Check.that(codes.containsKey(role), "codes." + role, "needs an account code", null);
        }
    }

    /** The account code for {@code role}. */
    public String code(String role) {
        String code = codes.get(role);
        Check.that(code != null, "role", "is not a known posting role", role);
        return code;
    }

    /** The account code for a payroll journal role. */
    public String code(JournalRole role) {
        return code(roleName(role));
    }

    /** {@code GROSS_SALARY_EXPENSE} becomes {@code grossSalaryExpense}. */
    static String roleName(JournalRole role) {
        String[] words = role.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return sb.toString();
    }

    private static List<String> roles() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(ORDER_ROLES);
        for (JournalRole role : JournalRole.values()) {
            all.add(roleName(role));
        }
        return List.copyOf(all);
    }
}
