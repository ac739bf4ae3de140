import type { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { SupplierUser } from './access';
import { CV_MIME } from './cv';
import type { CheckedCv } from './uploads';

export const CANDIDATE_UID = 'plugin::requests.candidate';

/** What a supplier user sees of a candidate in their pool. */
const CANDIDATE_FIELDS = [
  'documentId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'skills',
  'isSelf',
  'createdAt',
];
const CV_FIELDS = ['documentId', 'name', 'mime', 'size'];

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const PHONE = /^[0-9+()\-. ]{6,40}$/;

type Fields = Record<string, unknown>;

function text(
  fields: Fields,
  name: string,
  max: number,
  label: string,
  required = false,
): string | null {
  const value = typeof fields[name] === 'string' ? (fields[name] as string).trim() : '';
  if (!value && required)
    throw new errors.ValidationError(`Fill in the ${label}.`, { field: name });
  if (value.length > max) {
    throw new errors.ValidationError(`The ${label} has at most ${max} characters.`, {
      field: name,
    });
  }
  return value || null;
}

/** The candidate's details as the user confirmed them; the CV's suggestions are not trusted. */
export function candidateFields(fields: Fields) {
  const email = text(fields, 'email', 254, 'e-mail address');
  const phone = text(fields, 'phone', 40, 'phone number');
  if (email && !EMAIL.test(email))
    throw new errors.ValidationError('The e-mail address is not valid.', { field: 'email' });
  if (phone && !PHONE.test(phone))
    throw new errors.ValidationError('The phone number is not valid.', { field: 'phone' });

  return {
    firstName: text(fields, 'firstName', 80, 'first name', true),
    lastName: text(fields, 'lastName', 80, 'last name', true),
    email: email?.toLowerCase() ?? null,
    phone,
    skills: text(fields, 'skills', 4000, 'skills'),
  };
}

/** A supplier's candidate pool: candidates with their private CVs. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Stores the CV privately and adds the candidate, together or not at all. */
  async create(user: SupplierUser, cv: CheckedCv, fields: Fields) {
    const data = candidateFields(fields);
    // Only a self-employed supplier can be its own candidate; it then invoices itself (point 11).
    const isSelf =
      user.supplier.kind === 'self_employed' && ['true', true].includes(fields.isSelf as any);

    const documentId = await strapi.db.transaction(async () => {
      const file = await strapi.plugin('files').service('storage').store({
        buffer: cv.buffer,
        name: cv.name,
        mime: CV_MIME[cv.kind],
        kind: 'cv',
        supplierId: user.supplier.id,
      });
      const candidate = await strapi.documents(CANDIDATE_UID as any).create({
        data: {
          ...data,
          isSelf,
          supplier: user.supplier.id,
          user: isSelf ? user.id : null,
          cv: file.id,
        },
      } as any);
      return candidate.documentId as string;
    });
    return this.findOwn(user, documentId);
  },

  /** One candidate of the user's own supplier; another supplier's answers as if it did not exist. */
  async findOwn(user: SupplierUser, documentId: string) {
    const candidate = await strapi.db.query(CANDIDATE_UID as any).findOne({
      where: { documentId, supplier: { id: user.supplier.id } },
      select: CANDIDATE_FIELDS,
      populate: { cv: { select: CV_FIELDS } },
    });
    if (!candidate) throw new errors.NotFoundError(`There is no candidate ${documentId}.`);
    return candidate;
  },

  /** The pool of the user's own supplier, newest first. */
  async list(
    user: SupplierUser,
    { page = 1, pageSize = 25 }: { page?: number; pageSize?: number },
  ) {
    const size = Math.min(Math.max(Math.trunc(pageSize) || 25, 1), 100);
    const current = Math.max(Math.trunc(page) || 1, 1);
    const where = { supplier: { id: user.supplier.id } };
    const query = strapi.db.query(CANDIDATE_UID as any);

    const [results, total] = await Promise.all([
      query.findMany({
        where,
        select: CANDIDATE_FIELDS,
        populate: { cv: { select: CV_FIELDS } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (current - 1) * size,
        limit: size,
      }),
      query.count({ where }),
    ]);
    return { results, pagination: { page: current, pageSize: size, total } };
  },

  /**
   * Opens a candidate's CV. `supplierId` limits it to that supplier's pool (portal users);
   * null is the desk, which may read every CV.
   */
  async openCv(
    documentId: string,
    supplierId: number | null,
  ): Promise<{ stream: Readable; name: string; mime: string; size: number }> {
    const candidate = (await strapi.db.query(CANDIDATE_UID as any).findOne({
      where: { documentId, ...(supplierId === null ? {} : { supplier: { id: supplierId } }) },
      select: ['id'],
      populate: { cv: { select: ['documentId'] } },
    })) as any;
    if (!candidate?.cv)
      throw new errors.NotFoundError(`There is no CV for candidate ${documentId}.`);
    return strapi.plugin('files').service('storage').open(candidate.cv.documentId);
  },
});
