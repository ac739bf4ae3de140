/**
 * The demo's fixed organisations and people. Every company, person, address, KvK and VAT
 * number here is made up; e-mail addresses end in .test, a domain that never receives mail.
 */

/** One memorable password for every demo portal user; it is public, printed at start-up. */
export const DEMO_PASSWORD = 'Demo-2026-hiring-desk!';
export const DEMO_MAIL_DOMAIN = 'demo.hiring-desk.test';

export interface Person {
  firstName: string;
  lastName: string;
  phone: string;
  locale?: 'nl' | 'en';
}

/** A demo person's e-mail address: "thomas.vanleeuwen@demo.hiring-desk.test". */
export function demoEmail(person: { firstName: string; lastName: string }): string {
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();

  return `${plain(person.firstName)}.${plain(person.lastName)}@${DEMO_MAIL_DOMAIN}`;
}

export const SEGMENTS = [
  {
    slug: 'ict',
    name: 'ICT',
    description: 'Ontwikkeling, beheer, architectuur, informatiebeveiliging en data.',
  },
  {
    slug: 'finance-control',
    name: 'Finance & Control',
    description: 'Control, financieel advies, inkoop en subsidies.',
  },
  {
    slug: 'hr',
    name: 'HR',
    description: 'HR-advies, verzuim, recruitment en organisatieontwikkeling.',
  },
  {
    slug: 'zorg-welzijn',
    name: 'Zorg & Welzijn',
    description: 'Verpleging, begeleiding en leidinggevenden in de zorg.',
  },
  {
    slug: 'techniek',
    name: 'Techniek',
    description: 'Civiele techniek, infrastructuur, toezicht en technische dienst.',
  },
  {
    slug: 'projectmanagement',
    name: 'Projectmanagement',
    description: 'Project- en programmamanagement, PMO.',
  },
] as const;

export type SegmentSlug = (typeof SEGMENTS)[number]['slug'];

export interface ClientSpec {
  slug: string;
  name: string;
  initials: string;
  hostNames: string[];
  primaryColor: string;
  accentColor: string;
  fields: Record<string, unknown>;
  calendar: 'monthly' | 'four_weekly';
  hiringManager: Person;
  budgetHolder: Person;
}

