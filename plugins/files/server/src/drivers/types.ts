import type { Readable } from 'node:stream';

/** Where the bytes of private files live: local disk, or a bucket of object storage. */
export interface FileDriver {
  put(key: string, bytes: Buffer, mime: string, sha256: string): Promise<void>;
  /** The bytes, streamed; NotFoundError when the key holds nothing. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes; nothing happens when there are none. */
  remove(key: string): Promise<void>;
}
