package dev.backoffice.examples.demo.scenario;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.examples.demo.scenario.Scenario.AccountSpec;
import dev.backoffice.examples.demo.scenario.Scenario.EmployeeSpec;
import dev.backoffice.examples.demo.scenario.Scenario.Entity;
import dev.backoffice.examples.demo.scenario.Scenario.JournalSpec;
import dev.backoffice.examples.demo.scenario.Scenario.LineSpec;
import dev.backoffice.examples.demo.scenario.Scenario.OrderEventSpec;
import dev.backoffice.examples.demo.scenario.Scenario.OrderLineSpec;
import dev.backoffice.examples.demo.scenario.Scenario.OrderSpec;
import dev.backoffice.examples.glue.OrderInvoicing;
import dev.backoffice.examples.glue.PostingAccounts;
import dev.backoffice.inventory.Costing;
import dev.backoffice.invoicing.FixedFxRates;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TaxId;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.payroll.uk.UkTaxCode;
import org.joda.money.CurrencyUnit;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed scenario before anything is written, so a bad file stops the demo with one
 * clear message (file, JSON path, reason) and never half-posts the books: unknown account
 * codes, unbalanced journal entries, unknown tax codes, orders naming unknown customers or
 * SKUs, and so on.
 */
final class ScenarioChecker {

    private static final Set<String> EVENT_TYPES = Set.of("place", "pay", "ship", "deliver", "complete", "cancel", "return", "refund");

    private final String file;

    private ScenarioChecker(String file) {
        this.file = file;
    }

    static void check(String file, Scenario s) {
        new ScenarioChecker(file).scenario(s);
    }

    private ScenarioException fail(String path, String reason) {
        return new ScenarioException(file, path, reason);
    }

    private <T> T required(T value, String path) {
        if (value == null) {
            throw fail(path, "is missing");
        }
        return value;
    }

    private String text(String value, String path) {
        if (required(value, path).isBlank()) {
            throw fail(path, "must not be blank");
        }
        return value;
    }