export const CLIENTS: ClientSpec[] = [
  {
    slug: 'gemeente-rivierstad',
    name: 'Gemeente Rivierstad',
    initials: 'GR',
    hostNames: ['werken.gemeente-rivierstad.test'],
    primaryColor: '#0b4f6c',
    accentColor: '#f4a259',
    fields: {
      supportEmail: 'inhuur@gemeente-rivierstad.test',
      supportPhone: '030 765 4321',
      supportHours: 'Maandag tot en met vrijdag 8.30–17.00 uur',
      kvkNumber: '50123456',
      vatNumber: 'NL001234567B01',
      street: 'Stadhuisplein',
      houseNumber: '1',
      postalCode: '3512 RK',
      city: 'Rivierstad',
      invoiceEmail: 'facturen@gemeente-rivierstad.test',
      feeKind: 'percentage',
      feePercentBasisPoints: 275,
      feePaidBy: 'supplier',
      vogPolicy: 'not_required',
      clientApprovalBeforeDistribution: false,
      requireMfa: true,
      publishAwardRates: true,
    },
    calendar: 'monthly',
    hiringManager: { firstName: 'Marieke', lastName: 'Hendriks', phone: '06 2143 6587' },
    budgetHolder: { firstName: 'Henk', lastName: 'de Boer', phone: '06 3254 7698' },
  },
  {
    slug: 'provincie-heuvelland',
    name: 'Provincie Heuvelland',
    initials: 'PH',
    hostNames: ['inhuur.provincie-heuvelland.test'],
    primaryColor: '#2e4057',
    accentColor: '#66a182',
    fields: {
      supportEmail: 'flexpool@provincie-heuvelland.test',
      supportPhone: '026 359 9100',
      supportHours: 'Werkdagen 9.00–16.30 uur',
      kvkNumber: '51234567',
      vatNumber: 'NL002345678B01',
      street: 'Provinciehuisweg',
      houseNumber: '12',
      postalCode: '6811 HL',
      city: 'Heuvelstein',
      invoiceEmail: 'crediteuren@provincie-heuvelland.test',
      feeKind: 'per_hour',
      feePerHourCents: 175,
      feePaidBy: 'client',
      vogPolicy: 'required_for_self_employed',
      clientApprovalBeforeDistribution: true,
      requireMfa: false,
    },
    calendar: 'four_weekly',
    hiringManager: { firstName: 'Anouk', lastName: 'Vermeulen', phone: '06 4365 8709' },
    budgetHolder: { firstName: 'Gerrit', lastName: 'Dekker', phone: '06 5476 9810' },
  },
  {
    slug: 'zorggroep-lindehof',
    name: 'Zorggroep De Lindehof',
    initials: 'LH',
    hostNames: ['flex.zorggroep-lindehof.test'],
    primaryColor: '#7b2d26',
    accentColor: '#e0b04c',
    fields: {
      supportEmail: 'flexbureau@zorggroep-lindehof.test',
      supportPhone: '038 421 7700',
      supportHours: 'Dagelijks 8.00–20.00 uur',
      kvkNumber: '41234569',
      vatNumber: 'NL803456789B01',
      street: 'Lindelaan',
      houseNumber: '40',
      postalCode: '8021 LD',
      city: 'Lindeveen',
      invoiceEmail: 'facturen@zorggroep-lindehof.test',
      feeKind: 'percentage',
      feePercentBasisPoints: 350,
      feePaidBy: 'client',
      vogPolicy: 'required_for_all',
      clientApprovalBeforeDistribution: false,
      requireMfa: false,
      allowLocationApproval: false,
    },
    calendar: 'monthly',
    hiringManager: { firstName: 'Yvonne', lastName: 'Bos', phone: '06 6587 1092' },
    budgetHolder: { firstName: 'Karim', lastName: 'Haddou', phone: '06 7698 2103', locale: 'en' },
  },
];

export type ClientSlug = 'gemeente-rivierstad' | 'provincie-heuvelland' | 'zorggroep-lindehof';

export interface SupplierSpec {
  key: string;
  kind: 'organisation' | 'self_employed';
  legalName: string;
  kvkNumber: string;
  vatNumber: string;
  address: [street: string, houseNumber: string, postalCode: string, city: string];
  bank: { name: string; code: string; account: string };
  /** The account of a G-account (G-rekening): wage tax and VAT held apart for a staffing supplier. */
  gAccount?: string;
  segments: SegmentSlug[];
  state: 'active' | 'pending_review';
  /** The organisation's administrator, also a consultant; for the self-employed, the person. */
  administrator: Person;
  payroll?: Person;
  /** What a self-employed person offers, for their candidate record. */
  skills?: string;
}

