import { createReadStream } from 'node:fs';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

import { errors } from '@strapi/utils';

import type { FileDriver } from './types';

/** Files under one folder on local disk, outside any folder a web server serves. */
export function localDriver(root: string): FileDriver {
  const pathOf = (key: string) => {
    const full = resolve(root, key);
    if (!full.startsWith(root + sep)) throw new errors.ApplicationError('Invalid storage key.');
    return full;
  };

  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes, { flag: 'wx', mode: 0o600 });
    },
    async get(key): Promise<Readable> {
      const path = pathOf(key);
      try {
        await access(path);
      } catch {
        throw new errors.NotFoundError("The file's content is missing from storage.");
      }
      return createReadStream(path);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
