import type { Core } from '@strapi/strapi';

import { awardsOf } from './awards';
import { clientRequestDetail, clientUserOf, listClientRequests } from './client-requests';
import { requestDetail } from './detail';
import { parseListParams } from './list-params';
import { consultantOf, supplierUserOf } from './people';
import { listRequests, visibleRequestId } from './queries';
import { askQuestion, questionText } from './questions';
import { assertMayManage, segmentIdsOf, segmentsOf, subscribe } from './subscriptions';

const DOCUMENT_ID = /^[a-z0-9]{1,40}$/;

/** A request outside the supplier's segments answers exactly like one that does not exist. */
const notFound = (ctx: any) => ctx.notFound(`There is no request ${ctx.params.documentId}.`);

/** The supplier's requests: the list, one request, and questions on it. */
const marketRequests = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const params = parseListParams(ctx.query ?? {});
    const member = await consultantOf(strapi, ctx);

    const { rows, total } = await listRequests(strapi, member.supplier.id, params);
    ctx.body = {
      data: rows,
      meta: {
        pagination: {
          page: params.page,
          pageSize: params.pageSize,
          pageCount: Math.ceil(total / params.pageSize),
          total,
        },
      },
    };
  },

  async detail(ctx: any) {
    const member = await consultantOf(strapi, ctx);
    if (!DOCUMENT_ID.test(ctx.params.documentId)) return notFound(ctx);
    const id = await visibleRequestId(strapi, member.supplier.id, ctx.params.documentId);
    if (id === null) return notFound(ctx);

    ctx.body = { data: await requestDetail(strapi, id, member.supplier.id) };
  },

  async ask(ctx: any) {
    const member = await consultantOf(strapi, ctx);
    if (!DOCUMENT_ID.test(ctx.params.documentId)) return notFound(ctx);
    const id = await visibleRequestId(strapi, member.supplier.id, ctx.params.documentId);
    if (id === null) return notFound(ctx);

    const question = await askQuestion(strapi, member, id, questionText(ctx.request.body));
    ctx.status = 201;
    ctx.body = { data: { documentId: question.documentId, text: question.text, answer: null } };
  },
});

/** The segments a supplier follows. */
const marketSubscriptions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async segments(ctx: any) {
    const member = await supplierUserOf(strapi, ctx);
    ctx.body = { data: await segmentsOf(strapi, member.supplier.id) };
  },

  async update(ctx: any) {
    const member = await supplierUserOf(strapi, ctx);
    assertMayManage(member);

    await subscribe(strapi, member, segmentIdsOf(ctx.request.body));
    ctx.body = { data: await segmentsOf(strapi, member.supplier.id) };
  },
});

/** A client's own requests, for its hiring managers and budget holders to read and approve. */
const marketClientRequests = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const user = await clientUserOf(strapi, ctx);
    const { rows, pagination } = await listClientRequests(strapi, user, ctx.query ?? {});
    ctx.body = { data: rows, meta: { pagination } };
  },

  async detail(ctx: any) {
    const user = await clientUserOf(strapi, ctx);
    ctx.body = {
      data: await clientRequestDetail(strapi, user, String(ctx.params.documentId ?? '')),
    };
  },
});

/** The public awards page of a client. */
const marketAwards = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const awards = await awardsOf(strapi, String(ctx.params.slug ?? ''));
    if (!awards) return ctx.notFound('There is no client with this address.');
    ctx.body = { data: awards };
  },
});

export default { marketRequests, marketSubscriptions, marketClientRequests, marketAwards };
