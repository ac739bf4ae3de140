import JSZip from 'jszip';
import { errors } from '@strapi/utils';

/** A CV larger than this is refused before anything is read or stored. */
export const CV_MAX_BYTES = 5 * 1024 * 1024;

export type CvKind = 'pdf' | 'docx';

export const CV_MIME: Record<CvKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What the CV seems to say; every field may be missing, the user confirms or corrects it. */
export interface CvSuggestions {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  skills: string | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Refuses an empty or oversized CV with a message the user can act on. */
export function assertCvSize(size: number): void {
  if (size <= 0) throw new errors.ValidationError('The CV file is empty.', { code: 'CV_EMPTY' });
  if (size > CV_MAX_BYTES) {
    throw new errors.PayloadTooLargeError('A CV may be at most 5 MB; make the file smaller.', {
      code: 'CV_TOO_LARGE',
      maxBytes: CV_MAX_BYTES,
    });
  }
}

/**
 * Tells a PDF from a DOCX by its bytes, never by its name or the browser's mime type: a
 * renamed image or archive is refused. A DOCX is a zip whose parts include word/document.xml.
 */
export async function detectCvKind(buffer: Buffer): Promise<CvKind> {
  if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';

  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const zip = await JSZip.loadAsync(buffer).catch(() => null);
    if (zip?.file('word/document.xml')) return 'docx';
  }
  throw new errors.ValidationError('A CV must be a PDF or a Word (DOCX) file.', {
    code: 'CV_TYPE_REFUSED',
  });
}

/** The text of a DOCX: the paragraphs of word/document.xml, without markup. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Loads an ES module from this CommonJS build: TypeScript would turn a plain import() into
 * require(), which cannot load pdf.js.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<any>;

/** The text of a PDF, through pdf.js's Node build (no worker thread, no canvas needed for text). */
async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await importModule('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(pdf.numPages, 20); number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map(
            (item: { str?: string; hasEOL?: boolean }) =>
              (item.str ?? '') + (item.hasEOL ? '\n' : ''),
          )
          .join(''),
      );
    }
    return pages.join('\n');
  } finally {
    await task.destroy();
  }
}

/** The CV's text, or an empty text when it cannot be read: suggestions are a convenience. */
export async function cvText(kind: CvKind, buffer: Buffer): Promise<string> {
  try {
    return kind === 'pdf' ? await pdfText(buffer) : await docxText(buffer);
  } catch {
    return '';
  }
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}/;
const NAME_LINE = /^[A-ZÀ-Þ][\p{L}'’-]+(?:\s+(?:[a-z]{1,3}|[A-ZÀ-Þ][\p{L}'’-]+)){1,4}$/u;
const SKILLS_LABEL = /^(?:skills|vaardigheden|competenties|kennis|expertise)\s*[:\-]\s*(.+)$/i;
const HEADINGS = /^(?:curriculum vitae|cv|resume|résumé|personalia|profiel|profile)$/i;

/** A Dutch name keeps its particles (van, de, van der) with the last name. */
function splitName(line: string): { firstName: string; lastName: string } {
  const parts = line.split(/\s+/);
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

/** Finds name, e-mail, phone and skills in CV text where it can; it guesses, the user decides. */
export function suggestFromText(text: string): CvSuggestions {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

  const nameLine = lines.slice(0, 8).find((line) => !HEADINGS.test(line) && NAME_LINE.test(line));
  const name = nameLine ? splitName(nameLine) : null;
  const skillsLine = lines.map((line) => SKILLS_LABEL.exec(line)?.[1]).find(Boolean);

  return {
    firstName: name?.firstName.slice(0, 80) ?? null,
    lastName: name?.lastName.slice(0, 80) ?? null,
    email: EMAIL.exec(text)?.[0].slice(0, 254) ?? null,
    phone: PHONE.exec(text)?.[0].slice(0, 40) ?? null,
    skills: skillsLine?.slice(0, 4000) ?? null,
  };
}
