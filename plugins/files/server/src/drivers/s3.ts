import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import { errors } from '@strapi/utils';
import type { S3Settings } from '@desk/config';
import createError from 'http-errors';

import { EMPTY_PAYLOAD_HASH, signS3Request, uriEncode } from './sigv4';
import type { FileDriver } from './types';

/**
 * How long object storage may take to start answering before a request is given up. Only the
 * wait for the answer's head counts: a download then streams at the reader's pace.
 */
const TIMEOUT_MS = 30_000;

/** S3's own error code from an error answer's XML body, e.g. NoSuchBucket or AccessDenied. */
async function errorCodeOf(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => '');
  return /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
}

/**
 * Where a key's object lives: the bucket in the path (endpoint/bucket/prefix+key) or in the
 * host name (bucket.endpoint/prefix+key), each segment of the key percent-encoded.
 */
export function objectUrl(settings: S3Settings, key: string): URL {
  const endpoint = new URL(settings.endpoint);
  const base = endpoint.pathname.replace(/\/$/, '');
  const path = `${settings.prefix}${key}`.split('/').map(uriEncode).join('/');
  if (settings.pathStyle) return new URL(`${endpoint.origin}${base}/${settings.bucket}/${path}`);
  return new URL(`${endpoint.protocol}//${settings.bucket}.${endpoint.host}${base}/${path}`);
}

/**
 * Private files in a bucket of S3-compatible object storage, over its REST API signed with
 * Signature Version 4. The bucket must exist and must not be public; keys never leave the cms.
 */
export function s3Driver(settings: S3Settings, now: () => Date = () => new Date()): FileDriver {
  const endpoint = new URL(settings.endpoint);

  async function send(
    method: string,
    key: string,
    body?: { bytes: Buffer; mime: string; sha256: string },
  ) {
    const url = objectUrl(settings, key);
    const headers = signS3Request(
      {
        method,
        url,
        headers: body ? { 'content-type': body.mime } : {},
        payloadHash: body ? body.sha256 : EMPTY_PAYLOAD_HASH,
        at: now(),
      },
      settings,
    );
    const waiting = new AbortController();
    const timer = setTimeout(
      () => waiting.abort(new DOMException('no answer', 'TimeoutError')),
      TIMEOUT_MS,
    );
    try {
      return await fetch(url, { method, headers, body: body?.bytes, signal: waiting.signal });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? 'did not answer in time'
          : 'could not be reached';
      throw createError(503, `The file storage at ${endpoint.host} ${reason}; try again later.`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * An answer other than the one hoped for: a 502, as the fault is the storage's or its
   * settings', not the user's. The message names S3's code, never a key or a secret.
   */
  function refused(action: string, status: number, code: string | null): never {
    throw createError(
      502,
      `The file storage refused to ${action} the file (${status}${code ? ` ${code}` : ''}).`,
    );
  }
  const refusal = async (action: string, response: Response): Promise<never> =>
    refused(action, response.status, await errorCodeOf(response));

  return {
    async put(key, bytes, mime, sha256) {
      const response = await send('PUT', key, { bytes, mime, sha256 });
      if (!response.ok) await refusal('store', response);
      await response.body?.cancel();
    },
    async get(key) {
      const response = await send('GET', key);
      if (response.ok && response.body)
        return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
      const code = await errorCodeOf(response);
      if (response.status === 404 && code !== 'NoSuchBucket') {
        throw new errors.NotFoundError("The file's content is missing from storage.");
      }
      return refused('read', response.status, code);
    },
    async remove(key) {
      const response = await send('DELETE', key);
      if (!response.ok && response.status !== 404) await refusal('remove', response);
      await response.body?.cancel();
    },
  };
}
