import type { Core } from '@strapi/strapi';

import { asDesk, createPortalUser, createRequest, moveTo, unique } from './factories';

/* Helpers for the market's tests: suppliers that follow segments, their consultants, DAS
   admissions and the mails the market writes. */

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as any) as any;

/** Criteria the desk would publish with: weights adding up to 100, both kinds of filler. */
export const CRITERIA = [
  { key: 'java', text: 'Five years of Java', weight: 60, knockOut: true, filledBy: 'supplier' },
  {
    key: 'cv',
    text: 'Relevant experience in the CV',
    weight: 40,
    knockOut: false,
    filledBy: 'desk',
  },
];

/** Sets the segments a supplier follows, as the desk would in the admin. */
export async function follow(strapi: Core.Strapi, supplier: any, segments: any[]) {
  await asDesk(() =>
    docs(strapi, 'plugin::organisations.supplier').update({
      documentId: supplier.documentId,
      data: { segments: { set: segments.map((segment) => ({ documentId: segment.documentId })) } },
    }),
  );
}

/** A consultant of a supplier, signed in; `fields` overrides the roles or the language. */
export function createConsultant(
  strapi: Core.Strapi,
  supplier: any,
  fields: Record<string, unknown> = {},
) {
  return createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
    ...fields,
  });
}

/** A complete request, ready to publish; `fields` overrides any of it. */
export function createCompleteRequest(
  strapi: Core.Strapi,
  fields: { client: any; segment: any } & Record<string, unknown>,
) {
  return createRequest(strapi, { evaluationCriteria: CRITERIA, ...fields });
}

/** A DAS of a client and a segment. */
export function createDas(strapi: Core.Strapi, client: any, segment: any) {
  return docs(strapi, 'plugin::das.das').create({
    data: { name: `DAS ${unique()}`, client: client.id, segment: segment.id },
  });
}

/** A supplier's admission to a DAS, moved to the given status (admitted by default). */
export async function admit(strapi: Core.Strapi, das: any, supplier: any, status = 'admitted') {
  const admission = await docs(strapi, 'plugin::das.admission').create({
    data: { das: das.id, supplier: supplier.id },
  });
  if (status !== 'submitted')
    await moveTo(strapi, 'plugin::das.admission', admission.documentId, status);
  return admission;
}

/** The mails written under a dedupe key prefix, such as "request-published:<documentId>". */
export function mailsUnder(strapi: Core.Strapi, prefix: string): Promise<any[]> {
  return strapi.db.query('plugin::outbox.message' as any).findMany({
    where: { dedupeKey: { $startsWith: `${prefix}:` } },
    orderBy: { id: 'asc' },
  }) as Promise<any[]>;
}
