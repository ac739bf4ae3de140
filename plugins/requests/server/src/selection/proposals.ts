import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clock } from '@desk/plugin-workflow';

import { assertConsultant, type SupplierUser } from './access';
import { CANDIDATE_UID } from './candidates';
import { problemsOf, readCompleteData, requiredFields } from './complete-data';
import { PROPOSAL_UID } from './history';
import { invoicingOf } from './invoicing';
import { alertDesk, proposalForMail } from './notify';
import { checkCriteriaAnswers, readProposalInput } from './proposal-input';
import { supplierSeesRequest } from './visibility';

const REQUEST_UID = 'plugin::requests.request';

/** A refusal that answers 409: the thing asked for exists already. */
export class ConflictError extends errors.ApplicationError {}

const amsterdam = (at: Date) =>
  at.toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'long',
    timeStyle: 'medium',
  });

const euros = (cents: number) => `€ ${(cents / 100).toFixed(2)}`;

/** What a supplier user sees of its own proposal: the candidate card (SPR). */
const CARD = {
  select: [
    'documentId',
    'number',
    'state',
    'offeredRateCents',
    'flexWorkerType',
    'invoicingParty',
    'criteriaAnswers',
    'availability',
    'statusHistory',
    'completedData',
    'completedAt',
    'proposedAt',
    'createdAt',
  ],
  populate: {
    request: {
      select: ['documentId', 'number', 'title', 'closesAt', 'state', 'startDate', 'hoursPerWeek'],
    },
    candidate: {
      select: ['documentId', 'firstName', 'lastName', 'email', 'phone', 'skills', 'isSelf'],
      populate: { cv: { select: ['documentId', 'name', 'mime', 'size'] } },
    },
  },
};

