import { CLIENTS, DOCUMENT_TYPES, HOUR_TYPES } from './data';
import { create, findOrCreate, found, UID, type Demo } from './context';
import { fourWeeklyPeriods, monthlyPeriods } from './payment-periods';

/**
 * The hour types and document types the desk works with. Their codes are unique, so types
 * the desk already set up are used as they are.
 */
export async function seedHourAndDocumentTypes(demo: Demo): Promise<void> {
  for (const hourType of HOUR_TYPES) {
    await findOrCreate(demo, UID.hourType, 'code', { ...hourType, active: true });
  }
  for (const documentType of DOCUMENT_TYPES) {
    await findOrCreate(demo, UID.documentType, 'code', { ...documentType });
  }
}

/** This year's invoicing periods for each client: calendar months, or four-week periods. */
export async function seedPaymentCalendars(demo: Demo): Promise<void> {
  const year = Number(demo.today.slice(0, 4));
  for (const spec of CLIENTS) {
    const client = found(demo.clients, spec.slug);
    const periods =
      spec.calendar === 'four_weekly' ? fourWeeklyPeriods(year) : monthlyPeriods(year);
    for (const period of periods) {
      await create(demo, UID.paymentCalendar, { ...period, client: client.id });
    }
  }
}
