import { addDays, lastDayOfMonth, mondayOfIsoWeek, weeksInIsoYear } from './dates';
import { addWorkingDays, onWorkingDay } from './working-days';

export interface PaymentPeriod {
  period: string;
  periodStart: string;
  periodEnd: string;
  cutOffDate: string;
  invoiceDate: string;
  paymentDate: string;
}

/**
 * Hours approved by the third working day after a period are invoiced two working days later
 * and paid thirty days after the invoice (the usual term for a government client).
 */
function datesAfter(periodEnd: string) {
  const cutOffDate = addWorkingDays(periodEnd, 3);
  const invoiceDate = addWorkingDays(cutOffDate, 2);

  return { cutOffDate, invoiceDate, paymentDate: onWorkingDay(addDays(invoiceDate, 30)) };
}

/** Twelve calendar months: "2026-01" … "2026-12". */
export function monthlyPeriods(year: number): PaymentPeriod[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, '0');
    const periodEnd = lastDayOfMonth(year, index + 1);

    return {
      period: `${year}-${month}`,
      periodStart: `${year}-${month}-01`,
      periodEnd,
      ...datesAfter(periodEnd),
    };
  });
}

/**
 * Thirteen periods of four ISO weeks ("2026-P01" … "2026-P13"), as Dutch payrolls count; in a
 * year of 53 weeks the last period takes five.
 */
export function fourWeeklyPeriods(isoYear: number): PaymentPeriod[] {
  const weeks = weeksInIsoYear(isoYear);

  return Array.from({ length: 13 }, (_, index) => {
    const lastWeek = index === 12 ? weeks : (index + 1) * 4;
    const periodStart = mondayOfIsoWeek(isoYear, index * 4 + 1);
    const periodEnd = addDays(mondayOfIsoWeek(isoYear, lastWeek), 6);

    return {
      period: `${isoYear}-P${String(index + 1).padStart(2, '0')}`,
      periodStart,
      periodEnd,
      ...datesAfter(periodEnd),
    };
  });
}
