import type { Core } from '@strapi/strapi';

import { assertConsultant, supplierUserOf } from './access';
import { ConflictError } from './proposals';
import { readCv, suggestionsOf } from './uploads';

const service = (strapi: Core.Strapi, name: string) => strapi.plugin('requests').service(name);

/** Sends a private file as a download: never cached, never sniffed, never shown inline. */
export function sendFile(
  ctx: any,
  file: { stream: NodeJS.ReadableStream; name: string; mime: string; size: number },
) {
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Length', String(file.size));
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = file.stream;
}

/** Supplier users' candidate pool: POST/GET /api/requests/candidates and the CV download. */
export const selectionCandidates = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    assertConsultant(user);
    const cv = await readCv(ctx);
    ctx.status = 201;
    ctx.body = {
      data: await service(strapi, 'selectionCandidates').create(user, cv, ctx.request.body ?? {}),
    };
  },

  /** The CV's suggestions for the form, read from the file and forgotten; nothing is stored. */
  async preview(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    assertConsultant(user);
    const cv = await readCv(ctx);
    ctx.body = { data: { kind: cv.kind, suggestions: await suggestionsOf(cv) } };
  },

  async list(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    const { page, pageSize } = ctx.query ?? {};
    const { results, pagination } = await service(strapi, 'selectionCandidates').list(user, {
      page: Number(page) || 1,
      pageSize: Number(pageSize) || 25,
    });
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    ctx.body = {
      data: await service(strapi, 'selectionCandidates').findOwn(user, ctx.params.documentId),
    };
  },

  async cv(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    sendFile(
      ctx,
      await service(strapi, 'selectionCandidates').openCv(ctx.params.documentId, user.supplier.id),
    );
  },
});

/** Supplier users' proposals: propose, list, the candidate card and Complete Data. */
export const selectionProposals = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    try {
      ctx.status = 201;
      ctx.body = {
        data: await service(strapi, 'selectionProposals').propose(user, ctx.request.body),
      };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      ctx.conflict(error.message, error.details);
    }
  },

  async list(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    const { results, pagination } = await service(strapi, 'selectionProposals').list(
      user,
      ctx.query ?? {},
    );
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    ctx.body = {
      data: await service(strapi, 'selectionProposals').findOwn(user, ctx.params.documentId),
    };
  },

  async completedData(ctx: any) {
    const user = await supplierUserOf(strapi, ctx);
    const proposals = service(strapi, 'selectionProposals');
    ctx.body = {
      data: await proposals.saveCompletedData(user, ctx.params.documentId, ctx.request.body),
    };
  },
});