export const SUPPLIERS: SupplierSpec[] = [
  {
    key: 'bitwerk',
    kind: 'organisation',
    legalName: 'Bitwerk Detachering B.V.',
    kvkNumber: '61234501',
    vatNumber: 'NL861234501B01',
    address: ['Stationsplein', '17', '3818 LE', 'Amersfoort'],
    bank: { name: 'ING Bank', code: 'INGB', account: '0651234501' },
    gAccount: '0990123450',
    segments: ['ict'],
    state: 'active',
    administrator: { firstName: 'Sanne', lastName: 'de Vries', phone: '06 1234 5601' },
    payroll: { firstName: 'Mark', lastName: 'Visser', phone: '033 200 1100' },
  },
  {
    key: 'klaver',
    kind: 'organisation',
    legalName: 'Klaver Interim B.V.',
    kvkNumber: '62345602',
    vatNumber: 'NL862345602B01',
    address: ['Maliebaan', '52', '3581 CV', 'Utrecht'],
    bank: { name: 'Rabobank', code: 'RABO', account: '0312345602' },
    gAccount: '0398765402',
    segments: ['finance-control', 'hr', 'projectmanagement'],
    state: 'active',
    administrator: { firstName: 'Pieter', lastName: 'Bakker', phone: '06 1234 5602' },
  },
  {
    key: 'zorgkracht',
    kind: 'organisation',
    legalName: 'Zorgkracht Flex B.V.',
    kvkNumber: '63456703',
    vatNumber: 'NL863456703B01',
    address: ['Burgemeester Roelenweg', '9', '8021 EV', 'Zwolle'],
    bank: { name: 'ABN AMRO', code: 'ABNA', account: '0456703120' },
    gAccount: '0456703999',
    segments: ['zorg-welzijn'],
    state: 'active',
    administrator: { firstName: 'Fatima', lastName: 'El Amrani', phone: '06 1234 5603' },
    payroll: { firstName: 'Ingrid', lastName: 'Mulder', phone: '038 300 2200' },
  },
  {
    key: 'technoplaats',
    kind: 'organisation',
    legalName: 'TechnoPlaats Techniek B.V.',
    kvkNumber: '64567804',
    vatNumber: 'NL864567804B01',
    address: ['Kennedyplein', '200', '5611 ZT', 'Eindhoven'],
    bank: { name: 'ING Bank', code: 'INGB', account: '0764567804' },
    gAccount: '0990456780',
    segments: ['techniek', 'projectmanagement'],
    state: 'active',
    administrator: { firstName: 'Johan', lastName: 'Smit', phone: '06 1234 5604' },
  },
  {
    key: 'overheidsprofs',
    kind: 'organisation',
    legalName: 'Overheidsprofs B.V.',
    kvkNumber: '65678905',
    vatNumber: 'NL865678905B01',
    address: ['Lange Voorhout', '8', '2514 ED', 'Den Haag'],
    bank: { name: 'ABN AMRO', code: 'ABNA', account: '0567890512' },
    segments: ['ict', 'finance-control', 'hr'],
    state: 'active',
    administrator: { firstName: 'Lotte', lastName: 'Jansen', phone: '06 1234 5605' },
  },
  {
    key: 'noorderlicht',
    kind: 'organisation',
    legalName: 'Noorderlicht Professionals B.V.',
    kvkNumber: '66789006',
    vatNumber: 'NL866789006B01',
    address: ['Grote Markt', '31', '9711 LV', 'Groningen'],
    bank: { name: 'Triodos Bank', code: 'TRIO', account: '0678900612' },
    segments: ['ict', 'projectmanagement'],
    state: 'active',
    administrator: { firstName: 'Ruben', lastName: 'Kok', phone: '06 1234 5606' },
  },
  {
    key: 'veldwerk',
    kind: 'organisation',
    legalName: 'Veldwerk Uitzendgroep B.V.',
    kvkNumber: '67890107',
    vatNumber: 'NL867890107B01',
    address: ['Velperplein', '4', '6811 AG', 'Arnhem'],
    bank: { name: 'Rabobank', code: 'RABO', account: '0789010733' },
    segments: ['techniek', 'zorg-welzijn'],
    state: 'pending_review',
    administrator: { firstName: 'Emma', lastName: 'Peters', phone: '06 1234 5607' },
  },
  {
    key: 'ramdin',
    kind: 'self_employed',
    legalName: 'Ramdin IT-Advies',
    kvkNumber: '81234508',
    vatNumber: 'NL004512308B57',
    address: ['Witte de Withstraat', '88', '3012 BT', 'Rotterdam'],
    bank: { name: 'Knab', code: 'KNAB', account: '0812345080' },
    segments: ['ict'],
    state: 'active',
    administrator: { firstName: 'Devi', lastName: 'Ramdin', phone: '06 4821 3390', locale: 'en' },
    skills: 'Data engineering, Python, SQL, Azure Data Factory, functioneel beheer',
  },
  {
    key: 'vanleeuwen',
    kind: 'self_employed',
    legalName: 'Van Leeuwen Financieel Advies',
    kvkNumber: '82345609',
    vatNumber: 'NL004623409B12',
    address: ['Grote Houtstraat', '140', '2011 SV', 'Haarlem'],
    bank: { name: 'bunq', code: 'BUNQ', account: '0823456090' },
    segments: ['finance-control'],
    state: 'active',
    administrator: { firstName: 'Thomas', lastName: 'van Leeuwen', phone: '06 5932 4401' },
    skills: 'Interim controller, BBV, Wlz-financiering, begroting en jaarrekening',
  },
  {
    key: 'yilmaz',
    kind: 'self_employed',
    legalName: 'Yilmaz Zorg & HR Advies',
    kvkNumber: '83456710',
    vatNumber: 'NL004734510B88',
    address: ['Molenstraat', '23', '6511 HB', 'Nijmegen'],
    bank: { name: 'ASN Bank', code: 'ASNB', account: '0834567100' },
    segments: ['zorg-welzijn', 'hr'],
    state: 'active',
    administrator: { firstName: 'Elif', lastName: 'Yilmaz', phone: '06 6043 5512' },
    skills:
      'HR-advies verzuim en re-integratie, Wet verbetering poortwachter, teamcoaching in de zorg',
  },
];

