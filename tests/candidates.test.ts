import type { Core } from '@strapi/strapi';
import { beforeAll, describe, expect, it } from 'vitest';

import { ANNA_CV, makeDocx, makePdf, PNG_BYTES, upload } from './candidates-files';
import {
  call,
  createAdmin,
  createClient,
  createPortalUser,
  createSupplier,
  moveTo,
  unique,
} from './helpers/factories';
import { cmsUrl, getStrapi } from './helpers/strapi';

let strapi: Core.Strapi;
let supplier: any;
let consultant: Awaited<ReturnType<typeof createPortalUser>>;
let payroll: Awaited<ReturnType<typeof createPortalUser>>;
let otherConsultant: Awaited<ReturnType<typeof createPortalUser>>;

const storedFiles = () => strapi.db.query('plugin::files.file' as any).count({});

/** Adds a candidate with the given CV through the API, as the given user. */
const addCandidate = (token: string, bytes: Buffer, fields: Record<string, string> = {}) =>
  upload(
    '/api/requests/candidates',
    token,
    { bytes, name: 'cv.pdf' },
    {
      firstName: 'Anna',
      lastName: 'de Vries',
      email: `anna-${unique()}@example.nl`,
      ...fields,
    },
  );

async function download(path: string, token: string) {
  const response = await fetch(`${cmsUrl()}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  strapi = await getStrapi();
  supplier = await createSupplier(strapi);
  const other = await createSupplier(strapi);
  consultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isConsultant: true,
  });
  payroll = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier,
    isPayroll: true,
  });
  otherConsultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier: other,
    isConsultant: true,
  });
});

describe('reading a CV to prefill the candidate form', () => {
  it('suggests name, e-mail, phone and skills from a PDF and stores nothing', async () => {
    const before = await storedFiles();

    const response = await upload('/api/requests/candidates/cv-preview', consultant.jwt, {
      bytes: makePdf(ANNA_CV),
      name: 'anna.pdf',
    });

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      kind: 'pdf',
      suggestions: {
        firstName: 'Anna',
        lastName: 'de Vries',
        email: 'anna.devries@example.nl',
        phone: '+31 6 12345678',
        skills: 'Java, TypeScript, SQL',
      },
    });
    expect(await storedFiles()).toBe(before);
  });

  it('reads a DOCX as well, and leaves out what it cannot find', async () => {
    const bytes = await makeDocx(['Jan Jansen', 'Mail: jan@example.nl']);

    const response = await upload('/api/requests/candidates/cv-preview', consultant.jwt, {
      bytes,
      name: 'jan.docx',
    });

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      kind: 'docx',
      suggestions: {
        firstName: 'Jan',
        lastName: 'Jansen',
        email: 'jan@example.nl',
        phone: null,
        skills: null,
      },
    });
  });
});

describe('adding a candidate with a CV', () => {
  it("stores the CV privately and lists the candidate in the supplier's own pool only", async () => {
    const bytes = makePdf(ANNA_CV);
    const created = await addCandidate(consultant.jwt, bytes, {
      phone: '06 12345678',
      skills: 'Java',
    });

    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      firstName: 'Anna',
      lastName: 'de Vries',
      phone: '06 12345678',
    });
    expect(created.body.data.cv).toMatchObject({
      name: 'cv.pdf',
      mime: 'application/pdf',
      size: bytes.length,
    });
    expect(JSON.stringify(created.body)).not.toContain('storageKey');

    const own = await call('GET', '/api/requests/candidates', consultant.jwt);
    const others = await call('GET', '/api/requests/candidates', otherConsultant.jwt);
    expect(own.body.data.map((one: any) => one.documentId)).toContain(created.body.data.documentId);
    expect(others.body.data.map((one: any) => one.documentId)).not.toContain(
      created.body.data.documentId,
    );
  });

  it('lets users of the owning supplier and the desk download the CV, and nobody else', async () => {
    const bytes = makePdf(ANNA_CV);
    const { documentId } = (await addCandidate(consultant.jwt, bytes)).body.data;
    const admin = await createAdmin(strapi);

    const own = await download(`/api/requests/candidates/${documentId}/cv`, payroll.jwt);
    const desk = await download(`/requests/candidates/${documentId}/cv`, admin.token);
    const other = await download(`/api/requests/candidates/${documentId}/cv`, otherConsultant.jwt);
    const otherCard = await call(
      'GET',
      `/api/requests/candidates/${documentId}`,
      otherConsultant.jwt,
    );

    expect(own.status).toBe(200);
    expect(own.bytes.equals(bytes)).toBe(true);
    expect(own.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(desk.status).toBe(200);
    expect(desk.bytes.equals(bytes)).toBe(true);
    expect(other.status).toBe(404);
    expect(otherCard.status).toBe(404);
  });

  it('refuses a file named .pdf that is really a PNG image, by its bytes', async () => {
    const before = await storedFiles();

    const response = await upload(
      '/api/requests/candidates',
      consultant.jwt,
      {
        bytes: PNG_BYTES,
        name: 'cv.pdf',
        type: 'application/pdf',
      },
      { firstName: 'Piet', lastName: 'Plaatje' },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('A CV must be a PDF or a Word (DOCX) file.');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = await makeDocx(['x']);
    const fake = Buffer.from(
      zip.toString('latin1').replace(/word\/document\.xml/g, 'word/other.xmlxx'),
      'latin1',
    );

    const response = await addCandidate(consultant.jwt, fake);

    expect(response.status).toBe(400);
  });

  it('refuses a CV over 5 MB', async () => {
    const big = Buffer.concat([makePdf(ANNA_CV), Buffer.alloc(5 * 1024 * 1024, 32)]);

    const response = await addCandidate(consultant.jwt, big);

    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe('A CV may be at most 5 MB; make the file smaller.');
  });

  it('refuses a user without the consultant role, and a form without a CV or a name', async () => {
    const noRole = await addCandidate(payroll.jwt, makePdf(ANNA_CV));
    const noFile = await upload('/api/requests/candidates', consultant.jwt, null, {
      firstName: 'A',
      lastName: 'B',
    });
    const noName = await addCandidate(consultant.jwt, makePdf(ANNA_CV), { firstName: '' });
    const anonymous = await addCandidate('', makePdf(ANNA_CV));

    expect(noRole.status).toBe(403);
    expect(noRole.body.error.message).toMatch(/^Only a user with the consultant role/);
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toBe('Attach the CV as the file field "cv".');
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toBe('Fill in the first name.');
    expect(anonymous.status).toBe(403);
  });

  it('refuses the users of a suspended supplier and of a client, each with its reason', async () => {
    const suspended = await createSupplier(strapi);
    await moveTo(strapi, 'plugin::organisations.supplier', suspended.documentId, 'suspended');
    const ofSuspended = await createPortalUser(strapi, {
      userKind: 'supplier_user',
      supplier: suspended,
      isConsultant: true,
    });
    const clientUser = await createPortalUser(strapi, {
      userKind: 'client_user',
      client: await createClient(strapi),
    });

    const bySuspended = await addCandidate(ofSuspended.jwt, makePdf(ANNA_CV));
    const byClient = await addCandidate(clientUser.jwt, makePdf(ANNA_CV));
    // The same supplier user still manages the segments it follows, ready for its activation.
    const segments = await call('GET', '/api/requests/segments', ofSuspended.jwt);

    expect(bySuspended.status).toBe(403);
    expect(bySuspended.body.error.message).toBe(
      `${suspended.legalName} is not active on the desk yet, so it cannot work with candidates.`,
    );
    expect(byClient.status).toBe(403);
    expect(byClient.body.error.message).toBe(
      'Only users of a supplier can work with candidates and proposals.',
    );
    expect(segments.status).toBe(200);
  });
});
