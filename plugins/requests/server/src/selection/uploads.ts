import { readFile, rm } from 'node:fs/promises';

import { errors } from '@strapi/utils';

import {
  assertCvSize,
  cvText,
  detectCvKind,
  suggestFromText,
  type CvKind,
  type CvSuggestions,
} from './cv';

/** A CV as it came in a multipart request, checked by size and by its bytes. */
export interface CheckedCv {
  buffer: Buffer;
  name: string;
  kind: CvKind;
}

/** Formidable's file, as koa-body hands it over in ctx.request.files. */
interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** Keeps a file name harmless in a Content-Disposition header and a database column. */
function safeName(name: string | null | undefined, kind: CvKind): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .trim()
    .slice(0, 200);
  return cleaned || `cv.${kind}`;
}

/**
 * Reads the CV of a multipart request and removes formidable's temporary copy at once: a CV
 * is personal data and must not stay behind in the server's temp folder.
 */
export async function readCv(ctx: any, field = 'cv'): Promise<CheckedCv> {
  const files = ctx.request.files ?? {};
  const given = files[field];
  const all = Object.values(files).flatMap((value) => (Array.isArray(value) ? value : [value]));
  const file = (Array.isArray(given) ? given[0] : given) as IncomingFile | undefined;

  try {
    if (!file) {
      throw new errors.ValidationError(`Attach the CV as the file field "${field}".`, {
        code: 'CV_MISSING',
      });
    }
    assertCvSize(file.size);
    const buffer = await readFile(file.filepath);
    const kind = await detectCvKind(buffer);
    return { buffer, kind, name: safeName(file.originalFilename, kind) };
  } finally {
    await Promise.all(all.map((one: any) => one?.filepath && rm(one.filepath, { force: true })));
  }
}

/** Suggestions for the candidate form from the CV's text; never stored, never logged. */
export async function suggestionsOf(cv: CheckedCv): Promise<CvSuggestions> {
  return suggestFromText(await cvText(cv.kind, cv.buffer));
}