export const HOUR_TYPES = [
  {
    code: 'NORMAAL',
    name: 'Normale uren',
    kind: 'hours',
    unit: 'hour',
    rateFactorBasisPoints: 10000,
  },
  {
    code: 'OVERWERK125',
    name: 'Overwerk 125%',
    kind: 'hours',
    unit: 'hour',
    rateFactorBasisPoints: 12500,
  },
  {
    code: 'OVERWERK150',
    name: 'Overwerk 150%',
    kind: 'hours',
    unit: 'hour',
    rateFactorBasisPoints: 15000,
  },
  {
    code: 'REISKOSTEN',
    name: 'Reiskosten per kilometer',
    kind: 'allowance',
    unit: 'kilometre',
    amountCents: 23,
  },
  {
    code: 'THUISWERK',
    name: 'Thuiswerkvergoeding per dag',
    kind: 'allowance',
    unit: 'day',
    amountCents: 245,
  },
] as const;

export const DOCUMENT_TYPES = [
  {
    code: 'KVK_EXTRACT',
    name: 'Uittreksel Kamer van Koophandel',
    description:
      'Een uittreksel uit het Handelsregister van de KvK (Kamer van Koophandel), niet ouder dan zes maanden.',
    scope: 'supplier_file',
    handling: 'approve',
    validityMonths: 6,
  },
  {
    code: 'VOG',
    name: 'Verklaring Omtrent het Gedrag',
    description:
      'De VOG van Justis, gevraagd door opdrachtgevers die dat voor zelfstandigen eisen.',
    scope: 'self_employed_file',
    handling: 'approve',
    blocksTimeEntry: true,
    validityMonths: 36,
  },
  {
    code: 'INSURANCE',
    name: 'Polis beroeps- en bedrijfsaansprakelijkheid',
    description: 'Het polisblad van de beroeps- en bedrijfsaansprakelijkheidsverzekering.',
    scope: 'supplier_file',
    handling: 'approve',
    validityMonths: 12,
  },
  {
    code: 'G_ACCOUNT_AGREEMENT',
    name: 'G-rekeningovereenkomst',
    description:
      'De overeenkomst voor de G-rekening, waarop het deel voor loonheffing en btw wordt gestort.',
    scope: 'supplier_file',
    handling: 'for_information',
    required: false,
  },
] as const;

/** The DAS (dynamic purchasing system, dynamisch aankoopsysteem) of the demo's municipality. */
export const DAS = {
  client: 'gemeente-rivierstad' as ClientSlug,
  segment: 'ict' as SegmentSlug,
  reference: 'RS-DAS-ICT-01',
  reviewWorkingDays: 10,
  years: 4,
  description:
    'Dynamisch aankoopsysteem voor de inhuur van ICT-professionals door de gemeente Rivierstad. ' +
    'Leveranciers die aan de geschiktheidseisen voldoen, worden gedurende de looptijd toegelaten.',
  admissions: [
    { supplier: 'bitwerk', state: 'admitted', submittedDaysAgo: 40 },
    { supplier: 'overheidsprofs', state: 'submitted', submittedDaysAgo: 2 },
  ],
} as const;