/** The proposals of suppliers: propose, list, the candidate card and Complete Data. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => strapi.plugin('workflow').service('workflow');

  /** The request to propose on, refused when it is not open for proposals at this second. */
  async function openRequest(user: SupplierUser, documentId: string) {
    const request = (await strapi.db.query(REQUEST_UID as any).findOne({
      where: { documentId },
      select: [
        'id',
        'documentId',
        'number',
        'state',
        'closesAt',
        'maxRateCents',
        'evaluationCriteria',
      ],
    })) as any;
    if (!request || !(await supplierSeesRequest(strapi, user.supplier.id, request))) {
      throw new errors.NotFoundError(`There is no request ${documentId}.`);
    }

    // Server time against the closing moment, to the second; the portal's clock does not count.
    const closesAt = request.closesAt ? new Date(request.closesAt) : null;
    if (request.state !== 'published' || !closesAt || clock.now().getTime() >= closesAt.getTime()) {
      const when = closesAt ? ` on ${amsterdam(closesAt)} (Amsterdam time)` : '';
      throw new errors.ValidationError(
        `Request ${request.number} closed${when}; it takes no more proposals.`,
        {
          code: 'REQUEST_CLOSED',
        },
      );
    }
    return request;
  }

  /** The candidate to propose: from the user's own pool, with a CV. */
  async function ownCandidate(user: SupplierUser, documentId: string) {
    const candidate = (await strapi.db.query(CANDIDATE_UID as any).findOne({
      where: { documentId, supplier: { id: user.supplier.id } },
      select: ['id', 'documentId', 'firstName', 'lastName', 'email', 'phone', 'isSelf'],
      populate: { cv: { select: ['id'] } },
    })) as any;
    if (!candidate) throw new errors.NotFoundError(`There is no candidate ${documentId}.`);
    if (!candidate.cv) {
      throw new errors.ValidationError(
        `${candidate.firstName} ${candidate.lastName} has no CV; add one before proposing.`,
        { code: 'CV_MISSING' },
      );
    }
    return candidate;
  }

  const conflict = (request: any, candidate: any) =>
    new ConflictError(
      `${candidate.firstName} ${candidate.lastName} is already proposed on request ${request.number}.`,
      { code: 'PROPOSAL_DUPLICATE' },
    );

  /**
   * Flags a proposal when another supplier proposes the same person on the same request: the same
   * e-mail address, or the same first name, last name and phone number. The desk decides.
   */
  async function markDualRepresentation(
    proposalDocumentId: string,
    request: any,
    candidate: any,
    user: SupplierUser,
  ) {
    const sameEmail = candidate.email ? [{ candidate: { email: candidate.email } }] : [];
    const sameNameAndPhone = candidate.phone
      ? [
          {
            candidate: {
              firstName: candidate.firstName,
              lastName: candidate.lastName,
              phone: candidate.phone,
            },
          },
        ]
      : [];
    if (!sameEmail.length && !sameNameAndPhone.length) return;

    const others = (await strapi.db.query(PROPOSAL_UID as any).findMany({
      where: {
        request: { id: request.id },
        supplier: { id: { $ne: user.supplier.id } },
        state: { $ne: 'withdrawn' },
        $or: [...sameEmail, ...sameNameAndPhone],
      },
      select: ['id', 'number'],
    })) as any[];
    if (!others.length) return;

    const ids = [...others.map((other) => other.id)];
    await strapi.db.query(PROPOSAL_UID as any).updateMany({
      where: { $or: [{ id: { $in: ids } }, { documentId: proposalDocumentId }] },
      data: { dualRepresentation: true },
    });
    const proposal = await proposalForMail(strapi, proposalDocumentId);
    const detail = `Also proposed as ${others.map((other) => other.number).join(', ')} by another supplier.`;
    if (proposal)
      await alertDesk(strapi, proposal, {
        kind: 'dual_representation',
        detail,
        key: proposalDocumentId,
      });
  }

  return {
    /** Creates the proposal and moves it draft -> proposed as the supplier, in one transaction. */
    async propose(user: SupplierUser, body: unknown) {
      assertConsultant(user);
      const input = readProposalInput(body);
      const request = await openRequest(user, input.request);
      if (request.maxRateCents !== null && input.offeredRateCents > request.maxRateCents) {
        throw new errors.ValidationError(
          `The offered rate ${euros(input.offeredRateCents)} is above the maximum rate of ` +
            `${euros(request.maxRateCents)} for request ${request.number}.`,
          { code: 'RATE_ABOVE_MAXIMUM', field: 'offeredRateCents' },
        );
      }
      const candidate = await ownCandidate(user, input.candidate);
      const criteriaAnswers = checkCriteriaAnswers(
        request.evaluationCriteria,
        input.criteriaAnswers,
      );
      const selectionKey = `${request.documentId}:${candidate.documentId}`;
      const existing = () =>
        strapi.db.query(PROPOSAL_UID as any).count({ where: { selectionKey } });
      if (await existing()) throw conflict(request, candidate);

      const data = {
        request: request.id,
        candidate: candidate.id,
        supplier: user.supplier.id,
        proposedBy: user.id,
        offeredRateCents: input.offeredRateCents,
        ...invoicingOf(user.supplier, candidate, input.flexWorkerType),
        criteriaAnswers,
        availability: input.availability,
        selectionKey,
        statusHistory: [],
      };
      try {
        const documentId = await strapi.db.transaction(async () => {
          const created = await strapi.documents(PROPOSAL_UID as any).create({ data } as any);
          await workflow().transition({
            uid: PROPOSAL_UID,
            documentId: created.documentId,
            to: 'proposed',
            data: { proposedAt: clock.now() },
          });
          await markDualRepresentation(created.documentId, request, candidate, user);
          return created.documentId as string;
        });
        return this.findOwn(user, documentId);
      } catch (error) {
        // The unique index on selectionKey stops a simultaneous twin; each database words it its own way.
        if (await existing()) throw conflict(request, candidate);
        throw error;
      }
    },

    /** One proposal of the user's own supplier, with what Complete Data still needs. */
    async findOwn(user: SupplierUser, documentId: string) {
      const proposal = (await strapi.db.query(PROPOSAL_UID as any).findOne({
        where: { documentId, supplier: { id: user.supplier.id } },
        ...CARD,
      })) as any;
      if (!proposal) throw new errors.NotFoundError(`There is no proposal ${documentId}.`);

      const data = proposal.completedData ?? {};
      return {
        ...proposal,
        completeData: {
          editable: proposal.state === 'accepted',
          required: requiredFields(proposal.invoicingParty),
          problems: proposal.state === 'accepted' ? problemsOf(data, proposal.invoicingParty) : [],
        },
      };
    },

    /** The user's own supplier's proposals, optionally of one request and in one status. */
    async list(
      user: SupplierUser,
      query: { request?: string; state?: string; page?: number; pageSize?: number },
    ) {
      const size = Math.min(Math.max(Math.trunc(Number(query.pageSize)) || 25, 1), 100);
      const page = Math.max(Math.trunc(Number(query.page)) || 1, 1);
      const where: Record<string, unknown> = { supplier: { id: user.supplier.id } };
      if (typeof query.request === 'string' && query.request)
        where.request = { documentId: query.request };
      if (typeof query.state === 'string' && query.state) where.state = query.state;

      const proposals = strapi.db.query(PROPOSAL_UID as any);
      const [results, total] = await Promise.all([
        proposals.findMany({
          where,
          select: [
            'documentId',
            'number',
            'state',
            'offeredRateCents',
            'flexWorkerType',
            'invoicingParty',
            'proposedAt',
          ],
          populate: {
            request: { select: ['documentId', 'number', 'title', 'closesAt'] },
            candidate: { select: ['documentId', 'firstName', 'lastName'] },
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * size,
          limit: size,
        }),
        proposals.count({ where }),
      ]);
      return { results, pagination: { page, pageSize: size, total } };
    },

    /**
     * Save Only keeps the form as it is; Submit Completed checks every required field and moves
     * the proposal accepted -> may_be_hired, with the data, in one transaction.
     */
    async saveCompletedData(user: SupplierUser, documentId: string, body: any) {
      assertConsultant(user);
      const current = await this.findOwn(user, documentId);
      if (current.state !== 'accepted') {
        throw new errors.ValidationError(
          `Complete Data is filled in once the candidate is accepted; proposal ${current.number} is ` +
            `${current.state.replace(/_/g, ' ')}.`,
          { code: 'COMPLETE_DATA_CLOSED' },
        );
      }
      const data = { ...(current.completedData ?? {}), ...readCompleteData(body?.data) };
      const submit = body?.submit === true;
      const problems = submit ? problemsOf(data, current.invoicingParty) : [];
      if (problems.length) {
        throw new errors.ValidationError(
          `Complete Data is not complete yet: ${problems.map((problem) => problem.message).join(' ')}`,
          { code: 'COMPLETE_DATA_INCOMPLETE', problems },
        );
      }

      await strapi.db.transaction(async () => {
        // Written through the query layer: the form holds personal data that the audit trail,
        // which records document service writes field by field, must not copy.
        await strapi.db
          .query(PROPOSAL_UID as any)
          .update({ where: { documentId }, data: { completedData: data } });
        if (submit) {
          await workflow().transition({
            uid: PROPOSAL_UID,
            documentId,
            to: 'may_be_hired',
            data: { completedAt: clock.now() },
          });
        }
      });
      return this.findOwn(user, documentId);
    },
  };
};
