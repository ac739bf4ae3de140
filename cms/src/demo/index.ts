import type { Core } from '@strapi/strapi';
import { clock, runAsJob } from '@desk/plugin-workflow';

import { UID, type Demo, type DemoLogin } from './context';
import { amsterdamDate } from './dates';
import { seedHourAndDocumentTypes, seedPaymentCalendars } from './seed-catalogue';
import { seedAssignments } from './seed-assignments';
import { seedDas } from './seed-das';
import { seedClients, seedSegments, seedSuppliers } from './seed-organisations';
import { seedClientUsers, seedSupplierUsers } from './seed-people';
import { seedCandidates, seedProposals } from './seed-proposals';
import { finishRequests, seedRequests } from './seed-requests';

export type { DemoLogin } from './context';
export { printDemoLogins } from './logins';

/**
 * Fills an empty database with demo data: three clients, ten suppliers, thirty requests and
 * the rest. Does nothing (and returns null) once any client exists, so it runs on first start
 * only. Returns the demo's portal logins for printing.
 */
export async function seedDemoData(strapi: Core.Strapi): Promise<DemoLogin[] | null> {
  const clients = await strapi.db.query(UID.client as any).count();
  if (clients > 0) return null;

  return writeDemoData(strapi);
}

/**
 * Writes the demo data whatever the database holds, as the job "demo-data" and in one
 * transaction: a failure half-way leaves nothing behind, so the next start tries again.
 */
export async function writeDemoData(strapi: Core.Strapi): Promise<DemoLogin[]> {
  const started = Date.now();
  const demo = await runAsJob('demo-data', () => strapi.db.transaction(() => seedAll(strapi)));

  strapi.log.info(
    `Demo data written in ${Date.now() - started} ms: ${demo.clients.size} clients, ` +
      `${demo.suppliers.size} suppliers, ${demo.requests.size} requests, ${demo.proposals.size} proposals, ` +
      `${demo.users.size} portal users.`,
  );
  return demo.logins;
}

async function seedAll(strapi: Core.Strapi): Promise<Demo> {
  const demo = await startDemo(strapi);

  await seedSegments(demo);
  await seedClients(demo);
  await seedSuppliers(demo);
  await seedClientUsers(demo);
  await seedSupplierUsers(demo);
  await seedHourAndDocumentTypes(demo);
  await seedPaymentCalendars(demo);
  await seedDas(demo);

  // Requests are published before proposals come in, and closed or awarded after.
  await seedRequests(demo);
  await seedCandidates(demo);
  await seedProposals(demo);
  await finishRequests(demo);
  await seedAssignments(demo);

  return demo;
}

async function startDemo(strapi: Core.Strapi): Promise<Demo> {
  const role = await strapi.db.query(UID.role as any).findOne({ where: { type: 'authenticated' } });
  if (!role)
    throw new Error('The users-permissions role "authenticated" is missing; demo users need it.');
  const now = clock.now();

  return {
    strapi,
    now,
    today: amsterdamDate(now),
    portalRoleId: (role as any).id,
    segments: new Map(),
    clients: new Map(),
    suppliers: new Map(),
    users: new Map(),
    requests: new Map(),
    candidates: new Map(),
    proposals: new Map(),
    das: null,
    logins: [],
  };
}
