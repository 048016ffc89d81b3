package dev.backoffice.payroll.pl;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayBasis;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.EmployerSetting;
import dev.backoffice.payroll.JournalRole;
import dev.backoffice.payroll.Overtime;
import dev.backoffice.payroll.internal.Minor;
import dev.backoffice.payroll.jurisdiction.CalculationContext;
import dev.backoffice.payroll.jurisdiction.ContractSegment;
import dev.backoffice.payroll.jurisdiction.PayrollStep;
import dev.backoffice.payroll.jurisdiction.PayslipSink;
import dev.backoffice.payroll.jurisdiction.PipelineJurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;
import dev.backoffice.payroll.jurisdiction.YtdView;
import org.joda.money.CurrencyUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.backoffice.payroll.LineEffect.DEDUCTION;
import static dev.backoffice.payroll.LineEffect.EARNING;
import static dev.backoffice.payroll.LineEffect.EMPLOYER;
import static dev.backoffice.payroll.LineEffect.INFO;
import static dev.backoffice.payroll.PayrollComponent.EARNINGS;
import static dev.backoffice.payroll.PayrollComponent.EMPLOYEE_CONTRIBUTIONS;
import static dev.backoffice.payroll.PayrollComponent.EMPLOYER_COSTS;
import static dev.backoffice.payroll.PayrollComponent.GROSS;
import static dev.backoffice.payroll.PayrollComponent.NET;
import static dev.backoffice.payroll.PayrollComponent.TAX;
import static dev.backoffice.payroll.PayrollComponent.TAX_BASE;
import static java.math.RoundingMode.HALF_UP;

/**
 * Polish payroll for employment contracts (umowa o pracę), tax years 2025 and 2026.
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li><b>Earnings</b>: salary per contract segment; a part month (joiner, leaver, change of
 *       terms) pays {@code salary × hours of the segment / hours of the month} (rozporządzenie
 *       MPiPS z 29.05.1996 § 12 ust. 1, hours per Kodeks pracy art. 130 with the year's public
 *       holidays); hourly pay {@code hours × rate}; overtime {@code hours × hourly rate ×
 *       multiplier}, the hourly rate of a salary being {@code salary / (month hours × fraction)}
 *       (KP art. 151¹ § 3); bonuses; unpaid leave deducts {@code salary / month hours × 8 ×
 *       days} (§ 12); sickness deducts {@code salary / 30 × days} (§ 11) and pays sick pay of
 *       80% (KP art. 92) of {@code (salary − 13.71%) / 30} per day, each step rounded to the
 *       grosz. The sick-pay base is the current salary, not the 12-month average (documented
 *       simplification).</li>
 *   <li><b>Gross</b>: the social-insurance base is gross minus sick pay (sick pay bears no
 *       social contributions).</li>
 *   <li><b>Employee contributions</b>: emerytalne 9.76% and rentowe 1.5% on the base up to the
 *       annual 30× cap (art. 19 ust. 1: the month that crosses it pays on the remainder only,
 *       then nothing), chorobowe 2.45% uncapped; PPK 2% (when enrolled); health 9% of gross
 *       minus employee social contributions. Each rounded half-up to the grosz.</li>
 *   <li><b>Tax base</b>: revenue = gross + employer PPK; the under-26 exempt part (cumulative
 *       limit 85,528); deductible social contributions (pro rata to the taxable part); costs
 *       250 or 300; income rounded to full złoty (Ordynacja art. 63).</li>
 *   <li><b>Tax</b>: 12% on the part of cumulative income up to 120,000 and 32% above (the
 *       crossing month splits), minus 300 with PIT-2, rounded to full złoty, never negative.</li>
 *   <li><b>Net</b>: gross − social − PPK − health − tax.</li>
 *   <li><b>Employer costs</b>: emerytalne 9.76% and rentowe 6.5% (capped), wypadkowe at the employer's rate
 *       ({@link EmployerSetting#POLISH_ACCIDENT_RATE}, default 1.67%), FP
 *       2.45% (only if the base reaches the minimum wage), FGŚP 0.10% (FP and FGŚP on the
 *       uncapped base), PPK 1.5%.</li>
 * </ol>
 *
 * <p>Year-to-date accumulators (grosze): {@code pl.pension_base}, {@code pl.u26_exempt},
 * {@code pl.tax_income}, {@code pl.pit}, {@code pl.health}, {@code pl.social_employee},
 * {@code pl.social_employer}.
 *
 * <p>Not covered: the art. 83 ustawy o świadczeniach reduction of health insurance to the
 * advance computed under 2021 rules (it bites only at very low monthly pay), other contract
 * types (zlecenie, dzieło), the 12-month average sick-pay base, the 33-day sick pay limit.
 */
