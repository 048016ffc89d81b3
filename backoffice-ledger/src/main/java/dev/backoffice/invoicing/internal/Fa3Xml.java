package dev.backoffice.invoicing.internal;

import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.TaxId;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import org.joda.money.Money;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an issued invoice or credit note as a KSeF FA(3) document (schema
 * {@code http://crd.gov.pl/wzor/2025/06/25/13775/}, {@code kodSystemowy="FA (3)"},
 * {@code wersjaSchemy="1-0E"}), in the element order the schema prescribes.
 *
 * <p>What maps where: the seller is {@code Podmiot1} (NIP, name, one address line), the buyer
 * {@code Podmiot2} (NIP for a Polish buyer, {@code KodUE}/{@code NrVatUE} for an EU one,
 * {@code KodKraju}/{@code NrID} for another, {@code BrakID} for a consumer); each VAT rate's totals
 * go to their {@code P_13_x}/{@code P_14_x} fields (23 % to 1, 8 % to 2, 5 % to 3, 0 % to 6_1,
 * exempt to 7, not subject to 8, reverse charge to 10) with {@code P_14_xW} in zloty for a foreign
 * currency; {@code P_15} is the gross total; the annotations say no cash method, no self-billing,
 * reverse charge when a line is, no split payment, the exemption and its basis when a line is
 * exempt, no new means of transport, no triangulation, no margin scheme. A credit note is
 * {@code KOR} with the corrected invoice's number and date, its lines before ({@code StanPrzed})
 * and after. A line's discount is {@code P_10}, the amount off quantity times unit price.
 *
 * <p>An advance invoice (art. 106b ust. 1 pkt 4 ustawy o VAT) is {@code ZAL}: {@code P_6} the day the
 * payment was received, {@code P_13_x}/{@code P_14_x} the advance's net and VAT, {@code P_15} the
 * amount received, the rate of its VAT in zloty {@code KursWalutyZ}, no {@code FaWiersz} (optional
 * for {@code ZAL}) but the order in {@code Zamowienie} (art. 106f ust. 1 pkt 4). A final invoice
 * (art. 106f ust. 3) is {@code ROZ}: the totals what remains, {@code P_15} the amount left to pay,
 * each advance invoice's number in {@code FakturaZaliczkowa} (issued outside KSeF as far as the
 * SDK knows: {@code NrKSeFZN}), every line of the order in {@code FaWiersz}. {@code P_18A} is the
 * split-payment marking the SDK computes ({@link Invoice#splitPayment()}, art. 106e ust. 1 pkt 18a),
 * and each annex-15 line carries {@code P_12_Zal_15}.
 */
public final class Fa3Xml {

    /** The FA(3) namespace. */
    public static final String NAMESPACE = "http://crd.gov.pl/wzor/2025/06/25/13775/";

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "PL", "RO", "SK", "SI", "ES", "SE", "XI");

    /** Each rate's field suffix, in the schema's order; the rates with a {@code P_14_x} VAT field carry a flag. */
    private static final Map<VatRate, String> FIELD = Map.of(
            VatRate.PL_23, "1", VatRate.PL_8, "2", VatRate.PL_5, "3", VatRate.PL_0, "6_1",
            VatRate.PL_EXEMPT, "7", VatRate.PL_NOT_SUBJECT, "8", VatRate.PL_REVERSE_CHARGE, "10");
    private static final Set<VatRate> WITH_VAT = Set.of(VatRate.PL_23, VatRate.PL_8, VatRate.PL_5);
    private static final List<VatRate> ORDER = List.of(VatRate.PL_23, VatRate.PL_8, VatRate.PL_5, VatRate.PL_0,
            VatRate.PL_EXEMPT, VatRate.PL_NOT_SUBJECT, VatRate.PL_REVERSE_CHARGE);

    private Fa3Xml() {
    }

    /**
     * The FA(3) XML of {@code invoice} (for a credit note, {@code corrected} is the invoice it
     * corrects), made at {@code createdAt}.
     *
     * @param exemptionBasis the legal basis of exempt lines ({@code P_19A}), needed when a line is exempt
     */
    public static String write(Invoice invoice, Optional<Invoice> corrected, Instant createdAt, String systemInfo,
                               Optional<String> exemptionBasis) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(NAMESPACE);
            x.writeStartElement(NAMESPACE, "Faktura");
            x.writeDefaultNamespace(NAMESPACE);

            x.writeStartElement("Naglowek");
            x.writeStartElement("KodFormularza");
            x.writeAttribute("kodSystemowy", "FA (3)");
            x.writeAttribute("wersjaSchemy", "1-0E");
            x.writeCharacters("FA");
            x.writeEndElement();
            text(x, "WariantFormularza", "3");
            text(x, "DataWytworzeniaFa", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
            text(x, "SystemInfo", systemInfo);
            x.writeEndElement();

            seller(x, invoice.seller());
            buyer(x, invoice.buyer());
            fa(x, invoice, corrected, exemptionBasis);

            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the FA(3) document of invoice " + invoice.id(), e);
        }
        return out.toString();
    }

    private static void seller(XMLStreamWriter x, Party seller) throws XMLStreamException {
        x.writeStartElement("Podmiot1");
        x.writeStartElement("DaneIdentyfikacyjne");
        text(x, "NIP", seller.taxId().orElseThrow().number());
        text(x, "Nazwa", seller.name());
        x.writeEndElement();
        address(x, seller);
        x.writeEndElement();
    }

    private static void buyer(XMLStreamWriter x, Party buyer) throws XMLStreamException {
        x.writeStartElement("Podmiot2");
        x.writeStartElement("DaneIdentyfikacyjne");
        Optional<TaxId> id = buyer.taxId();
        if (id.isEmpty()) {
            text(x, "BrakID", "1");
        } else if (id.get().country().equals("PL")) {
            text(x, "NIP", id.get().number());
        } else if (EU.contains(id.get().country()) && id.get().number().length() <= 12) {
            text(x, "KodUE", id.get().country());
            text(x, "NrVatUE", id.get().number());
        } else {
            text(x, "KodKraju", buyer.country());
            text(x, "NrID", id.get().vatNumber());
        }
        text(x, "Nazwa", buyer.name());
        x.writeEndElement();
        address(x, buyer);
        text(x, "JST", "2");
        text(x, "GV", "2");
        x.writeEndElement();
    }

    private static void address(XMLStreamWriter x, Party party) throws XMLStreamException {
        x.writeStartElement("Adres");
        text(x, "KodKraju", party.country());
        text(x, "AdresL1", party.address());
        x.writeEndElement();
    }

    private static void fa(XMLStreamWriter x, Invoice invoice, Optional<Invoice> corrected, Optional<String> exemptionBasis)
            throws XMLStreamException {
        boolean creditNote = invoice.kind() == InvoiceKind.CREDIT_NOTE;
        x.writeStartElement("Fa");
        text(x, "KodWaluty", invoice.currency().getCode());
        text(x, "P_1", invoice.issueDate().orElseThrow().toString());
        text(x, "P_2", invoice.number().orElseThrow());
        boolean advance = invoice.isAdvance();
        if (advance) {
            text(x, "P_6", invoice.details().advance().orElseThrow().receivedOn().toString()); // the day the payment was received
        } else if (!creditNote && !invoice.saleDate().equals(invoice.issueDate())) {
            text(x, "P_6", invoice.saleDate().orElseThrow().toString());
        }
        List<VatTotal> totals = new ArrayList<>(invoice.totals());
        totals.sort(Comparator.comparingInt(t -> ORDER.indexOf(t.rate())));
        for (VatTotal t : totals) {
            String f = FIELD.get(t.rate());
            text(x, "P_13_" + f, amount(t.net()));
            if (WITH_VAT.contains(t.rate())) {
                text(x, "P_14_" + f, amount(t.vat()));
                if (t.vatLocal().isPresent()) {
                    text(x, "P_14_" + f + "W", amount(t.vatLocal().get()));
                }
            }
        }
        text(x, "P_15", amount(invoice.gross()));
        if (advance && invoice.fxRate().isPresent()) {
            text(x, "KursWalutyZ", plain(invoice.fxRate().get().rate().setScale(6, RoundingMode.HALF_UP)));
        }

        x.writeStartElement("Adnotacje");
        text(x, "P_16", "2");
        text(x, "P_17", "2");
        boolean reverseCharge = invoice.lines().stream().anyMatch(l -> l.vatRate() == VatRate.PL_REVERSE_CHARGE);
        text(x, "P_18", reverseCharge ? "1" : "2");
        text(x, "P_18A", invoice.splitPayment() ? "1" : "2");
        x.writeStartElement("Zwolnienie");
        if (invoice.lines().stream().anyMatch(l -> l.vatRate() == VatRate.PL_EXEMPT)) {
            text(x, "P_19", "1");
            text(x, "P_19A", exemptionBasis.orElseThrow());
        } else {
            text(x, "P_19N", "1");
        }
        x.writeEndElement();
        x.writeStartElement("NoweSrodkiTransportu");
        text(x, "P_22N", "1");
        x.writeEndElement();
        text(x, "P_23", "2");
        x.writeStartElement("PMarzy");
        text(x, "P_PMarzyN", "1");
        x.writeEndElement();
        x.writeEndElement();

        text(x, "RodzajFaktury", creditNote ? "KOR" : advance ? "ZAL" : invoice.isFinal() ? "ROZ" : "VAT");
        if (creditNote) {
            Invoice original = corrected.orElseThrow();
            String reason = invoice.reason().orElse("korekta");
            text(x, "PrzyczynaKorekty", reason.length() <= 256 ? reason : reason.substring(0, 256)); // TZnakowy: 256 at most
            text(x, "TypKorekty", "2");
            x.writeStartElement("DaneFaKorygowanej");
            text(x, "DataWystFaKorygowanej", original.issueDate().orElseThrow().toString());
            text(x, "NrFaKorygowanej", original.number().orElseThrow());
            text(x, "NrKSeFN", "1");
            x.writeEndElement();
        }

        for (var d : invoice.details().deductions()) {
            x.writeStartElement("FakturaZaliczkowa");
            text(x, "NrKSeFZN", "1");
            text(x, "NrFaZaliczkowej", d.number());
            x.writeEndElement();
        }

        Optional<BigDecimal> rate = invoice.fxRate().map(r -> r.rate());
        for (int i = 0; i < (advance ? 0 : invoice.lines().size()); i++) {
            if (creditNote) {
                line(x, i + 1, invoice.linesBefore().get(i), rate, true);
            }
            line(x, i + 1, invoice.lines().get(i), rate, false);
        }

        if (!creditNote && invoice.dueDate().isPresent()) {
            x.writeStartElement("Platnosc");
            x.writeStartElement("TerminPlatnosci");
            text(x, "Termin", invoice.dueDate().get().toString());
            x.writeEndElement();
            x.writeEndElement();
        }
        if (advance) {
            order(x, invoice);
        }
        x.writeEndElement();
    }

    private static void line(XMLStreamWriter x, int number, InvoiceLine line, Optional<BigDecimal> rate, boolean before)
            throws XMLStreamException {
        x.writeStartElement("FaWiersz");
        text(x, "NrWierszaFa", Integer.toString(number));
        text(x, "P_7", line.description());
        text(x, "P_8A", line.unit());
        text(x, "P_8B", plain(line.quantity()));
        text(x, "P_9A", plain(line.unitNetPrice().getAmount()));
        BigDecimal full = line.quantity().multiply(line.unitNetPrice().getAmount());
        Money net = line.netValue();
        if (line.discountPercent().signum() > 0) {
            text(x, "P_10", plain(full.subtract(net.getAmount()).setScale(8, RoundingMode.HALF_UP)));
        }
        text(x, "P_11", amount(net));
        text(x, "P_12", line.vatRate().code());
        if (line.annex15()) {
            text(x, "P_12_Zal_15", "1");
        }
        if (rate.isPresent()) {
            text(x, "KursWaluty", plain(rate.get().setScale(6, RoundingMode.HALF_UP))); // TIlosci: six decimals at most
        }
        if (before) {
            text(x, "StanPrzed", "1");
        }
        x.writeEndElement();
    }

    /**
     * The order an advance invoice is paid towards (art. 106f ust. 1 pkt 4): its gross value and each
     * line with its net value and rate ({@code Zamowienie}, in the invoice's currency).
     */
    private static void order(XMLStreamWriter x, Invoice invoice) throws XMLStreamException {
        x.writeStartElement("Zamowienie");
        Money gross = VatMath.sum(VatMath.totals(invoice.lines(), invoice.currency()), invoice.currency(), VatTotal::gross);
        text(x, "WartoscZamowienia", amount(gross));
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            x.writeStartElement("ZamowienieWiersz");
            text(x, "NrWierszaZam", Integer.toString(i + 1));
            text(x, "P_7Z", line.description());
            text(x, "P_8AZ", line.unit());
            text(x, "P_8BZ", plain(line.quantity()));
            text(x, "P_9AZ", plain(line.unitNetPrice().getAmount()));
            text(x, "P_11NettoZ", amount(line.netValue()));
            text(x, "P_12Z", line.vatRate().code());
            if (line.annex15()) {
                text(x, "P_12Z_Zal_15", "1");
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static String amount(Money m) {
        return m.getAmount().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A decimal without exponent and without trailing zeros (FA(3) decimal patterns refuse {@code 1E+1}). */
    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
