import { DAS } from './data';
import { amsterdamDate } from './dates';
import { create, daysFrom, DESK, found, step, UID, walk, type Demo } from './context';
import { addWorkingDays } from './working-days';

/** The name a DAS of this year carries: "DAS ICT-inhuur 2026-2030". */
export const dasName = (year: number) => `DAS ICT-inhuur ${year}-${year + DAS.years}`;

/**
 * The municipality's DAS for ICT, open for four years, with one supplier admitted and one
 * application waiting for the desk's decision within the review period.
 */
export async function seedDas(demo: Demo): Promise<void> {
  const year = Number(demo.today.slice(0, 4));
  demo.das = await create(demo, UID.das, {
    name: dasName(year),
    reference: DAS.reference,
    client: found(demo.clients, DAS.client).id,
    segment: found(demo.segments, DAS.segment).id,
    description: DAS.description,
    startsOn: `${year}-01-01`,
    endsOn: `${year + DAS.years}-12-31`,
    reviewWorkingDays: DAS.reviewWorkingDays,
  });

  for (const admission of DAS.admissions) {
    const submittedAt = daysFrom(demo.now, -admission.submittedDaysAgo);
    const reviewDeadline = addWorkingDays(amsterdamDate(submittedAt), DAS.reviewWorkingDays);
    const record = await create(demo, UID.admission, {
      das: demo.das.id,
      supplier: found(demo.suppliers, admission.supplier).id,
      submittedAt,
      reviewDeadline,
    });
    if (admission.state === 'admitted') {
      // Decided a week after the application, well within the review period.
      const decidedAt = daysFrom(submittedAt, 7);
      const decisionReason = 'Voldoet aan de geschiktheidseisen en uitsluitingsgronden.';
      await walk(demo, UID.admission, record, [
        step('admitted', DESK, { decidedAt, decisionReason }),
      ]);
    }
  }
}
