/**
 * Who invoices the client for a proposal's hours (issue 4, point 11).
 *
 * - A self-employed supplier proposing itself (its candidate marked isSelf) is the invoicing
 *   party, and the flex worker type is always self_employed.
 * - Any other candidate is the supplier's: the supplier invoices. The supplier may still say the
 *   person works for it as a self-employed professional (flexWorkerType self_employed, as the
 *   demo's freelancers do), but that is a statement about the supplier's own contract with the
 *   person: the desk never treats the candidate as self-employed. Invoicing, Complete Data
 *   (no KvK number or IBAN of the person) and every later step read `invoicingParty`, never
 *   `flexWorkerType`.
 */
export function invoicingOf(
  supplier: { kind: string },
  candidate: { isSelf?: boolean | null },
  flexWorkerType: 'flex_employee' | 'self_employed',
): {
  invoicingParty: 'supplier' | 'self_employed';
  flexWorkerType: 'flex_employee' | 'self_employed';
} {
  if (candidate.isSelf && supplier.kind === 'self_employed') {
    return { invoicingParty: 'self_employed', flexWorkerType: 'self_employed' };
  }
  return { invoicingParty: 'supplier', flexWorkerType };
}