public final class PolishPayroll extends PipelineJurisdiction<PolishPayroll.Work> {

    /** Jurisdiction code. */
    public static final String CODE = "PL";
    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    private static final List<Integer> YEARS = List.of(2025, 2026);

    public static final String YTD_PENSION_BASE = "pl.pension_base";
    public static final String YTD_U26_EXEMPT = "pl.u26_exempt";
    public static final String YTD_TAX_INCOME = "pl.tax_income";
    public static final String YTD_PIT = "pl.pit";
    public static final String YTD_HEALTH = "pl.health";
    public static final String YTD_SOCIAL_EMPLOYEE = "pl.social_employee";
    public static final String YTD_SOCIAL_EMPLOYER = "pl.social_employer";

    private final Map<Integer, PolishParameters> years = new ConcurrentHashMap<>();

    /** Polish rules with the parameter files on the class path. */
    public PolishPayroll() {
        super(steps());
        for (int y : YEARS) {
            years.put(y, PolishParameters.load(y));
        }
    }

    /** The parameters of a tax year. */
    public PolishParameters parameters(int year) {
        PolishParameters p = years.get(year);
        if (p == null) {
            throw PayrollErrorCode.UNSUPPORTED_TAX_YEAR.rule("no Polish payroll parameters for tax year " + year + " (supported: " + YEARS + ")");
        }
        return p;
    }

