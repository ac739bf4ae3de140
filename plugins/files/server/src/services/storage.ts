import { createHash, randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import type { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadSettings } from '@desk/config';

import { localDriver } from '../drivers/local';
import { s3Driver } from '../drivers/s3';
import type { FileDriver } from '../drivers/types';

export const FILE_UID = 'plugin::files.file';

export interface StoreInput {
  buffer: Buffer;
  name: string;
  mime: string;
  kind: 'cv' | 'document' | 'invoice_pdf' | 'invoice_xml' | 'other';
  supplierId?: number | null;
}

/**
 * Private files: the bytes on local disk outside any folder a web server serves, or in a bucket
 * of S3-compatible object storage when FILES_S3_BUCKET is set; the record in the database. A
 * file is reachable only through a download route that checks who asks; the storage key never
 * leaves the cms.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The store the settings name, read at each use so a changed setting takes effect. */
  const driver = (): FileDriver => {
    const { files } = loadSettings();
    if (files.s3) return s3Driver(files.s3);
    return localDriver(
      isAbsolute(files.dir) ? files.dir : resolve(strapi.dirs.app.root, files.dir),
    );
  };

  return {
    async store(input: StoreInput) {
      const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomBytes(16).toString('hex')}`;
      const sha256 = createHash('sha256').update(input.buffer).digest('hex');
      const store = driver();
      await store.put(storageKey, input.buffer, input.mime, sha256);

      try {
        return await strapi.documents(FILE_UID as any).create({
          data: {
            name: input.name.slice(0, 255),
            mime: input.mime,
            size: input.buffer.length,
            sha256,
            storageKey,
            kind: input.kind,
            supplier: input.supplierId ?? null,
          },
        } as any);
      } catch (error) {
        // The record failed, so the stored bytes would belong to nothing: remove them.
        await store.remove(storageKey).catch(() => undefined);
        throw error;
      }
    },

    async open(
      documentId: string,
    ): Promise<{ stream: Readable; name: string; mime: string; size: number }> {
      const file = (await strapi.db
        .query(FILE_UID as any)
        .findOne({ where: { documentId }, select: ['name', 'mime', 'size', 'storageKey'] })) as any;
      if (!file) throw new errors.NotFoundError('There is no such file.');
      return {
        stream: await driver().get(file.storageKey),
        name: file.name,
        mime: file.mime,
        size: file.size,
      };
    },
  };
};
