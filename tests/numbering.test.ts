import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  asDesk,
  call,
  createAdmin,
  createClient,
  createRequest,
  createSegment,
  unique,
} from './helpers/factories';
import { getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
const numbers = () => strapi.plugin('numbering').service('numbers');
const series = (prefix: string) => ({
  key: prefix,
  format: (value: number) => `${prefix}${value}`,
});

beforeAll(async () => {
  strapi = await getStrapi();
});

describe('number series', () => {
  it('gives 200 concurrent allocations 200 distinct consecutive numbers', async () => {
    const prefix = `T${unique()}-`;

    const taken = await Promise.all(
      Array.from({ length: 200 }, () => numbers().next(series(prefix))),
    );

    const values = taken
      .map((number: string) => Number(number.slice(prefix.length)))
      .sort((a, b) => a - b);
    expect(new Set(taken).size).toBe(200);
    expect(values).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
  });

  it('gives a number back when the record that took it is rolled back, leaving no gap', async () => {
    const prefix = `R${unique()}-`;
    await numbers().next(series(prefix));

    await expect(
      strapi.db.transaction(async () => {
        await numbers().next(series(prefix));
        throw new Error('the record could not be stored');
      }),
    ).rejects.toThrow('the record could not be stored');

    expect(await numbers().next(series(prefix))).toBe(`${prefix}2`);
  });

  it('numbers each new request SRQ and does not let anyone change the number', async () => {
    const client = await createClient(strapi);
    const segment = await createSegment(strapi);
    const first = await createRequest(strapi, { client, segment });
    const second = await createRequest(strapi, { client, segment, number: 'SRQ999999' });
    const admin = await createAdmin(strapi);

    expect(first.number).toMatch(/^SRQ\d{6}$/);
    expect(Number(second.number.slice(3))).toBe(Number(first.number.slice(3)) + 1);
    const response = await call(
      'PUT',
      `/content-manager/collection-types/plugin::requests.request/${first.documentId}`,
      admin.token,
      { number: 'SRQ000001' },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `The number ${first.number} is given by the desk and cannot be changed.`,
    );
  });

  it('numbers proposals SPR and assignments ASG', async () => {
    const proposal = await asDesk(() =>
      (strapi.documents('plugin::requests.proposal' as any) as any).create({ data: {} }),
    );
    const assignment = await (
      strapi.documents('plugin::assignments.assignment' as any) as any
    ).create({
      data: { startDate: '2027-01-04', endDate: '2027-06-30' },
    });

    expect(proposal.number).toMatch(/^SPR\d{6}$/);
    expect(assignment.number).toMatch(/^ASG\d{6}$/);
  });
});
