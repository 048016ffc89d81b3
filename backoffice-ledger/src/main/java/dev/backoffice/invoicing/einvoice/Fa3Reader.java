package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.AdvanceReceipt;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.TaxId;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.invoicing.einvoice.internal.Fa3Lines;
import dev.backoffice.invoicing.einvoice.internal.Rates;
import dev.backoffice.invoicing.einvoice.internal.XmlIn;
import dev.backoffice.invoicing.internal.Fa3Xml;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a KSeF FA(3) document ({@code Faktura}, namespace {@value Fa3Xml#NAMESPACE}) back into the
 * SDK's values ({@link InvoiceDocument}): the parts {@link dev.backoffice.invoicing.Fa3Writer}
 * writes (see {@link InvoiceDocument#fa3View()}): parties, dates, currency, the totals per rate
 * ({@code P_13_x}, {@code P_14_x}, {@code P_14_xW}), the gross total {@code P_15}, the lines
 * ({@code FaWiersz}; of a {@code KOR} also those marked {@code StanPrzed}), the corrected invoice,
 * the reason, the exchange rate and the due date. Every element it needs that is missing or
 * unreadable is a typed error ({@link EInvoiceErrorCode}) naming the element's path
 * ({@code Faktura/Fa/FaWiersz[2]/P_11}); so is a line whose net {@code P_11} is not its quantity
 * times price less its discount. The reader does not validate against the schema (use
 * {@link dev.backoffice.invoicing.Fa3Writer#validate(String)} first). Stateless and thread-safe.
 */
public final class Fa3Reader {

    /** Each rate's field suffix in the schema's order. */
    static final List<Map.Entry<VatRate, String>> FIELDS = List.of(
            Map.entry(VatRate.PL_23, "1"), Map.entry(VatRate.PL_8, "2"), Map.entry(VatRate.PL_5, "3"),
            Map.entry(VatRate.PL_0, "6_1"), Map.entry(VatRate.PL_EXEMPT, "7"), Map.entry(VatRate.PL_NOT_SUBJECT, "8"),
            Map.entry(VatRate.PL_REVERSE_CHARGE, "10"));

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private Fa3Reader() {
    }

    /** The document {@code xml} states. */
    public static InvoiceDocument read(String xml) {
        XmlIn root = XmlIn.parse(xml, List.of(Fa3Xml.NAMESPACE), List.of("Faktura"), Map.of());
        XmlIn p1 = root.child("Podmiot1");
        XmlIn seller1 = p1.child("DaneIdentyfikacyjne");
        XmlIn nip = seller1.child("NIP");
        TaxId sellerId = nip.as("a Polish NIP", TaxId::nip);
        Party seller = party(p1, seller1.text("Nazwa"), Optional.of(sellerId));
        XmlIn p2 = root.child("Podmiot2");
        XmlIn ids = p2.child("DaneIdentyfikacyjne");
        Optional<TaxId> buyerId;
        if (ids.optional("NIP").isPresent()) {
            buyerId = Optional.of(ids.child("NIP").as("a Polish NIP", TaxId::nip));
        } else if (ids.optional("KodUE").isPresent()) {
            String country = ids.text("KodUE");
            buyerId = Optional.of(ids.child("NrVatUE").as("a VAT number of " + country, n -> new TaxId(country, n)));
        } else if (ids.optional("NrID").isPresent()) {
            buyerId = Optional.of(ids.child("NrID").as("a tax id with its country prefix", TaxId::euVat));
        } else {
            ids.child("BrakID");
            buyerId = Optional.empty();
        }
        Party buyer = party(p2, ids.text("Nazwa"), buyerId);

        XmlIn fa = root.child("Fa");
        CurrencyUnit currency = fa.child("KodWaluty").as("an ISO 4217 currency code", CurrencyUnit::of);
        LocalDate issued = fa.child("P_1").date();
        String number = fa.text("P_2");
        LocalDate sale = fa.optional("P_6").map(XmlIn::date).orElse(issued);
        List<VatTotal> totals = new ArrayList<>();
        Money net = Money.zero(currency);
        Money vat = Money.zero(currency);
        Optional<Money> vatLocal = Optional.empty();
        for (Map.Entry<VatRate, String> f : FIELDS) {
            Optional<XmlIn> n = fa.optional("P_13_" + f.getValue());
            if (n.isEmpty()) {
                continue;
            }
            Money rateNet = n.get().money(currency);
            Money rateVat = fa.optional("P_14_" + f.getValue()).map(x -> x.money(currency)).orElse(Money.zero(currency));
            Optional<Money> local = fa.optional("P_14_" + f.getValue() + "W").map(x -> x.money(PLN));
            if (local.isPresent()) {
                vatLocal = Optional.of(vatLocal.map(m -> MoneyMath.plus(m, local.get())).orElse(local.get()));
            }
            totals.add(new VatTotal(f.getKey(), rateNet, rateVat, MoneyMath.plus(rateNet, rateVat), Optional.empty(), local));
            net = MoneyMath.plus(net, rateNet);
            vat = MoneyMath.plus(vat, rateVat);
        }
        Money gross = fa.child("P_15").money(currency);
        XmlIn kindElement = fa.child("RodzajFaktury");
        String kindCode = kindElement.text();
        boolean credit = switch (kindCode) {
            case "VAT", "ZAL", "ROZ" -> false;
            case "KOR" -> true;
            default -> throw kindElement.invalid("is not a kind the SDK reads (VAT, KOR, ZAL, ROZ)", kindCode);
        };
        boolean advanceInvoice = kindCode.equals("ZAL");
        Optional<String> reason = credit ? Optional.of(fa.text("PrzyczynaKorekty")) : Optional.empty();
        Optional<InvoiceDocument.Reference> corrects = Optional.empty();
        if (credit) {
            XmlIn ref = fa.child("DaneFaKorygowanej");
            corrects = Optional.of(new InvoiceDocument.Reference(ref.text("NrFaKorygowanej"), ref.child("DataWystFaKorygowanej").date()));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        List<InvoiceLine> before = new ArrayList<>();
        Optional<BigDecimal> fxRate = Optional.empty();
        for (XmlIn w : fa.children("FaWiersz")) {
            InvoiceLine line = line(w, currency);
            (w.optional("StanPrzed").isPresent() ? before : lines).add(line);
            if (fxRate.isEmpty()) {
                fxRate = w.optional("KursWaluty").map(XmlIn::decimal);
            }
        }
        Optional<AdvanceReceipt> advance = Optional.empty();
        if (advanceInvoice) { // the order is in Zamowienie (art. 106f ust. 1 pkt 4); P_6 is the day the payment was received
            for (XmlIn z : fa.child("Zamowienie").children("ZamowienieWiersz")) {
                lines.add(orderLine(z, currency));
            }
            advance = Optional.of(new AdvanceReceipt(gross, fa.child("P_6").date()));
            fxRate = fa.optional("KursWalutyZ").map(XmlIn::decimal);
        }
        List<String> advanceNumbers = new ArrayList<>();
        for (XmlIn z : fa.children("FakturaZaliczkowa")) {
            advanceNumbers.add(z.text("NrFaZaliczkowej"));
        }
        boolean splitPayment = fa.child("Adnotacje").text("P_18A").equals("1");
        if (lines.isEmpty()) {
            throw EInvoiceErrorCode.MISSING_ELEMENT.exception(fa.path() + "/FaWiersz", "is missing: a document has at least one line", null);
        }
        if (credit && before.size() != lines.size()) {
            throw EInvoiceErrorCode.INVALID_VALUE.exception(fa.path() + "/FaWiersz",
                    "of a correction must pair each line before (StanPrzed) with one after", before.size() + " before, " + lines.size() + " after");
        }
        Optional<LocalDate> due = fa.optional("Platnosc").flatMap(p -> p.optional("TerminPlatnosci"))
                .map(t -> t.child("Termin").date());
        return new InvoiceDocument(credit ? InvoiceKind.CREDIT_NOTE : InvoiceKind.INVOICE, number, issued, sale, due, currency,
                seller, buyer, lines, before, totals, net, vat, gross, vatLocal, fxRate, corrects, reason, splitPayment, advance,
                advanceNumbers);
    }

    private static Party party(XmlIn podmiot, String name, Optional<TaxId> taxId) {
        XmlIn address = podmiot.child("Adres");
        String line = address.text("AdresL1");
        XmlIn country = address.child("KodKraju");
        String c = country.text();
        return country.as("a party (ISO 3166 alpha-2 country)", t -> new Party(name, c, taxId, line));
    }

    private static InvoiceLine line(XmlIn w, CurrencyUnit currency) {
        String description = w.text("P_7");
        String unit = w.text("P_8A");
        BigDecimal quantity = w.child("P_8B").decimal();
        BigDecimal price = w.child("P_9A").decimal();
        BigDecimal discountAmount = w.optional("P_10").map(XmlIn::decimal).orElse(null);
        XmlIn p11 = w.child("P_11");
        Money net = p11.money(currency);
        XmlIn p12 = w.child("P_12");
        VatRate rate = Rates.ofFa3Code(p12.text()).orElseThrow(() -> p12.invalid("is not a VAT rate code the SDK reads", p12.text()));
        BigDecimal percent = Fa3Lines.percent(quantity, price, discountAmount, net);
        InvoiceLine line = new InvoiceLine(description, quantity, unit, BigMoney.of(currency, price), percent, rate,
                w.optional("P_12_Zal_15").isPresent());
        if (!line.netValue().isEqual(net)) {
            throw p11.invalid("is not quantity times price less the discount (" + line.netValue().getAmount() + ")", net.getAmount());
        }
        return line;
    }

    /** A line of an advance invoice's order ({@code ZamowienieWiersz}): FA(3) keeps no discount there, only the net. */
    private static InvoiceLine orderLine(XmlIn z, CurrencyUnit currency) {
        BigDecimal quantity = z.child("P_8BZ").decimal();
        BigDecimal price = z.child("P_9AZ").decimal();
        XmlIn p11 = z.child("P_11NettoZ");
        Money net = p11.money(currency);
        XmlIn p12 = z.child("P_12Z");
        VatRate rate = Rates.ofFa3Code(p12.text()).orElseThrow(() -> p12.invalid("is not a VAT rate code the SDK reads", p12.text()));
        BigDecimal full = quantity.multiply(price);
        BigDecimal discountAmount = Money.of(currency, full, java.math.RoundingMode.HALF_UP).isEqual(net) ? null : full.subtract(net.getAmount());
        BigDecimal percent = Fa3Lines.percent(quantity, price, discountAmount, net);
        InvoiceLine line = new InvoiceLine(z.text("P_7Z"), quantity, z.text("P_8AZ"), BigMoney.of(currency, price), percent, rate,
                z.optional("P_12Z_Zal_15").isPresent());
        if (!line.netValue().isEqual(net)) {
            throw p11.invalid("is not quantity times price less a discount of whole hundredths of a percent", net.getAmount());
        }
        return line;
    }
}
