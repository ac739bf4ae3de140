import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ANNA_CV, makePdf, upload } from './candidates-files';
import { createPortalUser, createSupplier, unique } from './helpers/factories';
import { cmsUrl, getStrapi } from './helpers/strapi';

/*
 * Private files in S3-compatible object storage (FILES_S3_*), against s3rver: an S3 server
 * on loopback that keeps its buckets in a folder, as smtp-server stands in for a mail relay.
 * The signatures themselves are checked against AWS's own example in
 * plugins/files/server/src/drivers/sigv4.test.ts (s3rver does not check Signature V4).
 */

const BUCKET = 'desk-files';
let strapi: Core.Strapi;
let server: { run: () => Promise<{ port: number }>; close: () => Promise<void> };
let endpoint = '';
let bucketDir = '';
let consultant: Awaited<ReturnType<typeof createPortalUser>>;

const S3_ENV = () => ({
  FILES_S3_BUCKET: BUCKET,
  FILES_S3_ENDPOINT: endpoint,
  FILES_S3_ACCESS_KEY_ID: 'S3RVER',
  FILES_S3_SECRET_ACCESS_KEY: 'S3RVER',
  FILES_S3_PREFIX: 'desk/',
});

/** Turns object storage on for one test; the cms reads the settings at each use. */
function useObjectStorage(overrides: Record<string, string> = {}) {
  Object.assign(process.env, S3_ENV(), overrides);
}

afterEach(() => {
  for (const name of Object.keys(S3_ENV())) delete process.env[name];
});

beforeAll(async () => {
  strapi = await getStrapi();
  bucketDir = mkdtempSync(join(tmpdir(), 'desk-s3-'));
  const S3rver = (await import('s3rver')).default;
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: bucketDir,
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  consultant = await createPortalUser(strapi, {
    userKind: 'supplier_user',
    supplier: await createSupplier(strapi),
    isConsultant: true,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

const addCandidate = (bytes: Buffer) =>
  upload(
    '/api/requests/candidates',
    consultant.jwt,
    { bytes, name: 'cv.pdf' },
    { firstName: 'Anna', lastName: 'de Vries', email: `anna-${unique()}@example.nl` },
  );

async function downloadCv(candidateDocumentId: string) {
  const response = await fetch(`${cmsUrl()}/api/requests/candidates/${candidateDocumentId}/cv`, {
    headers: { authorization: `Bearer ${consultant.jwt}` },
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function storageKeyOf(candidateDocumentId: string): Promise<string> {
  const candidate = (await strapi.db.query('plugin::requests.candidate' as any).findOne({
    where: { documentId: candidateDocumentId },
    populate: { cv: { select: ['storageKey'] } },
  })) as any;
  return candidate.cv.storageKey;
}

const files = () => strapi.plugin('files').service('storage');
/** Where s3rver keeps the bytes of a key of the bucket. */
const objectPath = (key: string) => join(bucketDir, BUCKET, 'desk', `${key}._S3rver_object`);
const objectCount = () => {
  const dir = join(bucketDir, BUCKET, 'desk');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true }).filter((name) =>
    String(name).endsWith('._S3rver_object'),
  ).length;
};

describe('private files in object storage', () => {
  it('keeps a CV in the bucket, under the prefix, and serves it back through the download route', async () => {
    useObjectStorage();
    const bytes = makePdf(ANNA_CV);

    const added = await addCandidate(bytes);

    expect(added.status).toBe(201);
    const key = await storageKeyOf(added.body.data.documentId);
    expect(existsSync(objectPath(key))).toBe(true);
    expect(existsSync(join(process.env.FILES_DIR!, key))).toBe(false);
    const download = await downloadCv(added.body.data.documentId);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(bytes)).toBe(true);
  });

  it('answers 404 when the bytes are not in the store in use: gone from the bucket, or still on disk', async () => {
    const onDisk = await addCandidate(makePdf(ANNA_CV));
    useObjectStorage();
    const inBucket = await addCandidate(makePdf(ANNA_CV));
    rmSync(objectPath(await storageKeyOf(inBucket.body.data.documentId)));

    const missing = await downloadCv(inBucket.body.data.documentId);
    const notMoved = await downloadCv(onDisk.body.data.documentId);

    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).error.message).toBe(
      "The file's content is missing from storage.",
    );
    // Switching stores moves nothing: copy FILES_DIR into the bucket first (see the README).
    expect(notMoved.status).toBe(404);
  });

  it('answers 404, not a broken download, when a file on local disk has lost its bytes', async () => {
    const added = await addCandidate(makePdf(ANNA_CV));
    rmSync(join(process.env.FILES_DIR!, await storageKeyOf(added.body.data.documentId)));

    const missing = await downloadCv(added.body.data.documentId);

    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString()).error.message).toBe(
      "The file's content is missing from storage.",
    );
  });

  it('refuses a CV with a clear message and keeps nothing when the bucket does not exist', async () => {
    useObjectStorage({ FILES_S3_BUCKET: 'no-such-bucket' });
    const before = await strapi.db.query('plugin::files.file' as any).count({});

    const added = await addCandidate(makePdf(ANNA_CV));

    expect(added.status).toBe(502);
    expect(added.body.error.message).toBe(
      'The file storage refused to store the file (404 NoSuchBucket).',
    );
    expect(await strapi.db.query('plugin::files.file' as any).count({})).toBe(before);
  });

  it('says the storage cannot be reached when nothing listens at the endpoint', async () => {
    useObjectStorage({ FILES_S3_ENDPOINT: 'http://127.0.0.1:9' });

    const added = await addCandidate(makePdf(ANNA_CV));

    expect(added.status).toBe(503);
    expect(added.body.error.message).toBe(
      'The file storage at 127.0.0.1:9 could not be reached; try again later.',
    );
    expect(added.body.error.message).not.toContain('S3RVER');
  });

  it('removes the bytes from the bucket when the file record cannot be written', async () => {
    useObjectStorage();
    const before = objectCount();

    await expect(
      files().store({
        buffer: makePdf(ANNA_CV),
        name: 'cv.pdf',
        mime: 'application/pdf',
        kind: 'not-a-kind' as any,
      }),
    ).rejects.toThrow();

    expect(objectCount()).toBe(before);
  });
});
