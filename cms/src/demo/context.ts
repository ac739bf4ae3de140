import type { Core } from '@strapi/strapi';
import { runAs, type Actor } from '@desk/plugin-workflow';

export const UID = {
  segment: 'plugin::organisations.segment',
  client: 'plugin::organisations.client',
  supplier: 'plugin::organisations.supplier',
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
  request: 'plugin::requests.request',
  candidate: 'plugin::requests.candidate',
  proposal: 'plugin::requests.proposal',
  hourType: 'plugin::assignments.hour-type',
  assignment: 'plugin::assignments.assignment',
  timesheet: 'plugin::assignments.timesheet',
  documentType: 'plugin::compliance.document-type',
  paymentCalendar: 'plugin::billing.payment-calendar',
  das: 'plugin::das.das',
  admission: 'plugin::das.admission',
} as const;

/** A stored record as the document service returns it. */
export interface Rec {
  id: number;
  documentId: string;
  [field: string]: any;
}

export interface DemoLogin {
  who: string;
  where: 'admin' | 'portal';
  email: string;
  password: string;
}

/** What the seed has written so far, by the keys of the fixed data. */
export interface Demo {
  strapi: Core.Strapi;
  now: Date;
  /** Today in Amsterdam, "YYYY-MM-DD". */
  today: string;
  /** The users-permissions role of every portal user ("authenticated"). */
  portalRoleId: number;
  segments: Map<string, Rec>;
  clients: Map<string, Rec>;
  suppliers: Map<string, Rec>;
  /** Users by role: "bitwerk.administrator", "gemeente-rivierstad.hiringManager", "worker.jeroen". */
  users: Map<string, Rec>;
  requests: Map<string, Rec>;
  candidates: Map<string, Rec>;
  /** Proposals by "<request>/<candidate>". */
  proposals: Map<string, Rec>;
  das: Rec | null;
  logins: DemoLogin[];
}

export const DESK: Actor = { kind: 'desk', source: 'admin', id: null, label: 'demo-data' };

/** A portal user acting for their organisation, as the portal's REST calls would. */
export function portalActor(user: Rec, kind: 'supplier' | 'client' | 'worker'): Actor {
  return { kind, source: 'portal', id: String(user.id), label: user.email };
}

export function found<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data refers to "${key}", which was not seeded.`);

  return value;
}

const documents = (demo: Demo, uid: string) => demo.strapi.documents(uid as any) as any;

export async function create(demo: Demo, uid: string, data: Record<string, unknown>): Promise<Rec> {
  return documents(demo, uid).create({ data });
}

export async function update(
  demo: Demo,
  uid: string,
  record: Rec,
  data: Record<string, unknown>,
): Promise<Rec> {
  return documents(demo, uid).update({ documentId: record.documentId, data });
}

/** The record with this value in a unique field, created from `data` when there is none. */
export async function findOrCreate(
  demo: Demo,
  uid: string,
  field: string,
  data: Record<string, any>,
): Promise<Rec> {
  const existing = await documents(demo, uid).findFirst({ filters: { [field]: data[field] } });

  return existing ?? create(demo, uid, data);
}

export interface Step {
  to: string;
  /** Who moves; null for the seed's own job (a system actor, as scheduled jobs are). */
  by: Actor | null;
  data?: Record<string, unknown>;
  reason?: string;
}

export function step(
  to: string,
  by: Actor | null,
  data?: Record<string, unknown>,
  reason?: string,
): Step {
  return { to, by, data, reason };
}

/** Moves a record through its transition table one step at a time, each as its own actor. */
export async function walk(demo: Demo, uid: string, record: Rec, steps: Step[]): Promise<void> {
  const workflow = demo.strapi.plugin('workflow').service('workflow');
  for (const { to, by, data, reason } of steps) {
    const move = () =>
      workflow.transition({ uid, documentId: record.documentId, to, data, reason });
    await (by ? runAs(by, move) : move());
  }
}

export const daysFrom = (instant: Date, days: number): Date =>
  new Date(instant.getTime() + days * 86_400_000);

export const earliest = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
