package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.AdvanceDeduction;
import dev.backoffice.invoicing.AdvanceReceipt;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.invoicing.einvoice.internal.Fa3Lines;
import dev.backoffice.invoicing.einvoice.internal.UnitCodes;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an e-invoice states: the values of an issued {@link Invoice} (or credit note) that an
 * FA(3) or UBL document carries, in the SDK's types. The readers return it
 * ({@link Fa3Reader#read(String)}, {@link UblReader#read(String)}); {@link #of(Invoice)} gives it
 * for a stored invoice, and {@link #fa3View()} / {@link #ublView()} say exactly what each format
 * keeps of it, so {@code Fa3Reader.read(fa3.write(i))} equals {@code InvoiceDocument.of(i).fa3View()}.
 *
 * <p>Signs are the SDK's: a credit note's totals are the (negative) change, in both formats
 * (UBL writes them positive on a {@code CreditNote} and the reader turns them back).
 *
 * @param kind        invoice or credit note
 * @param number      the invoice number
 * @param issueDate   the issue date
 * @param saleDate    the date of supply (the issue date when the document states none)
 * @param dueDate     the payment due date
 * @param currency    the invoice currency
 * @param seller      the seller
 * @param buyer       the buyer
 * @param lines       the lines (of an FA(3) credit note: after the correction; of a UBL credit
 *                    note: the lines credited, see {@link #creditedLines()})
 * @param linesBefore an FA(3) credit note's lines before the correction; empty otherwise
 * @param totals      per VAT rate (a UBL document keeps no per-rate local amounts)
 * @param net         the sum of net totals
 * @param vat         the sum of VAT totals
 * @param gross       {@code net + vat}
 * @param vatLocal    the VAT in the seller's VAT currency for a foreign-currency invoice
 * @param fxRate      the exchange rate to the seller's VAT currency (FA(3) {@code KursWaluty})
 * @param corrects    the invoice a credit note corrects
 * @param reason      why a credit note was issued
 * @param splitPayment   the split-payment marking (FA(3) {@code P_18A}; UBL states none: false)
 * @param advance        an advance invoice's payment received (FA(3) {@code ZAL}: {@code P_15} and {@code P_6});
 *                       its {@code lines} are then the order ({@code Zamowienie})
 * @param advanceNumbers the numbers of the advance invoices a final invoice deducts (FA(3) {@code ROZ},
 *                       {@code FakturaZaliczkowa/NrFaZaliczkowej})
 */
public record InvoiceDocument(InvoiceKind kind, String number, LocalDate issueDate, LocalDate saleDate,
                              Optional<LocalDate> dueDate, CurrencyUnit currency, Party seller, Party buyer,
                              List<InvoiceLine> lines, List<InvoiceLine> linesBefore, List<VatTotal> totals, Money net,
                              Money vat, Money gross, Optional<Money> vatLocal, Optional<BigDecimal> fxRate,
                              Optional<Reference> corrects, Optional<String> reason, boolean splitPayment,
                              Optional<AdvanceReceipt> advance, List<String> advanceNumbers) {

    /** FA(3) {@code PrzyczynaKorekty} is at most 256 characters (TZnakowy). */
    static final int FA3_REASON_LENGTH = 256;

    /**
     * The invoice a credit note corrects, as documents reference it.
     *
     * @param number    its number
     * @param issueDate its issue date
     */
    public record Reference(String number, LocalDate issueDate) {
        public Reference {
            Check.notNull(number, "number");
            Check.notNull(issueDate, "issueDate");
        }
    }

    public InvoiceDocument {
        Check.notNull(kind, "kind");
        Check.notNull(number, "number");
        Check.notNull(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        Check.notNull(dueDate, "dueDate");
        Check.notNull(currency, "currency");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        linesBefore = List.copyOf(Check.notNull(linesBefore, "linesBefore"));
        totals = List.copyOf(Check.notNull(totals, "totals"));
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
        Check.notNull(gross, "gross");
        Check.notNull(vatLocal, "vatLocal");
        Check.notNull(fxRate, "fxRate");
        Check.notNull(corrects, "corrects");
        Check.notNull(reason, "reason");
        Check.notNull(advance, "advance");
        advanceNumbers = List.copyOf(Check.notNull(advanceNumbers, "advanceNumbers"));
    }

    /** A plain invoice's or credit note's document: no split-payment marking, no advances. */
    public InvoiceDocument(InvoiceKind kind, String number, LocalDate issueDate, LocalDate saleDate,
                           Optional<LocalDate> dueDate, CurrencyUnit currency, Party seller, Party buyer,
                           List<InvoiceLine> lines, List<InvoiceLine> linesBefore, List<VatTotal> totals, Money net,
                           Money vat, Money gross, Optional<Money> vatLocal, Optional<BigDecimal> fxRate,
                           Optional<Reference> corrects, Optional<String> reason) {
        this(kind, number, issueDate, saleDate, dueDate, currency, seller, buyer, lines, linesBefore, totals, net, vat, gross,
                vatLocal, fxRate, corrects, reason, false, Optional.empty(), List.of());
    }

    /**
     * The document of an issued invoice.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@link EInvoiceErrorCode#NOT_WRITABLE}
     *         naming {@code invoice} for a draft or a credit note (use {@link #of(Invoice, Invoice)})
     */
    public static InvoiceDocument of(Invoice invoice) {
        Check.notNull(invoice, "invoice");
        if (invoice.kind() != InvoiceKind.INVOICE) {
            throw notWritable("invoice", "is a credit note: give the invoice it corrects too", invoice.number().orElse(null));
        }
        return build(invoice, Optional.empty());
    }

    /**
     * The document of an issued credit note, which references {@code corrected}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@link EInvoiceErrorCode#NOT_WRITABLE}
     *         naming {@code creditNote} or {@code corrected}
     */
    public static InvoiceDocument of(Invoice creditNote, Invoice corrected) {
        Check.notNull(creditNote, "creditNote");
        Check.notNull(corrected, "corrected");
        if (creditNote.kind() != InvoiceKind.CREDIT_NOTE) {
            throw notWritable("creditNote", "is not a credit note", creditNote.number().orElse(null));
        }
        if (!creditNote.corrects().equals(Optional.of(corrected.id()))) {
            throw notWritable("corrected", "is not the invoice the credit note corrects", corrected.id());
        }
        if (corrected.number().isEmpty() || corrected.issueDate().isEmpty()) {
            throw notWritable("corrected", "is a draft", corrected.id());
        }
        return build(creditNote, Optional.of(new Reference(corrected.number().get(), corrected.issueDate().get())));
    }

    private static InvoiceDocument build(Invoice i, Optional<Reference> corrects) {
        if (i.number().isEmpty() || i.issueDate().isEmpty()) {
            throw notWritable("invoice", "is a draft: only issued invoices are sent", i.id());
        }
        LocalDate issued = i.issueDate().get();
        Optional<Money> local = Optional.empty();
        for (VatTotal t : i.totals()) {
            if (t.vatLocal().isPresent()) {
                local = Optional.of(local.map(m -> MoneyMath.plus(m, t.vatLocal().get())).orElse(t.vatLocal().get()));
            }
        }
        return new InvoiceDocument(i.kind(), i.number().get(), issued, i.saleDate().orElse(issued), i.dueDate(), i.currency(),
                i.seller(), i.buyer(), i.lines(), i.linesBefore(), i.totals(), i.net(), i.vat(), i.gross(), local,
                i.fxRate().map(r -> r.rate()), corrects, i.reason(), i.splitPayment(), i.details().advance(),
                i.details().deductions().stream().map(AdvanceDeduction::number).toList());
    }

    /**
     * What a UBL credit note lists: for each line pair whose before and after differ, the line
     * before (credited) and, unless its quantity is zero, the line after with its quantity negated
     * (charged again); a pair that did not change is left out. The lines' nets add up, per rate,
     * to the negated change of the credit note's totals. An invoice's lines are its lines.
     */
    public List<InvoiceLine> creditedLines() {
        if (kind == InvoiceKind.INVOICE || linesBefore.isEmpty()) {
            return lines;
        }
        List<InvoiceLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine before = linesBefore.get(i);
            InvoiceLine after = lines.get(i);
            if (before.equals(after)) {
                continue;
            }
            out.add(before);
            if (after.quantity().signum() != 0) {
                out.add(after.withQuantity(after.quantity().negate()));
            }
        }
        return out;
    }

    /**
     * What the FA(3) document of this invoice states (so what {@link Fa3Reader} returns):
     * quantities, prices and the exchange rate without trailing zeros (the rate at six decimals);
     * a line's discount as the percentage, at two decimals, nearest to the amount FA(3) carries
     * ({@code P_10}) that gives the same net ({@code P_11}); local VAT only for the taxed rates
     * ({@code P_14_xW}), no local net; a credit note without date of supply or due date (so its
     * date of supply reads as its issue date) and a reason of at most 256 characters; totals in the
     * schema's order of rates (23, 8, 5, 0, zw, np, oo).
     */
    public InvoiceDocument fa3View() {
        boolean credit = kind == InvoiceKind.CREDIT_NOTE;
        List<VatTotal> t = new ArrayList<>(totals.size());
        Optional<Money> local = Optional.empty();
        List<VatTotal> sorted = new ArrayList<>(totals);
        sorted.sort(java.util.Comparator.comparingInt(v -> fa3Order(v.rate())));
        for (VatTotal v : sorted) {
            Optional<Money> vl = v.rate().treatment() == VatRate.Treatment.TAXED ? v.vatLocal() : Optional.empty();
            if (vl.isPresent()) {
                local = Optional.of(local.map(m -> MoneyMath.plus(m, vl.get())).orElse(vl.get()));
            }
            t.add(new VatTotal(v.rate(), v.net(), v.vat(), v.gross(), Optional.empty(), vl));
        }
        Optional<String> why = credit ? Optional.of(cut(reason.orElse("korekta"))) : Optional.empty();
        return new InvoiceDocument(kind, number, issueDate, credit ? issueDate : saleDate, credit ? Optional.empty() : dueDate,
                currency, seller, buyer, fa3Lines(lines), fa3Lines(linesBefore), t, net, vat, gross, local,
                fxRate.map(r -> plain(r.setScale(6, RoundingMode.HALF_UP))), corrects, why, splitPayment, advance, advanceNumbers);
    }

    /**
     * What the Peppol UBL document of this invoice states (so what {@link UblReader} returns):
     * a credit note's {@link #creditedLines()} (no lines before), units as their UN/ECE
     * Recommendation 20 codes, no discount written as {@code 0} (a zero discount is no allowance), no per-rate local amounts (only the total, {@link #vatLocal()}), no
     * exchange rate, no due date on a credit note, no reason on an invoice.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@link EInvoiceErrorCode#NOT_WRITABLE}
     *         naming {@code lines[i].unit} for a unit without a Recommendation 20 code
     */
    public InvoiceDocument ublView() {
        boolean credit = kind == InvoiceKind.CREDIT_NOTE;
        List<InvoiceLine> credited = creditedLines();
        List<InvoiceLine> out = new ArrayList<>(credited.size());
        for (int i = 0; i < credited.size(); i++) {
            InvoiceLine l = credited.get(i);
            String field = "lines[" + i + "].unit";
            String code = UnitCodes.of(l.unit()).orElseThrow(() -> notWritable(field,
                    "has no UN/ECE Recommendation 20 code the SDK knows (use a code such as C62, HUR, KGM)", l.unit()));
            BigDecimal discount = l.discountPercent().signum() == 0 ? BigDecimal.ZERO : l.discountPercent();
            out.add(new InvoiceLine(l.description(), l.quantity(), code, l.unitNetPrice(), discount, l.vatRate()));
        }
        List<VatTotal> t = totals.stream()
                .map(v -> new VatTotal(v.rate(), v.net(), v.vat(), v.gross(), Optional.empty(), Optional.empty())).toList();
        return new InvoiceDocument(kind, number, issueDate, saleDate, credit ? Optional.empty() : dueDate, currency, seller, buyer,
                out, List.of(), t, net, vat, gross, vatLocal, Optional.empty(), corrects, credit ? reason : Optional.empty());
    }

    private static int fa3Order(VatRate rate) {
        for (int i = 0; i < Fa3Reader.FIELDS.size(); i++) {
            if (Fa3Reader.FIELDS.get(i).getKey() == rate) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<InvoiceLine> fa3Lines(List<InvoiceLine> in) {
        List<InvoiceLine> out = new ArrayList<>(in.size());
        for (InvoiceLine l : in) {
            BigDecimal quantity = plain(l.quantity());
            BigMoney price = BigMoney.of(l.unitNetPrice().getCurrencyUnit(), plain(l.unitNetPrice().getAmount()));
            BigDecimal percent = Fa3Lines.percent(quantity, price.getAmount(), Fa3Lines.discountAmount(l), l.netValue());
            out.add(new InvoiceLine(l.description(), quantity, l.unit(), price, percent, l.vatRate(), l.annex15()));
        }
        return out;
    }

    /** A decimal as FA(3) writes it: no exponent, no trailing zeros. */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String cut(String s) {
        return s.length() <= FA3_REASON_LENGTH ? s : s.substring(0, FA3_REASON_LENGTH);
    }

    static RuntimeException notWritable(String field, String message, Object value) {
        return EInvoiceErrorCode.NOT_WRITABLE.exception(field, message, value);
    }
}
