import { createRequire } from 'node:module';
import { join } from 'node:path';

import { cmsUrl } from './helpers/strapi';

/* CV files made by the tests themselves: a real PDF, a real DOCX and an impostor. */

/** A one-page PDF with one line of text per entry, with a correct cross-reference table. */
export function makePdf(lines: string[]): Buffer {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL\n${lines.map((line) => `(${escape(line)}) Tj T*`).join('\n')}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A minimal Word document: one paragraph per entry. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const JSZip = createRequire(join(__dirname, '..', 'plugins', 'requests', 'package.json'))(
    'jszip',
  );
  const zip = new JSZip();
  const body = paragraphs
    .map((text) => `<w:p><w:r><w:t>${text.replace(/&/g, '&amp;')}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-' +
      'officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The first bytes of a PNG image: what a renamed picture really is. */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

export const ANNA_CV = [
  'Curriculum Vitae',
  'Anna de Vries',
  'E-mail: anna.devries@example.nl',
  'Telefoon: +31 6 12345678',
  'Vaardigheden: Java, TypeScript, SQL',
];

/** Posts a multipart form with one file field "cv" and text fields. */
export async function upload(
  path: string,
  token: string | null,
  file: { bytes: Buffer; name: string; type?: string } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file)
    form.append('cv', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);

  const response = await fetch(`${cmsUrl()}${path}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A download or an HTML error page; the test looks at the text.
  }
  return { status: response.status, body };
}
