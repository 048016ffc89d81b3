package dev.backoffice.payroll.uk;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.PayBasis;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.Bonus;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import static java.math.RoundingMode.DOWN;
import static java.math.RoundingMode.FLOOR;
import static java.math.RoundingMode.HALF_DOWN;
import static java.math.RoundingMode.HALF_UP;

/**
 * UK PAYE for monthly-paid employees, tax year 2025/26, following HMRC's PAYE specification.
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li><b>Earnings</b>: salary, a part month paid by calendar days ({@code salary × days
 *       employed / days in month}); hourly pay; overtime at {@code salary × 12 / 52 / weekly
 *       hours × multiplier}; bonuses; unpaid leave deducting {@code salary × 12 / 260} a day;
 *       sick days deducted the same way and paid Statutory Sick Pay after 3 waiting days at
 *       £118.75 / 5 a day (company sick pay is not modelled).</li>
 *   <li><b>Gross</b>: pay for tax and NI (no salary sacrifice modelled).</li>
 *   <li><b>Employee contributions</b>: Class 1 primary NI by category letter on the period's
 *       earnings (non-cumulative), exact percentage method, rounded to the penny with a
 *       halfpenny or less disregarded.</li>
 *   <li><b>Tax base</b>: tax month from the pay date (month 1 = 6 April to 5 May); free pay or
 *       additional pay to date from the code number; taxable pay to date rounded down to the pound.
 *       Week 1/month 1 codes use month 1 figures on this period's pay alone.</li>
 *   <li><b>Tax</b>: tax due to date on the region's bands pro-rated to the month, less tax paid
 *       to date (refunds allowed on cumulative codes), capped at 50% of the period's pay (the
 *       regulatory limit; the rest is carried forward by the cumulative basis).</li>
 *   <li><b>Net</b>: student loan and postgraduate loan deductions on NI earnings over the monthly
 *       threshold, rounded down to the pound; net pay.</li>
 *   <li><b>Employer costs</b>: Class 1 secondary NI.</li>
 * </ol>
 *
 * <p>Year-to-date accumulators (pence): {@code uk.taxable_pay}, {@code uk.tax},
 * {@code uk.ni_employee}, {@code uk.ni_employer}, {@code uk.ni_earnings}, {@code uk.student_loan}.
 */
public final class UkPayroll extends PipelineJurisdiction<UkPayroll.Work> {

    /** Jurisdiction code (ISO 3166 for the United Kingdom). */
    public static final String CODE = "GB";
    private static final CurrencyUnit GBP = CurrencyUnit.of("GBP");
    private static final List<Integer> YEARS = List.of(2025);

    public static final String YTD_TAXABLE_PAY = "uk.taxable_pay";
    public static final String YTD_TAX = "uk.tax";
    public static final String YTD_NI_EMPLOYEE = "uk.ni_employee";
    public static final String YTD_NI_EMPLOYER = "uk.ni_employer";
    public static final String YTD_NI_EARNINGS = "uk.ni_earnings";
    public static final String YTD_STUDENT_LOAN = "uk.student_loan";

    private final Map<Integer, UkParameters> years = new ConcurrentHashMap<>();
    private static final Map<String, UkTaxCode> CODES = new ConcurrentHashMap<>();
    private static final String[] CUMULATIVE = {"rUK bands × n/12, less tax paid to date", "Scottish bands × n/12, less tax paid to date",
        "Welsh bands × n/12, less tax paid to date"};
    private static final String[] MONTH1 = {"rUK bands × 1/12 (month 1 basis)", "Scottish bands × 1/12 (month 1 basis)",
        "Welsh bands × 1/12 (month 1 basis)"};

    private static UkTaxCode code(String text) {
        UkTaxCode c = CODES.get(text);
        if (c == null) {
            c = UkTaxCode.parse(text);
            if (CODES.size() < 10_000) {
                CODES.put(text, c);
            }
        }
        return c;
    }

    /** UK rules with the parameter files on the class path. */
    public UkPayroll() {
        super(steps());
        for (int y : YEARS) {
            years.put(y, UkParameters.load(label(y, "-")));
        }
    }

    private static String label(int startYear, String sep) {
        return startYear + sep + String.format("%02d", (startYear + 1) % 100);
    }

    /** The parameters of the tax year starting on 6 April of {@code startYear}. */
    public UkParameters parameters(int startYear) {
        UkParameters p = years.get(startYear);
        if (p == null) {
            throw PayrollErrorCode.UNSUPPORTED_TAX_YEAR.rule("no UK PAYE parameters for tax year " + label(startYear, "/") + " (supported: 2025/26)");
        }
        return p;
    }

