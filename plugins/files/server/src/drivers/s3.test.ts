import { describe, expect, it } from 'vitest';

import { objectUrl } from './s3';

const settings = {
  endpoint: 'https://s3.eu-central-1.amazonaws.com',
  bucket: 'desk-files',
  region: 'eu-central-1',
  accessKeyId: 'key',
  secretAccessKey: 'secret',
  pathStyle: true,
  prefix: 'desk/',
};

describe('where an object lives', () => {
  it('puts the bucket in the path, or in the host name, with the prefix before the key', () => {
    expect(objectUrl(settings, '2026-12/abc').toString()).toBe(
      'https://s3.eu-central-1.amazonaws.com/desk-files/desk/2026-12/abc',
    );
    expect(objectUrl({ ...settings, pathStyle: false }, '2026-12/abc').toString()).toBe(
      'https://desk-files.s3.eu-central-1.amazonaws.com/desk/2026-12/abc',
    );
  });

  it('keeps the port and path of the endpoint and encodes each part of the key', () => {
    const minio = { ...settings, endpoint: 'http://minio:9000/storage/', prefix: '' };

    expect(objectUrl(minio, 'a b/c(1)').toString()).toBe(
      'http://minio:9000/storage/desk-files/a%20b/c%281%29',
    );
  });
});
