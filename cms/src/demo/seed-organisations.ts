import { CLIENTS, DEMO_MAIL_DOMAIN, SEGMENTS, SUPPLIERS, type SupplierSpec } from './data';
import { create, DESK, findOrCreate, found, step, UID, update, walk, type Demo } from './context';
import { dutchIban } from './iban';
import { uploadLogo } from './logo';

/** The six fields of work; an existing segment of the same name is used as it is. */
export async function seedSegments(demo: Demo): Promise<void> {
  for (const segment of SEGMENTS) {
    demo.segments.set(segment.slug, await findOrCreate(demo, UID.segment, 'name', { ...segment }));
  }
}

/**
 * The three clients, each with its own portal address, colours and logo; their address,
 * invoicing and fee terms are written as a second step.
 */
export async function seedClients(demo: Demo): Promise<void> {
  for (const client of CLIENTS) {
    const logo = await uploadLogo(demo.strapi, client);
    const { supportEmail, supportPhone, supportHours, ...terms } = client.fields;
    // TODO: write a client in one step once the audit trail's changedFields is a text column:
    // a Strapi string is varchar(255) on PostgreSQL whatever its maxLength, and the names of
    // all of a client's fields together are longer than that.
    const record = await create(demo, UID.client, {
      name: client.name,
      slug: client.slug,
      hostNames: client.hostNames,
      primaryColor: client.primaryColor,
      accentColor: client.accentColor,
      logo,
      supportEmail,
      supportPhone,
      supportHours,
    });
    demo.clients.set(client.slug, await update(demo, UID.client, record, terms));
  }
}

function supplierData(demo: Demo, supplier: SupplierSpec): Record<string, unknown> {
  const [street, houseNumber, postalCode, city] = supplier.address;
  const { administrator } = supplier;

  return {
    kind: supplier.kind,
    legalName: supplier.legalName,
    kvkNumber: supplier.kvkNumber,
    vatNumber: supplier.vatNumber,
    street,
    houseNumber,
    postalCode,
    city,
    invoicingContactName: supplier.payroll
      ? `${supplier.payroll.firstName} ${supplier.payroll.lastName}`
      : `${administrator.firstName} ${administrator.lastName}`,
    invoicingEmail: `facturen.${supplier.key}@${DEMO_MAIL_DOMAIN}`,
    bankName: supplier.bank.name,
    iban: dutchIban(supplier.bank.code, supplier.bank.account),
    gAccountIban: supplier.gAccount ? dutchIban(supplier.bank.code, supplier.gAccount) : null,
    segments: supplier.segments.map((slug) => found(demo.segments, slug).id),
    termsVersion: '2026.1',
    termsAcceptedAt: demo.now,
    state: 'pending_review',
  };
}

/**
 * The ten suppliers. Each registers as if by the portal (waiting for review) and the desk
 * then activates all but one, which stays in the desk's review queue.
 */
export async function seedSuppliers(demo: Demo): Promise<void> {
  for (const supplier of SUPPLIERS) {
    const record = await create(demo, UID.supplier, supplierData(demo, supplier));
    if (supplier.state === 'active') {
      await walk(demo, UID.supplier, record, [
        step('active', DESK, { reviewNote: 'KvK en polis gecontroleerd.' }),
      ]);
    }
    demo.suppliers.set(supplier.key, record);
  }
}
