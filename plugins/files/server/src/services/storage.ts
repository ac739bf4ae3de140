import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadSettings } from '@desk/config';

export const FILE_UID = 'plugin::files.file';

export interface StoreInput {
  buffer: Buffer;
  name: string;
  mime: string;
  kind: 'cv' | 'document' | 'invoice_pdf' | 'invoice_xml' | 'other';
  supplierId?: number | null;
}

/**
 * Private files on local disk, outside any folder a web server serves. A file is reachable only
 * through a download route that checks who asks; the storage key never leaves the cms.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const root = () => {
    const dir = loadSettings().files.dir;
    return isAbsolute(dir) ? dir : resolve(strapi.dirs.app.root, dir);
  };

  const pathOf = (storageKey: string) => {
    const full = resolve(root(), storageKey);
    if (!full.startsWith(root() + sep)) throw new errors.ApplicationError('Invalid storage key.');
    return full;
  };

  return {
    async store(input: StoreInput) {
      const storageKey = join(new Date().toISOString().slice(0, 7), randomBytes(16).toString('hex'));
      const target = pathOf(storageKey);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, input.buffer, { flag: 'wx', mode: 0o600 });

      try {
        return await strapi.documents(FILE_UID as any).create({
          data: {
            name: input.name.slice(0, 255),
            mime: input.mime,
            size: input.buffer.length,
            sha256: createHash('sha256').update(input.buffer).digest('hex'),
            storageKey,
            kind: input.kind,
            supplier: input.supplierId ?? null,
          },
        } as any);
      } catch (error) {
        // The record failed, so the bytes on disk would belong to nothing: remove them.
        await rm(target, { force: true });
        throw error;
      }
    },

    async open(documentId: string): Promise<{ stream: Readable; name: string; mime: string; size: number }> {
      const file = (await strapi.db
        .query(FILE_UID as any)
        .findOne({ where: { documentId }, select: ['name', 'mime', 'size', 'storageKey'] })) as any;
      if (!file) throw new errors.NotFoundError('There is no such file.');
      return { stream: createReadStream(pathOf(file.storageKey)), name: file.name, mime: file.mime, size: file.size };
    },
  };
};
