import {
  CLIENTS,
  DEMO_PASSWORD,
  demoEmail,
  SUPPLIERS,
  type Person,
  type SupplierSpec,
} from './data';
import { create, found, update, UID, type Demo, type Rec } from './context';

export interface NewUser {
  /** Where the seed keeps the user: "bitwerk.administrator", "worker.jeroen", … */
  key: string;
  person: Person;
  /** The line in the printed logins. */
  who: string;
  userKind: 'supplier_user' | 'worker' | 'client_user';
  supplier?: Rec;
  client?: Rec;
  isConsultant?: boolean;
  isPayroll?: boolean;
  isHiringManager?: boolean;
  isBudgetHolder?: boolean;
}

/** A confirmed portal user with the demo password, listed among the demo logins. */
export async function createUser(demo: Demo, newUser: NewUser): Promise<Rec> {
  const { key, person, who, supplier, client, ...roles } = newUser;
  const email = demoEmail(person);
  const user = await create(demo, UID.user, {
    username: email,
    email,
    password: DEMO_PASSWORD,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: demo.portalRoleId,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone,
    locale: person.locale ?? 'nl',
    supplier: supplier?.id ?? null,
    client: client?.id ?? null,
    ...roles,
  });
  demo.users.set(key, user);
  demo.logins.push({ who, where: 'portal', email, password: DEMO_PASSWORD });

  return user;
}

const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

/** A hiring manager and a budget holder for each client. */
export async function seedClientUsers(demo: Demo): Promise<void> {
  for (const spec of CLIENTS) {
    const client = found(demo.clients, spec.slug);
    await createUser(demo, {
      key: `${spec.slug}.hiringManager`,
      person: spec.hiringManager,
      who: `${fullName(spec.hiringManager)}, hiring manager at ${spec.name}`,
      userKind: 'client_user',
      client,
      isHiringManager: true,
    });
    await createUser(demo, {
      key: `${spec.slug}.budgetHolder`,
      person: spec.budgetHolder,
      who: `${fullName(spec.budgetHolder)}, budget holder at ${spec.name}`,
      userKind: 'client_user',
      client,
      isBudgetHolder: true,
    });
  }
}

function administratorLabel(spec: SupplierSpec): string {
  const { administrator, legalName } = spec;
  if (spec.kind === 'self_employed')
    return `${fullName(administrator)}, self-employed (${legalName})`;
  const waiting = spec.state === 'pending_review' ? ', awaiting the desk’s review' : '';

  return `${fullName(administrator)}, administrator and consultant at ${legalName}${waiting}`;
}

/**
 * Each supplier's administrator, who is also a consultant; the self-employed do their own
 * payroll too. Two organisations have a separate payroll user.
 */
export async function seedSupplierUsers(demo: Demo): Promise<void> {
  for (const spec of SUPPLIERS) {
    const supplier = found(demo.suppliers, spec.key);
    const administrator = await createUser(demo, {
      key: `${spec.key}.administrator`,
      person: spec.administrator,
      who: administratorLabel(spec),
      userKind: 'supplier_user',
      supplier,
      isConsultant: true,
      isPayroll: spec.kind === 'self_employed',
    });
    await update(demo, UID.supplier, supplier, { administrator: administrator.id });

    if (spec.payroll) {
      await createUser(demo, {
        key: `${spec.key}.payroll`,
        person: spec.payroll,
        who: `${fullName(spec.payroll)}, payroll at ${spec.legalName}`,
        userKind: 'supplier_user',
        supplier,
        isPayroll: true,
      });
    }
  }
}
