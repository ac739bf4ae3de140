import invoice from './invoice/schema.json';
import paymentCalendar from './payment-calendar/schema.json';

export default {
  invoice: { schema: invoice },
  'payment-calendar': { schema: paymentCalendar },
};
