import { defineTransitions, move } from '@desk/plugin-workflow';

export type AdmissionStatus = 'submitted' | 'in_review' | 'admitted' | 'refused' | 'withdrawn';

/** A supplier applies to a DAS; the desk decides within the review period. */
export default defineTransitions<AdmissionStatus>({
  uid: 'plugin::das.admission',
  entity: 'DAS admission',
  path: 'das-admissions',
  ownedBy: { supplier: 'supplier' },
  initial: ['submitted'],
  deletableIn: [],
  transitions: [
    ...move('submitted', 'in_review', ['desk', 'system']),
    ...move(['submitted', 'in_review'], 'admitted', ['desk']),
    ...move(['submitted', 'in_review'], 'refused', ['desk']),
    ...move(['submitted', 'in_review', 'admitted'], 'withdrawn', ['supplier', 'desk']),
  ],
});
