import { describe, expect, it } from 'vitest';

import { EMPTY_PAYLOAD_HASH, signS3Request, uriEncode } from './sigv4';

// The example of AWS's S3 API reference ("Signature calculations for the Authorization header:
// transferring payload in a single chunk", GET Object): its keys, request and signature.
const EXAMPLE_KEYS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};

describe('AWS Signature Version 4 for S3', () => {
  it("signs AWS's GET Object example to the signature AWS publishes", () => {
    const headers = signS3Request(
      {
        method: 'GET',
        url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
        headers: { Range: 'bytes=0-9' },
        payloadHash: EMPTY_PAYLOAD_HASH,
        at: new Date('2013-05-24T00:00:00Z'),
      },
      EXAMPLE_KEYS,
    );

    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
    expect(headers['x-amz-content-sha256']).toBe(EMPTY_PAYLOAD_HASH);
    expect(headers).not.toHaveProperty('host');
  });

  it('signs something else for another secret, moment or body', () => {
    const sign = (overrides: { secret?: string; at?: string; hash?: string }) =>
      signS3Request(
        {
          method: 'PUT',
          url: new URL('http://127.0.0.1:9000/desk/2026-12/key'),
          headers: { 'content-type': 'application/pdf' },
          payloadHash: overrides.hash ?? EMPTY_PAYLOAD_HASH,
          at: new Date(overrides.at ?? '2026-12-04T10:00:00Z'),
        },
        { ...EXAMPLE_KEYS, secretAccessKey: overrides.secret ?? 'one' },
      ).authorization;

    const base = sign({});
    expect(sign({ secret: 'two' })).not.toBe(base);
    expect(sign({ at: '2026-12-04T10:00:01Z' })).not.toBe(base);
    expect(sign({ hash: 'a'.repeat(64) })).not.toBe(base);
    expect(base).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,');
  });

  it('encodes as RFC 3986 does, also the characters encodeURIComponent keeps', () => {
    expect(uriEncode("CV (final)!*'.pdf")).toBe('CV%20%28final%29%21%2A%27.pdf');
  });
});