    private void scenario(Scenario s) {
        text(s.name(), "$.name");
        required(s.month(), "$.month");
        text(s.actor(), "$.actor");
        Set<String> codes = chart(required(s.chartOfAccounts(), "$.chartOfAccounts"));
        required(s.postingAccounts(), "$.postingAccounts");
        List<String> required = new java.util.ArrayList<>(PostingAccounts.ROLES);
        required.addAll(PostingAccounts.INVOICING_ROLES);
        required.addAll(PostingAccounts.STOCK_ROLES);
        for (String role : required) {
            String code = s.postingAccounts().get(role);
            if (code == null) {
                throw fail("$.postingAccounts." + role, "is missing (every role of " + required + " needs an account)");
            }
            if (!codes.contains(code)) {
                throw fail("$.postingAccounts." + role, "names account '" + code + "', which is not in the chart of accounts");
            }
        }
        for (String role : s.postingAccounts().keySet()) {
            if (!required.contains(role)) {
                throw fail("$.postingAccounts." + role, "is not a known role; known roles: " + required);
            }
        }
        List<Entity> entities = required(s.entities(), "$.entities");
        if (entities.isEmpty()) {
            throw fail("$.entities", "must name at least one company");
        }
        Set<String> tenants = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            String path = "$.entities[" + i + "]";
            Entity e = required(entities.get(i), path);
            if (!tenants.add(text(e.tenant(), path + ".tenant"))) {
                throw fail(path + ".tenant", "is used by another entity");
            }
            entity(e, path, codes);
        }
        required(s.disposition(), "$.disposition");
        if (!required(s.disposition().asOf(), "$.disposition.asOf").isAfter(s.month().atEndOfMonth())) {
            throw fail("$.disposition.asOf", "must be after the scenario month");
        }
    }

    private Set<String> chart(List<AccountSpec> chart) {
        if (chart.isEmpty()) {
            throw fail("$.chartOfAccounts", "must not be empty");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < chart.size(); i++) {
            String path = "$.chartOfAccounts[" + i + "]";
            AccountSpec a = required(chart.get(i), path);
            if (!codes.add(text(a.code(), path + ".code"))) {
                throw fail(path + ".code", "account '" + a.code() + "' appears twice");
            }
            text(a.name(), path + ".name");
            enumValue(AccountType.class, a.type(), path + ".type");
            if (a.parent().isPresent() && !codes.contains(a.parent().get())) {
                throw fail(path + ".parent", "names account '" + a.parent().get() + "', which is not listed before it");
            }
            List<String> flags = a.flags().orElse(List.of());
            for (int f = 0; f < flags.size(); f++) {
                enumValue(AccountFlag.class, flags.get(f), path + ".flags[" + f + "]");
            }
        }
        return codes;
    }

    private void entity(Entity e, String path, Set<String> codes) {
        attempt(path + ".tenant", () -> TenantId.of(e.tenant()));
        text(e.name(), path + ".name");
        String country = text(e.country(), path + ".country");
        if (!country.equals("PL") && !country.equals("GB")) {
            throw fail(path + ".country", "must be PL or GB (the jurisdictions the payroll ships)");
        }
        CurrencyUnit currency = attempt(path + ".currency", () -> MoneyMath.currency(e.currency(), "currency"));
        required(e.payDate(), path + ".payDate");
        List<JournalSpec> journal = required(e.journal(), path + ".journal");
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < journal.size(); j++) {
            String jp = path + ".journal[" + j + "]";
            JournalSpec entry = required(journal.get(j), jp);
            if (!keys.add(text(entry.key(), jp + ".key"))) {
                throw fail(jp + ".key", "is used by another entry");
            }
            journalEntry(entry, jp, codes, currency);
        }
        Set<String> employees = new HashSet<>();
        List<EmployeeSpec> staff = required(e.employees(), path + ".employees");
        for (int k = 0; k < staff.size(); k++) {
            String ep = path + ".employees[" + k + "]";
            EmployeeSpec emp = required(staff.get(k), ep);
            if (!employees.add(text(emp.ref(), ep + ".ref"))) {
                throw fail(ep + ".ref", "is used by another employee");
            }
            employee(emp, ep, country);
        }
        invoicing(required(e.invoicing(), path + ".invoicing"), path + ".invoicing", country);
        Set<String> items = stock(required(e.stock(), path + ".stock"), path + ".stock", country, currency);
        Set<String> customers = new HashSet<>();
        for (int c = 0; c < required(e.customers(), path + ".customers").size(); c++) {
            String cp = path + ".customers[" + c + "]";
            Scenario.CustomerSpec customer = required(e.customers().get(c), cp);
            if (!customers.add(text(customer.ref(), cp + ".ref"))) {
                throw fail(cp + ".ref", "is used by another customer");
            }
            text(customer.name(), cp + ".name");
            party(customer.country(), customer.taxId(), customer.address(), cp);
        }
        List<OrderSpec> orders = required(e.orders(), path + ".orders");
        Set<String> orderRefs = new HashSet<>();
        for (int o = 0; o < orders.size(); o++) {
            String op = path + ".orders[" + o + "]";
            OrderSpec order = required(orders.get(o), op);
            if (!orderRefs.add(text(order.ref(), op + ".ref"))) {
                throw fail(op + ".ref", "is used by another order");
            }
            order(order, op, customers, currency);
            for (int l = 0; l < order.lines().size(); l++) {
                String lp = op + ".lines[" + l + "]";
                if (!items.contains(order.lines().get(l).sku())) {
                    throw fail(lp + ".sku", "'" + order.lines().get(l).sku() + "' is not an item of $.stock.items");
                }
                BigDecimal rate = order.lines().get(l).taxRate();
                attempt(lp + ".taxRate", () -> OrderInvoicing.vatRate(country, rate, "taxRate"));
            }
        }
        Map<String, String> retention = required(e.retention(), path + ".retention");
        var catalogue = dev.backoffice.docs.retention.PolicyCatalogue.standard();
        retention.forEach((documentClass, entry) -> {
            String rp = path + ".retention." + documentClass;
            if (!Set.of("invoice", "payroll-record", "employee-file").contains(documentClass)) {
                throw fail(rp, "the demo archives invoice, payroll-record and employee-file documents only");
            }
            attempt(rp, () -> catalogue.policy(entry));
        });
        e.legalHold().ifPresent(hold -> {
            String hp = path + ".legalHold";
            if (!employees.contains(text(hold.employee(), hp + ".employee"))) {
                throw fail(hp + ".employee", "names employee '" + hold.employee() + "', who is not in this entity");
            }
            text(hold.name(), hp + ".name");
            text(hold.reason(), hp + ".reason");
        });
    }

    private void party(String country, String taxId, String address, String path) {
        text(country, path + ".country");
        String number = text(taxId, path + ".taxId");
        attempt(path + ".taxId", () -> TaxId.of(country, number));
        text(address, path + ".address");
    }

    private void invoicing(Scenario.InvoicingSpec spec, String path, String country) {
        String number = text(spec.taxId(), path + ".taxId");
        attempt(path + ".taxId", () -> TaxId.of(country, number));
        text(spec.address(), path + ".address");
        for (String which : List.of("invoiceSeries", "creditNoteSeries")) {
            Scenario.SeriesSpec series = required(which.equals("invoiceSeries") ? spec.invoiceSeries() : spec.creditNoteSeries(),
                    path + "." + which);
            String sp = path + "." + which;
            enumValue(NumberReset.class, series.reset(), sp + ".reset");
            attempt(sp, () -> Series.of(text(series.code(), sp + ".code"), text(series.pattern(), sp + ".pattern"),
                    NumberReset.valueOf(series.reset())));
        }
        if (spec.invoiceSeries().code().equals(spec.creditNoteSeries().code())) {
            throw fail(path + ".creditNoteSeries.code", "must differ from the invoice series' code");
        }
        if (spec.paymentDays() < 0 || spec.payLaterDays() < 0) {
            throw fail(path + (spec.paymentDays() < 0 ? ".paymentDays" : ".payLaterDays"), "must not be negative");
        }
        text(spec.unit(), path + ".unit");
        List<Scenario.FxRateSpec> rates = spec.fxRates().orElse(List.of());
        for (int i = 0; i < rates.size(); i++) {
            String rp = path + ".fxRates[" + i + "]";
            Scenario.FxRateSpec r = required(rates.get(i), rp);
            required(r.date(), rp + ".date");
            attempt(rp, () -> FixedFxRates.builder().rate(MoneyMath.currency(r.from(), "from"), MoneyMath.currency(r.to(), "to"),
                    r.date(), text(r.rate(), rp + ".rate"), text(r.table(), rp + ".table")).build());
        }
    }

    private Set<String> stock(Scenario.StockSpec stock, String path, String country, CurrencyUnit currency) {
        text(stock.warehouse(), path + ".warehouse");
        Set<String> skus = new HashSet<>();
        List<Scenario.ItemSpec> items = required(stock.items(), path + ".items");
        for (int i = 0; i < items.size(); i++) {
            String ip = path + ".items[" + i + "]";
            Scenario.ItemSpec item = required(items.get(i), ip);
            if (!skus.add(text(item.sku(), ip + ".sku"))) {
                throw fail(ip + ".sku", "appears twice");
            }
            text(item.name(), ip + ".name");
            enumValue(Costing.class, item.costing(), ip + ".costing");
            if (item.openingQuantity() < 0) {
                throw fail(ip + ".openingQuantity", "must not be negative");
            }
            amount(required(item.openingUnitCost(), ip + ".openingUnitCost"), ip + ".openingUnitCost", currency);
        }
        List<Scenario.ReceiptSpec> receipts = required(stock.receipts(), path + ".receipts");
        Set<String> refs = new HashSet<>();
        for (int r = 0; r < receipts.size(); r++) {
            String rp = path + ".receipts[" + r + "]";
            Scenario.ReceiptSpec receipt = required(receipts.get(r), rp);
            if (!refs.add(text(receipt.ref(), rp + ".ref"))) {
                throw fail(rp + ".ref", "is used by another receipt");
            }
            required(receipt.date(), rp + ".date");
            Scenario.SupplierSpec supplier = required(receipt.supplier(), rp + ".supplier");
            text(supplier.ref(), rp + ".supplier.ref");
            text(supplier.name(), rp + ".supplier.name");
            party(supplier.country(), supplier.taxId(), supplier.address(), rp + ".supplier");
            text(receipt.supplierNumber(), rp + ".supplierNumber");
            if (required(receipt.issueDate(), rp + ".issueDate").isAfter(receipt.date())) {
                throw fail(rp + ".issueDate", "is after the day the goods were received");
            }
            if (required(receipt.dueDate(), rp + ".dueDate").isBefore(receipt.issueDate())) {
                throw fail(rp + ".dueDate", "is before the issue date");
            }
            List<Scenario.ReceiptLineSpec> lines = required(receipt.lines(), rp + ".lines");
            if (lines.isEmpty()) {
                throw fail(rp + ".lines", "a receipt needs at least one line");
            }
            for (int l = 0; l < lines.size(); l++) {
                String lp = rp + ".lines[" + l + "]";
                Scenario.ReceiptLineSpec line = required(lines.get(l), lp);
                if (!skus.contains(text(line.sku(), lp + ".sku"))) {
                    throw fail(lp + ".sku", "'" + line.sku() + "' is not an item of " + path + ".items");
                }
                if (line.quantity() <= 0) {
                    throw fail(lp + ".quantity", "must be at least 1");
                }
                amount(required(line.unitCost(), lp + ".unitCost"), lp + ".unitCost", currency);
                BigDecimal rate = required(line.taxRate(), lp + ".taxRate");
                attempt(lp + ".taxRate", () -> OrderInvoicing.vatRate(country, rate, "taxRate"));
            }
        }
        List<Scenario.CountSpec> counts = required(stock.counts(), path + ".counts");
        for (int c = 0; c < counts.size(); c++) {
            String cp = path + ".counts[" + c + "]";
            Scenario.CountSpec count = required(counts.get(c), cp);
            required(count.date(), cp + ".date");
            if (!skus.contains(text(count.sku(), cp + ".sku"))) {
                throw fail(cp + ".sku", "'" + count.sku() + "' is not an item of " + path + ".items");
            }
            if (count.counted() < 0) {
                throw fail(cp + ".counted", "must not be negative");
            }
        }
        return skus;
    }

    private void journalEntry(JournalSpec entry, String path, Set<String> codes, CurrencyUnit currency) {
        required(entry.date(), path + ".date");
        text(entry.description(), path + ".description");
        List<LineSpec> lines = required(entry.lines(), path + ".lines");
        if (lines.size() < 2) {
            throw fail(path + ".lines", "a journal entry needs at least two lines");
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (int l = 0; l < lines.size(); l++) {
            String lp = path + ".lines[" + l + "]";
            LineSpec line = required(lines.get(l), lp);
            if (!codes.contains(text(line.account(), lp + ".account"))) {
                throw fail(lp + ".account", "unknown account code '" + line.account() + "'");
            }
            if (line.debit().isPresent() == line.credit().isPresent()) {
                throw fail(lp, "needs exactly one of debit or credit");
            }
            BigDecimal amount = line.debit().orElseGet(() -> line.credit().orElseThrow());
            String ap = lp + (line.debit().isPresent() ? ".debit" : ".credit");
            amount(amount, ap, currency);
            if (line.debit().isPresent()) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }
        if (debits.compareTo(credits) != 0) {
            throw fail(path + ".lines", "the entry does not balance: debits " + debits.toPlainString()
                    + " " + currency + " but credits " + credits.toPlainString() + " " + currency);
        }
    }

    private void amount(BigDecimal amount, String path, CurrencyUnit currency) {
        if (amount.signum() <= 0) {
            throw fail(path, "must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDecimalPlaces()) {
            throw fail(path, "has more decimals than " + currency + " allows (" + currency.getDecimalPlaces() + ")");
        }
    }

    private void employee(EmployeeSpec emp, String path, String country) {
        text(emp.givenName(), path + ".givenName");
        text(emp.familyName(), path + ".familyName");
        required(emp.birthDate(), path + ".birthDate");
        required(emp.start(), path + ".start");
        emp.end().ifPresent(end -> {
            if (end.isBefore(emp.start())) {
                throw fail(path + ".end", "is before the start " + emp.start());
            }
        });
        if (required(emp.monthlySalary(), path + ".monthlySalary").signum() <= 0) {
            throw fail(path + ".monthlySalary", "must be greater than zero");
        }
        if (country.equals("GB")) {
            String code = text(emp.taxCode().orElse(null), path + ".taxCode");
            attempt(path + ".taxCode", () -> UkTaxCode.parse(code));
            text(emp.niCategory().orElse(null), path + ".niCategory");
            if (emp.studentLoan().isPresent()) {
                enumValue(StudentLoanPlan.class, emp.studentLoan().get(), path + ".studentLoan");
            }
        } else if (emp.taxCode().isPresent() || emp.niCategory().isPresent() || emp.studentLoan().isPresent()) {
            throw fail(path, "taxCode, niCategory and studentLoan apply to UK (GB) employees only");
        }
    }

    private void order(OrderSpec order, String path, Set<String> customers, CurrencyUnit currency) {
        if (!customers.contains(text(order.customer(), path + ".customer"))) {
            throw fail(path + ".customer", "unknown customer '" + order.customer() + "'");
        }
        required(order.date(), path + ".date");
        List<OrderLineSpec> lines = required(order.lines(), path + ".lines");
        if (lines.isEmpty()) {
            throw fail(path + ".lines", "an order needs at least one line");
        }
        Set<String> skus = new HashSet<>();
        for (int l = 0; l < lines.size(); l++) {
            String lp = path + ".lines[" + l + "]";
            OrderLineSpec line = required(lines.get(l), lp);
            if (!skus.add(text(line.sku(), lp + ".sku"))) {
                throw fail(lp + ".sku", "appears on another line of this order");
            }
            if (line.quantity() <= 0) {
                throw fail(lp + ".quantity", "must be at least 1");
            }
            amount(required(line.unitPrice(), lp + ".unitPrice"), lp + ".unitPrice", currency);
            BigDecimal rate = required(line.taxRate(), lp + ".taxRate");
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw fail(lp + ".taxRate", "must be a percentage between 0 and 100");
            }
        }
        List<OrderEventSpec> events = required(order.events(), path + ".events");
        for (int v = 0; v < events.size(); v++) {
            String vp = path + ".events[" + v + "]";
            OrderEventSpec event = required(events.get(v), vp);
            if (!EVENT_TYPES.contains(text(event.type(), vp + ".type"))) {
                throw fail(vp + ".type", "unknown event '" + event.type() + "'; known: " + EVENT_TYPES);
            }
            required(event.date(), vp + ".date");
            event.amount().ifPresent(a -> amount(a, vp + ".amount", currency));
            Map<String, Integer> items = event.items().orElse(Map.of());
            if ((event.type().equals("ship") || event.type().equals("return")) && items.isEmpty()) {
                throw fail(vp + ".items", "a " + event.type() + " needs items (SKU: quantity)");
            }
            items.forEach((sku, qty) -> {
                if (!skus.contains(sku)) {
                    throw fail(vp + ".items." + sku, "is not a SKU of this order");
                }
                if (qty == null || qty <= 0) {
                    throw fail(vp + ".items." + sku, "quantity must be at least 1");
                }
            });
        }
    }

    private <E extends Enum<E>> void enumValue(Class<E> type, String value, String path) {
        text(value, path);
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw fail(path, "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private <T> T attempt(String path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BackofficeException e) {
            String reason = e.getMessage().replaceFirst("^invalid request: ", "");
            throw fail(path, reason + " [" + e.code() + "]");
        }
    }
}
