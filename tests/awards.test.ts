import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  asDesk,
  call,
  createClient,
  createSegment,
  createSupplier,
  moveTo,
  publishRequest,
} from './helpers/factories';
import { createCompleteRequest } from './helpers/market';
import { getStrapi } from './helpers/strapi';

const REQUEST = 'plugin::requests.request';
const PROPOSAL = 'plugin::requests.proposal';

let strapi: Core.Strapi;
let segment: any;
let supplier: any;

const docs = (uid: string) => strapi.documents(uid as any) as any;

/** A closed request of the client. */
async function closedRequest(client: any) {
  const request = await publishRequest(
    strapi,
    await createCompleteRequest(strapi, { client, segment }),
  );
  await moveTo(strapi, REQUEST, request.documentId, 'closed');
  return request;
}

/** A proposal on a request, moved through the given statuses. */
async function proposalOn(request: any, rateCents: number, ...statuses: string[]) {
  const proposal = await docs(PROPOSAL).create({
    data: { request: request.id, supplier: supplier.id, offeredRateCents: rateCents },
  });
  await moveTo(strapi, PROPOSAL, proposal.documentId, ...statuses);
  return proposal;
}

const ACCEPTED = ['proposed', 'submitted_to_client', 'accepted'];

async function award(request: any, proposal: any | null) {
  await asDesk(() =>
    docs(REQUEST).update({
      documentId: request.documentId,
      data: { awardedProposal: proposal?.id ?? null },
    }),
  );
  return moveTo(strapi, REQUEST, request.documentId, 'awarded');
}

beforeAll(async () => {
  strapi = await getStrapi();
  segment = await createSegment(strapi);
  supplier = await createSupplier(strapi, { legalName: 'Uitzendbureau Noord B.V.' });
});

describe('awarding a request', () => {
  it('refuses an award without an awarded proposal', async () => {
    const request = await closedRequest(await createClient(strapi));

    await expect(award(request, null)).rejects.toThrow(
      `Cannot move request ${request.number} from closed to awarded: choose the awarded proposal first.`,
    );
  });

  it("refuses another request's proposal and one the client has not accepted", async () => {
    const client = await createClient(strapi);
    const request = await closedRequest(client);
    const other = await closedRequest(client);
    const elsewhere = await proposalOn(other, 9000, ...ACCEPTED);
    const proposed = await proposalOn(request, 9000, 'proposed');

    await expect(award(request, elsewhere)).rejects.toThrow(
      `proposal ${elsewhere.number} belongs to another request.`,
    );
    await expect(award(request, proposed)).rejects.toThrow(
      `proposal ${proposed.number} is proposed; only an accepted one can be awarded.`,
    );
    expect(((await docs(REQUEST).findOne({ documentId: request.documentId })) as any).state).toBe(
      'closed',
    );
  });

  it('awards an accepted proposal and stamps the date', async () => {
    const request = await closedRequest(await createClient(strapi));
    const proposal = await proposalOn(request, 8750, ...ACCEPTED);

    await award(request, proposal);

    const stored = (await strapi.db
      .query(REQUEST as any)
      .findOne({ where: { documentId: request.documentId } })) as any;
    expect(stored.state).toBe('awarded');
    expect(stored.awardedAt).not.toBeNull();
  });
});

describe("a client's public awards page", () => {
  it('shows number, title, client, supplier and date, without rates unless the client allows', async () => {
    const discreet = await createClient(strapi, { publishAwardRates: false });
    const open = await createClient(strapi, { publishAwardRates: true });
    const quiet = await closedRequest(discreet);
    await award(quiet, await proposalOn(quiet, 8000, ...ACCEPTED, 'may_be_hired'));
    const shown = await closedRequest(open);
    await award(shown, await proposalOn(shown, 9100, ...ACCEPTED));
    await closedRequest(open);

    const withoutRates = await call('GET', `/api/requests/public/clients/${discreet.slug}/awards`);
    const withRates = await call('GET', `/api/requests/public/clients/${open.slug}/awards`);

    expect(withoutRates.status).toBe(200);
    expect(withoutRates.body.data).toEqual([
      {
        number: quiet.number,
        title: quiet.title,
        client: discreet.name,
        supplier: 'Uitzendbureau Noord B.V.',
        awardedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
    expect(withRates.body.data).toEqual([
      expect.objectContaining({ number: shown.number, client: open.name, rateCents: 9100 }),
    ]);
  });

  it('answers 404 for an unknown client', async () => {
    expect((await call('GET', '/api/requests/public/clients/no-such-client/awards')).status).toBe(
      404,
    );
    expect((await call('GET', '/api/requests/public/clients/NOT%20VALID/awards')).status).toBe(404);
  });
});