    /** The published line codes, {@link UkLineCodes#ALL}. */
    @Override
    public java.util.Set<String> lineCodes() {
        return UkLineCodes.ALL;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public CurrencyUnit currency() {
        return GBP;
    }

    @Override
    public TaxYear taxYear(LocalDate payDate) {
        int start = payDate.isBefore(LocalDate.of(payDate.getYear(), 4, 6)) ? payDate.getYear() - 1 : payDate.getYear();
        parameters(start);
        LocalDate first = LocalDate.of(start, 4, 6);
        int months = (int) ChronoUnit.MONTHS.between(first, payDate) + 1;
        return new TaxYear(label(start, "/"), first, LocalDate.of(start + 1, 4, 5), months);
    }

    @Override
    public void validate(Employee employee, TaxYear taxYear) {
        if (!(employee.profile() instanceof UkTaxProfile profile)) {
            throw PayrollErrorCode.PROFILE_MISMATCH.invalid("profile",
                    "employee " + employee.id() + " has no UK tax profile", employee.profile().jurisdictionCode());
        }
        code(profile.taxCode());
        UkParameters p = parameters(taxYear.start().getYear());
        if (!p.niCategories.containsKey(profile.niCategory())) {
            throw PayrollErrorCode.UNKNOWN_NI_CATEGORY.invalid("niCategory",
                    "has no rates in " + taxYear.label() + " (known: " + new java.util.TreeSet<>(p.niCategories.keySet()) + ")", profile.niCategory());
        }
        for (StudentLoanPlan plan : profile.studentLoans()) {
            if (!p.slThreshold.containsKey(plan)) {
                throw PayrollErrorCode.UNSUPPORTED_STUDENT_LOAN.invalid("studentLoans",
                        "is not collected through PAYE in " + taxYear.label(), plan);
            }
        }
    }

    @Override
    protected Work newWork(CalculationContext ctx) {
        UkTaxProfile profile = (UkTaxProfile) ctx.employee().profile();
        return new Work(parameters(ctx.taxYear().start().getYear()), profile, code(profile.taxCode()), ctx.ytdBefore());
    }

    /** Mutable state of one payslip's computation (pence). */
    static final class Work {
        final UkParameters p;
        final UkTaxProfile profile;
        final UkTaxCode code;
        final YtdView ytd;
        long gross;
        long niEmployee;
        long taxablePounds;
        int n;
        long tax;
        long loans;

        Work(UkParameters p, UkTaxProfile profile, UkTaxCode code, YtdView ytd) {
            this.p = p;
            this.profile = profile;
            this.code = code;
            this.ytd = ytd;
        }

        String ref(String key) {
            return p.file.ref(key);
        }
    }

    private static List<PayrollStep<Work>> steps() {
        return List.of(
                PayrollStep.of(EARNINGS, "uk.earnings", UkPayroll::earnings),
                PayrollStep.of(GROSS, "uk.gross", UkPayroll::gross),
                PayrollStep.of(EMPLOYEE_CONTRIBUTIONS, "uk.ni.employee", UkPayroll::niEmployee),
                PayrollStep.of(TAX_BASE, "uk.taxable_pay", UkPayroll::taxablePay),
                PayrollStep.of(TAX, "uk.paye", UkPayroll::paye),
                PayrollStep.of(NET, "uk.student_loans", UkPayroll::studentLoans),
                PayrollStep.of(NET, "uk.net", UkPayroll::net),
                PayrollStep.of(EMPLOYER_COSTS, "uk.ni.employer", UkPayroll::niEmployer));
    }

    // ---- earnings ------------------------------------------------------------------------------

    private static void earnings(CalculationContext ctx, Work w, PayslipSink out) {
        int daysInMonth = ctx.period().lengthOfMonth();
        boolean whole = ctx.wholePeriodUnderOneTerms();
        // Reported hours split across hourly segments by calendar days.
        BigDecimal[] hourlyHours = ctx.hourlyHoursBySegment(UkPayroll::days);
        for (int i = 0; i < ctx.segments().size(); i++) {
            ContractSegment s = ctx.segments().get(i);
            long rate = s.terms().rate().getAmountMinorLong();
            if (s.terms().basis() == PayBasis.MONTHLY_SALARY) {
                if (whole) {
                    out.line(EARNINGS, UkLineCodes.SALARY, "Salary", EARNING, null, rate, rate, "monthly", "contract: monthly salary", "contract terms");
                    w.gross += rate;
                } else {
                    long d = days(s);
                    long pay = Minor.muldiv(rate, d, daysInMonth, HALF_UP);
                    out.line(EARNINGS, UkLineCodes.SALARY, "Salary " + s.from() + ".." + s.to() + " (" + d + "/" + daysInMonth + " days)", EARNING, null,
                            pay, rate, d + "/" + daysInMonth + " days", "part month by calendar days (Apportionment Act 1870 s.2)",
                            w.ref("proration.method"));
                    w.gross += pay;
                }
            } else {
                BigDecimal hours = hourlyHours[i];
                long pay = Minor.round(hours.multiply(BigDecimal.valueOf(rate)), HALF_UP);
                out.line(EARNINGS, UkLineCodes.HOURLY, "Hourly pay " + hours.toPlainString() + " h", EARNING, null, pay, rate, hours.toPlainString() + " h",
                        "contract: hourly rate × hours worked", "contract terms");
                w.gross += pay;
            }
        }
        ContractSegment last = ctx.lastSegment();
        long lastRate = last.terms().rate().getAmountMinorLong();
        boolean salaried = last.terms().basis() == PayBasis.MONTHLY_SALARY;
        for (Overtime o : ctx.input().overtime()) {
            BigDecimal hourly = salaried
                    ? BigDecimal.valueOf(lastRate).multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(52).multiply(last.terms().weeklyHours()), 10, HALF_UP)
                    : BigDecimal.valueOf(lastRate);
            long pay = Minor.round(o.hours().multiply(hourly).multiply(o.multiplier()), HALF_UP);
            out.line(EARNINGS, UkLineCodes.OVERTIME, "Overtime " + o.hours().toPlainString() + " h × " + o.multiplier().toPlainString(), EARNING, null, pay,
                    "contract: overtime at " + (salaried ? "salary × 12 / 52 / weekly hours" : "hourly rate") + " × multiplier",
                    "weekly hours " + last.terms().weeklyHours().toPlainString());
            w.gross += pay;
        }
        for (Bonus b : ctx.input().bonuses()) {
            long pay = b.amount().getAmountMinorLong();
            out.line(EARNINGS, UkLineCodes.BONUS, b.description(), EARNING, null, pay, "bonus (earnings, ITEPA 2003 s.62)", "input");
            w.gross += pay;
        }
        UkParameters p = w.p;
        BigDecimal unpaid = ctx.input().unpaidLeaveDays();
        if (unpaid.signum() > 0 && salaried) {
            long deduction = Math.min(w.gross, Minor.round(BigDecimal.valueOf(lastRate * 12).multiply(unpaid).divide(BigDecimal.valueOf(p.absenceDivisor), 10, HALF_UP), HALF_UP));
            out.line(EARNINGS, UkLineCodes.UNPAID_LEAVE, "Unpaid leave " + unpaid.toPlainString() + " days", EARNING, null, -deduction, lastRate,
                    "× 12 / " + p.absenceDivisor + " × " + unpaid.toPlainString(), "contract: unpaid leave at annual salary / 260 a day",
                    w.ref("absence.dailyDivisor"));
            w.gross -= deduction;
        }
        int sick = ctx.input().sickDays();
        if (sick > 0) {
            if (salaried) {
                long deduction = Math.min(w.gross, Minor.muldiv(lastRate * 12, sick, p.absenceDivisor, HALF_UP));
                out.line(EARNINGS, UkLineCodes.SICK_DEDUCTION, "Sickness absence " + sick + " days", EARNING, null, -deduction, lastRate,
                        "× 12 / " + p.absenceDivisor + " × " + sick, "contract: no company sick pay; absence at annual salary / 260 a day",
                        w.ref("absence.dailyDivisor"));
                w.gross -= deduction;
            }
            int paidDays = Math.max(0, sick - p.sspWaitingDays);
            long ssp = Minor.muldiv(p.sspWeekly, paidDays, p.sspDaysPerWeek, HALF_UP);
            out.line(EARNINGS, UkLineCodes.SSP, "Statutory Sick Pay " + paidDays + " days", EARNING, null, ssp, p.sspWeekly,
                    paidDays + "/" + p.sspDaysPerWeek + " weeks", "SSCBA 1992 ss.155, 157; 3 waiting days",
                    w.ref("ssp.weeklyRate") + "; " + w.ref("ssp.waitingDays"));
            w.gross += ssp;
        }
    }

