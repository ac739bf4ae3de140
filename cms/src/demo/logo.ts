import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

import type { ClientSpec } from './data';

/** A simple logo: the client's initials in white on a rounded square, with an accent bar. */
export function logoSvg(
  client: Pick<ClientSpec, 'initials' | 'primaryColor' | 'accentColor' | 'name'>,
): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
    `  <title>${client.name}</title>`,
    `  <rect x="8" y="8" width="240" height="240" rx="48" fill="${client.primaryColor}"/>`,
    `  <rect x="56" y="188" width="144" height="14" rx="7" fill="${client.accentColor}"/>`,
    '  <text x="128" y="154" text-anchor="middle" fill="#ffffff" font-size="100" font-weight="700"',
    `        font-family="Helvetica, Arial, sans-serif">${client.initials}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

interface UploadFile {
  name: string;
  mimetype: string;
  bytes: Buffer;
}

/** Uploads one file through the upload plugin, as the media library would, and returns its id. */
async function upload(strapi: Core.Strapi, file: UploadFile): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'desk-demo-logo-'));
  try {
    const filepath = join(folder, file.name);
    await writeFile(filepath, file.bytes);
    const [stored] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: {
          filepath,
          originalFilename: file.name,
          mimetype: file.mimetype,
          size: file.bytes.length,
        },
      });

    return stored.id;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Uploads the client's logo as SVG; if the upload plugin refuses SVG (a stricter
 * `security.allowedTypes`), as a PNG rendered from the same drawing with sharp.
 */
export async function uploadLogo(strapi: Core.Strapi, client: ClientSpec): Promise<number> {
  const svg = Buffer.from(logoSvg(client));
  try {
    return await upload(strapi, {
      name: `${client.slug}-logo.svg`,
      mimetype: 'image/svg+xml',
      bytes: svg,
    });
  } catch (error) {
    strapi.log.warn(
      `Demo data: the SVG logo of ${client.slug} was refused (${(error as Error).message}); uploading a PNG.`,
    );
  }

  // sharp comes with Strapi's upload plugin, which uses it for image formats.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sharp = require('sharp');
  const png: Buffer = await sharp(svg).png().toBuffer();

  return upload(strapi, { name: `${client.slug}-logo.png`, mimetype: 'image/png', bytes: png });
}
