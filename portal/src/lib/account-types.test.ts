import { describe, expect, it } from 'vitest';

import { roleList } from './account-types';

describe('roleList', () => {
  it('reads role flags keyed in camelCase as the API role names', () => {
    expect(roleList({ consultant: true, payroll: false, statementOfWork: true })).toEqual([
      'consultant',
      'statement_of_work',
    ]);
  });

  it('keeps a list of role names', () => {
    expect(roleList(['payroll'])).toEqual(['payroll']);
  });
});
