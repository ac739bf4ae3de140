import { defineTransitions, move } from '@desk/plugin-workflow';

export type InvoiceStatus = 'draft' | 'issued' | 'sent' | 'paid' | 'credited' | 'cancelled';

/**
 * Invoices are never deleted: a number once given stays in the series (art. 35a Wet OB asks
 * for a unique, consecutive series); a wrong draft is cancelled, an issued one credited.
 */
export default defineTransitions<InvoiceStatus>({
  uid: 'plugin::billing.invoice',
  entity: 'invoice',
  labelField: 'number',
  initial: ['draft'],
  deletableIn: [],
  transitions: [
    ...move('draft', 'issued', ['system', 'desk']),
    ...move('draft', 'cancelled', ['system', 'desk']),
    ...move('issued', 'sent', ['system', 'desk']),
    ...move(['sent', 'issued'], 'paid', ['system', 'desk']),
    ...move(['issued', 'sent', 'paid'], 'credited', ['desk']),
  ],
});