    /** The published line codes, {@link PolishLineCodes#ALL}. */
    @Override
    public java.util.Set<String> lineCodes() {
        return PolishLineCodes.ALL;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public CurrencyUnit currency() {
        return PLN;
    }

    @Override
    public TaxYear taxYear(LocalDate payDate) {
        parameters(payDate.getYear());
        return new TaxYear(Integer.toString(payDate.getYear()), LocalDate.of(payDate.getYear(), 1, 1),
                LocalDate.of(payDate.getYear(), 12, 31), payDate.getMonthValue());
    }

    @Override
    public void validate(Employee employee, TaxYear taxYear) {
        if (!(employee.profile() instanceof PolishTaxProfile)) {
            throw PayrollErrorCode.PROFILE_MISMATCH.invalid("profile",
                    "employee " + employee.id() + " has no Polish tax profile", employee.profile().jurisdictionCode());
        }
    }

    @Override
    protected Work newWork(CalculationContext ctx) {
        return new Work(parameters(Integer.parseInt(ctx.taxYear().label())), (PolishTaxProfile) ctx.employee().profile(), ctx.ytdBefore());
    }

    /** Mutable state of one payslip's computation (grosze). */
    static final class Work {
        final PolishParameters p;
        final PolishTaxProfile profile;
        final YtdView ytd;
        long monthlyEquivalent;
        long gross;
        long sickPay;
        long socialBase;
        long pensionBase;
        long socialEe;
        long ppkEe;
        long ppkEr;
        long health;
        long tax;

        Work(PolishParameters p, PolishTaxProfile profile, YtdView ytd) {
            this.p = p;
            this.profile = profile;
            this.ytd = ytd;
        }

        String ref(String key) {
            return p.file.ref(key);
        }
    }

    private static List<PayrollStep<Work>> steps() {
        return List.of(
                PayrollStep.of(EARNINGS, "pl.earnings", PolishPayroll::earnings),
                PayrollStep.of(GROSS, "pl.gross", PolishPayroll::gross),
                PayrollStep.of(EMPLOYEE_CONTRIBUTIONS, "pl.social.employee", PolishPayroll::employeeSocial),
                PayrollStep.of(EMPLOYEE_CONTRIBUTIONS, "pl.ppk", PolishPayroll::ppk),
                PayrollStep.of(EMPLOYEE_CONTRIBUTIONS, "pl.health", PolishPayroll::health),
                PayrollStep.of(TAX_BASE, "pl.tax_base_and_advance", PolishPayroll::taxBaseAndAdvance),
                PayrollStep.of(NET, "pl.net", PolishPayroll::net),
                PayrollStep.of(EMPLOYER_COSTS, "pl.employer", PolishPayroll::employer));
    }

    // ---- earnings ------------------------------------------------------------------------

    private static void earnings(CalculationContext ctx, Work w, PayslipSink out) {
        PolishParameters p = w.p;
        YearMonth month = ctx.period();
        long monthHours = p.fullTimeHours(month);
        boolean whole = ctx.wholePeriodUnderOneTerms();
        // Reported hours split across hourly segments by their working hours (the hourly method).
        BigDecimal[] hourlyHours = ctx.hourlyHoursBySegment(s -> Math.max(0, p.fullTimeHours(s.from(), s.to())));
        for (int i = 0; i < ctx.segments().size(); i++) {
            ContractSegment s = ctx.segments().get(i);
            long rate = s.terms().rate().getAmountMinorLong();
            if (s.terms().basis() == PayBasis.MONTHLY_SALARY) {
                if (whole) {
                    out.line(EARNINGS, PolishLineCodes.SALARY, "Wynagrodzenie zasadnicze (base salary)", EARNING, null, rate, rate, "monthly",
                            "umowa o pracę: wynagrodzenie miesięczne (Kodeks pracy art. 22 § 1, art. 29 § 1 pkt 3)", "contract terms");
                    w.gross += rate;
                } else {
                    long segHours = Math.max(0, Math.min(monthHours, p.fullTimeHours(s.from(), s.to())));
                    long pay = Minor.muldiv(rate, segHours, monthHours, HALF_UP);
                    out.line(EARNINGS, PolishLineCodes.SALARY, "Wynagrodzenie zasadnicze " + s.from() + ".." + s.to() + " (" + segHours + "/" + monthHours + " h)",
                            EARNING, null, pay, rate, segHours + "/" + monthHours + " h",
                            "rozporządzenie MPiPS z 29.05.1996 § 12 ust. 1 (część miesiąca: stawka / godziny miesiąca × godziny)",
                            p.file.ref("absence.hourlyMethod"));
                    w.gross += pay;
                }
            } else {
                BigDecimal hours = hourlyHours[i];
                long pay = Minor.round(hours.multiply(BigDecimal.valueOf(rate)), HALF_UP);
                out.line(EARNINGS, PolishLineCodes.HOURLY, "Wynagrodzenie godzinowe " + hours.toPlainString() + " h", EARNING, null, pay, rate,
                        hours.toPlainString() + " h", "umowa o pracę: stawka godzinowa × godziny przepracowane", "contract terms");
                w.gross += pay;
            }
        }
        ContractSegment last = ctx.lastSegment();
        long lastRate = last.terms().rate().getAmountMinorLong();
        BigDecimal fraction = last.terms().workingTimeFraction();
        // The monthly equivalent of the last terms: the salary, or an hourly rate times the month's hours.
        w.monthlyEquivalent = last.terms().basis() == PayBasis.MONTHLY_SALARY ? lastRate
                : Minor.round(BigDecimal.valueOf(lastRate).multiply(BigDecimal.valueOf(monthHours)).multiply(fraction), HALF_UP);
        // Overtime.
        for (Overtime o : ctx.input().overtime()) {
            BigDecimal hourly = last.terms().basis() == PayBasis.HOURLY ? BigDecimal.valueOf(lastRate)
                    : BigDecimal.valueOf(lastRate).divide(BigDecimal.valueOf(monthHours).multiply(fraction), 10, HALF_UP);
            long pay = Minor.round(o.hours().multiply(hourly).multiply(o.multiplier()), HALF_UP);
            out.line(EARNINGS, PolishLineCodes.OVERTIME, "Nadgodziny " + o.hours().toPlainString() + " h × " + o.multiplier().toPlainString(), EARNING, null,
                    pay, "Kodeks pracy art. 151¹ § 1 i § 3 (stawka godzinowa = wynagrodzenie / wymiar godzin miesiąca)",
                    "month hours " + monthHours + " × fraction " + fraction.toPlainString());
            w.gross += pay;
        }
        for (Bonus b : ctx.input().bonuses()) {
            long pay = b.amount().getAmountMinorLong();
            out.line(EARNINGS, PolishLineCodes.BONUS, b.description(), EARNING, null, pay, "premia / nagroda (przychód ze stosunku pracy, art. 12 ust. 1 ustawy o PIT)", "input");
            w.gross += pay;
        }
        if (ctx.input().unpaidLeaveDays().signum() > 0 && last.terms().basis() == PayBasis.MONTHLY_SALARY) {
            BigDecimal absentHours = ctx.input().unpaidLeaveDays().multiply(BigDecimal.valueOf(p.dailyHours)).multiply(fraction);
            BigDecimal monthFractionHours = BigDecimal.valueOf(monthHours).multiply(fraction);
            long deduction = Math.min(w.gross, Minor.round(BigDecimal.valueOf(lastRate).multiply(absentHours).divide(monthFractionHours, 10, HALF_UP), HALF_UP));
            out.line(EARNINGS, PolishLineCodes.UNPAID_LEAVE, "Urlop bezpłatny " + ctx.input().unpaidLeaveDays().toPlainString() + " dni", EARNING, null,
                    -deduction, lastRate, absentHours.stripTrailingZeros().toPlainString() + "/" + monthFractionHours.stripTrailingZeros().toPlainString() + " h",
                    "rozporządzenie MPiPS z 29.05.1996 § 12 ust. 1 (potrącenie za godziny nieprzepracowane)", p.file.ref("absence.hourlyMethod"));
            w.gross -= deduction;
        }
        int sick = ctx.input().sickDays();
        if (sick > 0) {
            long monthly = w.monthlyEquivalent;
            if (last.terms().basis() == PayBasis.MONTHLY_SALARY) {
                long deduction = Math.min(w.gross, Minor.muldiv(monthly, sick, p.sickDeductionDivisor, HALF_UP));
                out.line(EARNINGS, PolishLineCodes.SICK_DEDUCTION, "Potrącenie za chorobę " + sick + " dni", EARNING, null, -deduction, monthly,
                        sick + "/" + p.sickDeductionDivisor, "rozporządzenie MPiPS z 29.05.1996 § 11 ust. 1 (1/30 za dzień choroby)",
                        p.file.ref("absence.sickDeductionDivisor"));
                w.gross -= deduction;
            }
            long employeeSocialPpm = p.pensionEe + p.disabilityEe + p.sicknessEe;
            long base = monthly - Minor.rate(monthly, employeeSocialPpm, HALF_UP);
            long daily100 = Minor.div(base, p.sickDailyDivisor, HALF_UP);
            long daily = Minor.rate(daily100, p.sickPayPpm, HALF_UP);
            long pay = daily * sick;
            out.line(EARNINGS, PolishLineCodes.SICK_PAY, "Wynagrodzenie chorobowe 80% × " + sick + " dni", EARNING, null, pay, base,
                    Minor.percent(p.sickPayPpm) + " × 1/" + p.sickDailyDivisor + " × " + sick,
                    "Kodeks pracy art. 92 § 1 pkt 1 i § 2; podstawa pomniejszona o " + Minor.percent(employeeSocialPpm)
                            + " (ustawa zasiłkowa art. 3 pkt 4, art. 37)", p.file.ref("sick.payPercent"));
            w.gross += pay;
            w.sickPay = pay;
        }
    }

    // ---- gross ---------------------------------------------------------------------------------

    private static void gross(CalculationContext ctx, Work w, PayslipSink out) {
        w.socialBase = Math.max(0, w.gross - w.sickPay);
        if (w.socialBase == w.gross) {
            return; // the base is the gross pay: nothing to explain
        }
        out.line(GROSS, PolishLineCodes.SOCIAL_BASE, "Podstawa składek społecznych (social insurance base)", INFO, null, w.socialBase,
                "ustawa o s.u.s. art. 18 ust. 1 (przychód ze stosunku pracy; bez wynagrodzenia chorobowego, § 2 ust. 1 pkt 15 rozp. MPiPS z 18.12.1998)",
                "gross - sick pay");
    }

    // ---- employee contributions ----------------------------------------------------------------

    private static void employeeSocial(CalculationContext ctx, Work w, PayslipSink out) {
        PolishParameters p = w.p;
        long used = w.ytd.get(YTD_PENSION_BASE);
        long remaining = Math.max(0, p.annualCap - used);
        w.pensionBase = Math.min(w.socialBase, remaining);
        if (w.pensionBase < w.socialBase) {
            out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.PENSION_BASE_CAPPED, "Podstawa emerytalno-rentowa ograniczona do 30-krotności", INFO, null,
                    w.pensionBase, "ustawa o s.u.s. art. 19 ust. 1 (roczna podstawa do 30-krotności; wykorzystano " + used + " gr)",
                    p.file.ref("social.annualCap"));
        }
        out.ytd(YTD_PENSION_BASE, w.pensionBase);
        long pension = Minor.rate(w.pensionBase, p.pensionEe, HALF_UP);
        long disability = Minor.rate(w.pensionBase, p.disabilityEe, HALF_UP);
        long sickness = Minor.rate(w.socialBase, p.sicknessEe, HALF_UP);
        out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.PENSION_EMPLOYEE, "Ubezpieczenie emerytalne (pracownik)", DEDUCTION, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                pension, w.pensionBase, Minor.percent(p.pensionEe), "ustawa o s.u.s. art. 22 ust. 1 pkt 1, art. 16 ust. 1", w.ref("social.pension.employeeRate"));
        out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.DISABILITY_EMPLOYEE, "Ubezpieczenie rentowe (pracownik)", DEDUCTION, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                disability, w.pensionBase, Minor.percent(p.disabilityEe), "ustawa o s.u.s. art. 22 ust. 1 pkt 2, art. 16 ust. 1b",
                w.ref("social.disability.employeeRate"));
        out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.SICKNESS_EMPLOYEE, "Ubezpieczenie chorobowe (pracownik)", DEDUCTION, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                sickness, w.socialBase, Minor.percent(p.sicknessEe), "ustawa o s.u.s. art. 22 ust. 1 pkt 3, art. 16 ust. 2",
                w.ref("social.sickness.employeeRate"));
        w.socialEe = pension + disability + sickness;
        out.ytd(YTD_SOCIAL_EMPLOYEE, w.socialEe);
    }

    private static void ppk(CalculationContext ctx, Work w, PayslipSink out) {
        if (!w.profile.ppkEnrolled()) {
            return;
        }
        long ee = w.p.file.ppmOf(w.profile.ppkEmployeeRate(), "ppkEmployeeRate");
        long er = w.p.file.ppmOf(w.profile.ppkEmployerRate(), "ppkEmployerRate");
        w.ppkEe = Minor.rate(w.socialBase, ee, HALF_UP);
        w.ppkEr = Minor.rate(w.socialBase, er, HALF_UP);
        out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.PPK_EMPLOYEE, "PPK wpłata pracownika", DEDUCTION, JournalRole.PENSION_PAYABLE, w.ppkEe,
                w.socialBase, Minor.percent(ee), "ustawa o PPK art. 27 ust. 1 (podstawa: art. 2 ust. 1 pkt 40)", w.ref("ppk.employeeRateBasic"));
    }

    private static void health(CalculationContext ctx, Work w, PayslipSink out) {
        long base = Math.max(0, w.gross - w.socialEe);
        w.health = Minor.rate(base, w.p.health, HALF_UP);
        out.line(EMPLOYEE_CONTRIBUTIONS, PolishLineCodes.HEALTH, "Ubezpieczenie zdrowotne", DEDUCTION, JournalRole.HEALTH_INSURANCE_PAYABLE, w.health, base,
                Minor.percent(w.p.health), "ustawa o świadczeniach opieki zdrowotnej art. 79 ust. 1, art. 81 ust. 1 i 6 (nieodliczana od podatku od 2022)",
                w.ref("health.rate"));
        out.ytd(YTD_HEALTH, w.health);
    }

    // ---- tax base and advance ------------------------------------------------------------------

    private static void taxBaseAndAdvance(CalculationContext ctx, Work w, PayslipSink out) {
        PolishParameters p = w.p;
        long revenue = w.gross + w.ppkEr;
        if (w.ppkEr > 0) {
            out.line(TAX_BASE, PolishLineCodes.REVENUE, "Przychód (revenue)", INFO, null, revenue,
                "ustawa o PIT art. 12 ust. 1 (wynagrodzenie" + (w.ppkEr > 0 ? " + wpłata PPK pracodawcy" : "") + ")",
                "gross + employer PPK");
        }
        long exempt = 0;
        LocalDate turns26 = ctx.employee().birthDate().plusYears(26);
        if (!w.profile.under26ReliefWaived() && !ctx.payDate().isAfter(turns26)) {
            long used = w.ytd.get(YTD_U26_EXEMPT);
            exempt = Math.min(revenue, Math.max(0, p.u26Limit - used));
            if (exempt > 0) {
                out.line(TAX_BASE, PolishLineCodes.U26_EXEMPT, "Przychód zwolniony (ulga dla młodych)", INFO, null, exempt,
                        "ustawa o PIT art. 21 ust. 1 pkt 148 (do dnia ukończenia 26 lat; wykorzystano " + used + " gr)", w.ref("u26.limit"));
                out.ytd(YTD_U26_EXEMPT, exempt);
            }
        }
        long taxableRevenue = revenue - exempt;
        long deductibleSocial = exempt == 0 ? w.socialEe
                : (revenue == 0 ? 0 : Minor.muldiv(w.socialEe, taxableRevenue, revenue, HALF_UP));
        long kup = taxableRevenue > 0 ? (w.profile.elevatedCosts() ? p.kupElevated : p.kupBasic) : 0;
        long income = Math.max(0, taxableRevenue - deductibleSocial - kup);
        long base = Minor.toUnit(income, 100, HALF_UP);
        if (taxableRevenue > 0 && exempt > 0) {
            out.line(TAX_BASE, PolishLineCodes.DEDUCTIBLE_SOCIAL, "Składki społeczne odliczane", INFO, null, deductibleSocial,
                    "ustawa o PIT art. 26 ust. 1 pkt 2 lit. b" + (exempt > 0 ? " (w proporcji do przychodu opodatkowanego)" : ""),
                    "employee social contributions × taxable revenue / revenue");
        }
        if (taxableRevenue > 0) {
            out.line(TAX_BASE, PolishLineCodes.COSTS, "Koszty uzyskania przychodu", INFO, null, kup, "ustawa o PIT art. 22 ust. 2 pkt " + (w.profile.elevatedCosts() ? "2" : "1"),
                    w.ref(w.profile.elevatedCosts() ? "kup.elevated" : "kup.basic"));
        }
        out.line(TAX_BASE, PolishLineCodes.TAX_BASE, "Podstawa opodatkowania (zaokrąglona)", INFO, null, base,
                "Ordynacja podatkowa art. 63 § 1 (do pełnych złotych)", w.ref("rounding.taxBase"));
        long before = w.ytd.get(YTD_TAX_INCOME);
        out.ytd(YTD_TAX_INCOME, income);
        long tax = 0;
        if (taxableRevenue > 0) {
            long excessIncome = Math.max(0, Math.min(income, before + income - p.pitThreshold));
            long excess = Math.min(base, Minor.toUnit(excessIncome, 100, HALF_UP));
            long below = base - excess;
            long gross = Minor.rate(below, p.pitRate1, HALF_UP) + Minor.rate(excess, p.pitRate2, HALF_UP);
            long reduction = w.profile.pit2Filed() ? p.monthlyReduction : 0;
            tax = Math.max(0, Minor.toUnit(gross - reduction, 100, HALF_UP));
            String how = excess == 0 ? (reduction > 0 ? p.howRate1Reduced : p.howRate1)
                    : below == 0 ? (reduction > 0 ? p.howRate2Reduced : p.howRate2)
                    : (reduction > 0 ? p.howSplitReduced : p.howSplit);
            out.line(TAX, PolishLineCodes.PIT, excess > 0 && below > 0 ? "Zaliczka na podatek dochodowy (przekroczenie progu: " + excess / 100 + " zł po 32%)"
                            : "Zaliczka na podatek dochodowy", DEDUCTION, JournalRole.TAX_PAYABLE, tax, base, how,
                    "ustawa o PIT art. 27 ust. 1, art. 32 ust. 1, 1a i 3; Ordynacja podatkowa art. 63 § 1a",
                    excess > 0 ? p.refPit2 : p.refPit1);
        } else {
            out.line(TAX, PolishLineCodes.PIT, "Zaliczka na podatek dochodowy", DEDUCTION, JournalRole.TAX_PAYABLE, 0,
                    "ustawa o PIT art. 21 ust. 1 pkt 148 (przychód zwolniony)", w.ref("u26.limit"));
        }
        w.tax = tax;
        out.ytd(YTD_PIT, tax);
    }

    // ---- net -----------------------------------------------------------------------------------

    private static void net(CalculationContext ctx, Work w, PayslipSink out) {
        long net = w.gross - w.socialEe - w.ppkEe - w.health - w.tax;
        out.line(NET, PolishLineCodes.NET, "Do wypłaty (net pay)", INFO, null, net, "brutto - składki społeczne - PPK - zdrowotna - zaliczka PIT",
                "gross " + w.gross);
    }

    // ---- employer ------------------------------------------------------------------------------

    private static void employer(CalculationContext ctx, Work w, PayslipSink out) {
        PolishParameters p = w.p;
        long pension = Minor.rate(w.pensionBase, p.pensionEr, HALF_UP);
        long disability = Minor.rate(w.pensionBase, p.disabilityEr, HALF_UP);
        // The employer's own rate (ZUS, per contribution year) when set for the pay date, else the default.
        java.util.Optional<EmployerSetting> own = ctx.settings().inForce(EmployerSetting.POLISH_ACCIDENT_RATE, ctx.payDate());
        long accidentPpm = own.isPresent() ? p.file.ppmOf(own.get().value(), EmployerSetting.POLISH_ACCIDENT_RATE) : p.accidentEr;
        String accidentRule = own.isPresent()
                ? "ustawa wypadkowa art. 28 (stopa płatnika na rok składkowy, ustalona przez ZUS lub płatnika)"
                : "ustawa wypadkowa art. 28 ust. 3a (stopa domyślna)";
        String accidentParam = own.isPresent() ? own.get().describe() : w.ref("social.accident.employerRate");
        long accident = Minor.rate(w.socialBase, accidentPpm, HALF_UP);
        out.line(EMPLOYER_COSTS, PolishLineCodes.PENSION_EMPLOYER, "Ubezpieczenie emerytalne (pracodawca)", EMPLOYER, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                pension, w.pensionBase, Minor.percent(p.pensionEr), "ustawa o s.u.s. art. 22 ust. 1 pkt 1, art. 16 ust. 1", w.ref("social.pension.employerRate"));
        out.line(EMPLOYER_COSTS, PolishLineCodes.DISABILITY_EMPLOYER, "Ubezpieczenie rentowe (pracodawca)", EMPLOYER, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                disability, w.pensionBase, Minor.percent(p.disabilityEr), "ustawa o s.u.s. art. 22 ust. 1 pkt 2, art. 16 ust. 1b",
                w.ref("social.disability.employerRate"));
        out.line(EMPLOYER_COSTS, PolishLineCodes.ACCIDENT_EMPLOYER, "Ubezpieczenie wypadkowe (pracodawca)", EMPLOYER, JournalRole.SOCIAL_INSURANCE_PAYABLE,
                accident, w.socialBase, Minor.percent(accidentPpm), accidentRule, accidentParam);
        long social = pension + disability + accident;
        if (!w.profile.labourFundsExempt()) {
            boolean fpDue = w.socialBase >= p.minimumWage;
            long fp = fpDue ? Minor.rate(w.socialBase, p.labourFund, HALF_UP) : 0;
            long fgsp = Minor.rate(w.socialBase, p.guaranteeFund, HALF_UP);
            out.line(EMPLOYER_COSTS, PolishLineCodes.FP, fpDue ? "Fundusz Pracy" : "Fundusz Pracy (podstawa poniżej minimalnego wynagrodzenia)", EMPLOYER,
                    JournalRole.LABOUR_FUNDS_PAYABLE, fp, w.socialBase, Minor.percent(p.labourFund),
                    "ustawa o rynku pracy i służbach zatrudnienia (dawniej art. 104 ustawy o promocji zatrudnienia)",
                    p.refFp);
            out.line(EMPLOYER_COSTS, PolishLineCodes.FGSP, "Fundusz Gwarantowanych Świadczeń Pracowniczych", EMPLOYER, JournalRole.LABOUR_FUNDS_PAYABLE, fgsp,
                    w.socialBase, Minor.percent(p.guaranteeFund), "ustawa o ochronie roszczeń pracowniczych art. 29", w.ref("guaranteeFund.rate"));
        }
        if (w.profile.ppkEnrolled()) {
            long er = w.p.file.ppmOf(w.profile.ppkEmployerRate(), "ppkEmployerRate");
            out.line(EMPLOYER_COSTS, PolishLineCodes.PPK_EMPLOYER, "PPK wpłata pracodawcy", EMPLOYER, JournalRole.PENSION_PAYABLE, w.ppkEr, w.socialBase,
                    Minor.percent(er), "ustawa o PPK art. 26 ust. 1", w.ref("ppk.employerRateBasic"));
        }
        out.ytd(YTD_SOCIAL_EMPLOYER, social);
    }

    /** Rounds to full złoty as Ordynacja podatkowa art. 63 § 1 demands (exposed for tests). */
    public static long roundToZloty(long grosze) {
        return Minor.toUnit(grosze, 100, RoundingMode.HALF_UP);
    }
}