    private static long days(ContractSegment s) {
        return ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
    }

    private static void gross(CalculationContext ctx, Work w, PayslipSink out) {
        out.ytd(YTD_TAXABLE_PAY, w.gross);
        out.ytd(YTD_NI_EARNINGS, w.gross);
        out.line(GROSS, UkLineCodes.GROSS_FOR_TAX, "Gross pay for tax and NI", INFO, null, w.gross, "ITEPA 2003 s.62; SSCBA 1992 s.3", "period earnings");
    }

    // ---- NI ------------------------------------------------------------------------------------

    private static long ni(List<UkParameters.NiBand> bands, long earnings) {
        long sum = 0; // in 1/100 pence (4 decimal places of a pound), each band truncated
        for (UkParameters.NiBand b : bands) {
            long top = Math.min(earnings, b.toPence());
            if (top <= b.fromPence()) {
                continue;
            }
            sum += Minor.muldiv(top - b.fromPence(), b.ratePpm(), 10_000, DOWN);
        }
        return Minor.div(sum, 100, HALF_DOWN);
    }

    static String describe(List<UkParameters.NiBand> bands) {
        StringBuilder sb = new StringBuilder();
        for (UkParameters.NiBand b : bands) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(Minor.percent(b.ratePpm())).append(" ").append(b.from()).append("..").append(b.to() == null ? "" : b.to());
        }
        return sb.length() == 0 ? "nil" : sb.toString();
    }

    private static void niEmployee(CalculationContext ctx, Work w, PayslipSink out) {
        UkParameters.NiCategory cat = w.p.niCategories.get(w.profile.niCategory());
        w.niEmployee = ni(cat.employee(), w.gross);
        out.line(EMPLOYEE_CONTRIBUTIONS, UkLineCodes.NI_EMPLOYEE, cat.employeeLabel(), DEDUCTION,
                JournalRole.SOCIAL_INSURANCE_PAYABLE, w.niEmployee, w.gross, cat.employeeText(),
                "SSCBA 1992 s.8 (primary Class 1); SS(C)R 2001 reg. 12(1) rounding", cat.employeeRef());
        out.ytd(YTD_NI_EMPLOYEE, w.niEmployee);
    }

    private static void niEmployer(CalculationContext ctx, Work w, PayslipSink out) {
        UkParameters.NiCategory cat = w.p.niCategories.get(w.profile.niCategory());
        long er = ni(cat.employer(), w.gross);
        out.line(EMPLOYER_COSTS, UkLineCodes.NI_EMPLOYER, cat.employerLabel(), EMPLOYER,
                JournalRole.SOCIAL_INSURANCE_PAYABLE, er, w.gross, cat.employerText(), "SSCBA 1992 s.9 (secondary Class 1)", cat.employerRef());
        out.ytd(YTD_NI_EMPLOYER, er);
    }

    // ---- PAYE ----------------------------------------------------------------------------------

    private static void taxablePay(CalculationContext ctx, Work w, PayslipSink out) {
        UkTaxCode code = w.code;
        w.n = code.nonCumulative() ? 1 : ctx.taxYear().period();
        long payToDate = code.nonCumulative() ? w.gross : w.ytd.get(YTD_TAXABLE_PAY) + w.gross;
        switch (code.kind()) {
            case ALLOWANCE -> {
                long adjustment = UkPaye.monthlyPayAdjustment(code.number()) * w.n;
                out.line(TAX_BASE, UkLineCodes.FREE_PAY, code.nonCumulative() ? "Free pay (month 1 basis)" : "Free pay to date", INFO, null, adjustment,
                        payToDate, code.text(), "PAYE specification: pay adjustment for suffix codes", w.ref("tax.codeUnit"));
                w.taxablePounds = UkPaye.poundsDown(Math.max(0, payToDate - adjustment));
            }
            case K -> {
                long adjustment = UkPaye.monthlyPayAdjustment(code.number()) * w.n;
                out.line(TAX_BASE, UkLineCodes.ADDITIONAL_PAY, code.nonCumulative() ? "Additional pay (month 1 basis)" : "Additional pay to date", INFO, null,
                        adjustment, payToDate, code.text(), "PAYE specification: pay adjustment for K codes", w.ref("tax.codeUnit"));
                w.taxablePounds = UkPaye.poundsDown(payToDate + adjustment);
            }
            case FLAT, NT -> w.taxablePounds = UkPaye.poundsDown(Math.max(0, payToDate));
        }
        out.line(TAX_BASE, UkLineCodes.TAXABLE_PAY_TO_DATE, "Taxable pay to date (rounded down to £)", INFO, null, w.taxablePounds * 100,
                "PAYE specification: taxable pay to date rounded down to the pound", w.ref("tax.rounding"));
    }

    private static void paye(CalculationContext ctx, Work w, PayslipSink out) {
        UkTaxCode code = w.code;
        if (code.kind() == UkTaxCode.Kind.NT) {
            out.line(TAX, UkLineCodes.PAYE, "Income tax (NT: no tax)", DEDUCTION, JournalRole.TAX_PAYABLE, 0, "PAYE manual PAYE11010: code NT", "code NT");
            w.tax = 0;
            return;
        }
        long due;
        String how;
        String param;
        if (code.kind() == UkTaxCode.Kind.FLAT) {
            long bp = w.p.flatRateBp.get(code.flatCode());
            due = UkPaye.taxDueToDate(w.taxablePounds, 1, 1, new long[]{Long.MAX_VALUE}, new long[]{bp});
            how = code.flatCode() + " " + Minor.percent(bp * 100);
            param = w.ref("tax.flatRates");
        } else {
            UkParameters.Bands bands = w.p.bands(code.region());
            due = UkPaye.taxDueToDate(w.taxablePounds, w.n, 12, bands.upToPounds(), bands.rateBp());
            how = code.nonCumulative() ? MONTH1[code.region().ordinal()] : CUMULATIVE[code.region().ordinal()];
            param = w.ref(bands.key());
        }
        long paid = code.nonCumulative() ? 0 : w.ytd.get(YTD_TAX);
        long tax = due - paid;
        out.line(TAX_BASE, UkLineCodes.TAX_DUE_TO_DATE, "Tax due to date", INFO, null, due, "PAYE specification: tax due to date rounded down to the penny", param);
        if (tax > 0) {
            long limit = Minor.rate(w.gross, w.p.regulatoryLimitPpm, FLOOR);
            if (tax > limit) {
                out.line(TAX, UkLineCodes.REGULATORY_LIMIT, "Tax held back by the 50% regulatory limit (carried forward)", INFO, null, tax - limit,
                        "PAYE Regulations 2003 reg. 62(5)", w.ref("tax.regulatoryLimit"));
                tax = limit;
            }
        }
        w.tax = tax;
        out.line(TAX, UkLineCodes.PAYE, tax < 0 ? "Income tax refund" : "Income tax (PAYE)", DEDUCTION, JournalRole.TAX_PAYABLE, tax,
                w.taxablePounds * 100, how,
                "ITEPA 2003 Part 11; Income Tax (PAYE) Regulations 2003 reg. 21 (cumulative) / reg. 23 (non-cumulative)", param);
        out.ytd(YTD_TAX, tax);
    }

    // ---- net -----------------------------------------------------------------------------------

    private static void studentLoans(CalculationContext ctx, Work w, PayslipSink out) {
        for (StudentLoanPlan plan : w.profile.studentLoans().stream().sorted().toList()) {
            long threshold = w.p.slThreshold.get(plan);
            long rate = plan == StudentLoanPlan.POSTGRADUATE ? w.p.pglRatePpm : w.p.slRatePpm;
            long over = Math.max(0, w.gross - threshold);
            long deduction = Minor.muldiv(over, rate, Minor.PPM * 100, FLOOR) * 100;
            String code = plan == StudentLoanPlan.POSTGRADUATE ? UkLineCodes.POSTGRADUATE_LOAN : UkLineCodes.STUDENT_LOAN;
            out.line(NET, code, (plan == StudentLoanPlan.POSTGRADUATE ? "Postgraduate loan" : "Student loan " + plan.name().replace('_', ' ').toLowerCase()),
                    DEDUCTION, JournalRole.STUDENT_LOAN_PAYABLE, deduction, over, Minor.percent(rate) + " over " + threshold / 100.0,
                    "Education (Student Loans) (Repayment) Regulations 2009 Part 4; rounded down to the pound",
                    w.ref("sl.monthly." + plan.name()) + "; " + w.ref(plan == StudentLoanPlan.POSTGRADUATE ? "sl.rate.POSTGRADUATE" : "sl.rate"));
            w.loans += deduction;
            out.ytd(YTD_STUDENT_LOAN, deduction);
        }
    }

    private static void net(CalculationContext ctx, Work w, PayslipSink out) {
        out.line(NET, UkLineCodes.NET, "Net pay", INFO, null, w.gross - w.niEmployee - w.tax - w.loans, "gross - NI - tax - loans", "totals");
    }
}
