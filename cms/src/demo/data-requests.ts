import type { ClientSlug, SegmentSlug } from './data';

/**
 * The demo's requests, candidates, proposals and assignments. Dates are days from today in
 * Amsterdam, so the demo looks current whenever it is seeded.
 */

export type RequestState =
  | 'draft'
  | 'awaiting_client_approval'
  | 'approved'
  | 'published'
  | 'closed'
  | 'awarded'
  | 'cancelled';

export interface Criterion {
  key: string;
  text: string;
  weight: number;
  knockOut: boolean;
  filledBy: 'supplier' | 'desk';
}

export interface RequestSpec {
  key: string;
  client: ClientSlug;
  segment: SegmentSlug;
  state: RequestState;
  title: string;
  description: string;
  hoursPerWeek: number;
  /** Null: the client pays the market rate. */
  maxRateCents: number | null;
  closesInDays: number;
  /** Days from today to the start; the start is moved to the Monday on or after it. */
  startInDays: number;
  months: number;
  criteria: Criterion[];
  /** Only for suppliers admitted to the client's DAS. */
  das?: boolean;
  /** A cancelled request was stopped as a draft, or after it was published. */
  cancelledFrom?: 'draft' | 'published';
}

const must = (key: string, text: string, weight: number): Criterion => ({
  key,
  text,
  weight,
  knockOut: true,
  filledBy: 'supplier',
});
const want = (
  key: string,
  text: string,
  weight: number,
  filledBy: Criterion['filledBy'] = 'supplier',
): Criterion => ({
  key,
  text,
  weight,
  knockOut: false,
  filledBy,
});
const cvFit = (text: string, weight = 50) => want('cv', text, weight, 'desk');
const rate = (weight = 20) => want('rate', 'Hoogte van het uurtarief', weight, 'desk');

const R = 'gemeente-rivierstad';
const H = 'provincie-heuvelland';
const L = 'zorggroep-lindehof';

export const REQUESTS: RequestSpec[] = [
  {
    key: 'rs-java',
    client: R,
    segment: 'ict',
    state: 'awarded',
    title: 'Senior Java-ontwikkelaar Burgerzaken',
    description:
      'Het team Burgerzaken vernieuwt de koppelingen met de BRP. Je bouwt en onderhoudt ' +
      'Java-services (Spring Boot) en werkt in een scrumteam van zeven mensen.',
    hoursPerWeek: 36,
    maxRateCents: 11500,
    closesInDays: -70,
    startInDays: -56,
    months: 12,
    criteria: [
      must('java', '5+ jaar ervaring met Java en Spring Boot', 30),
      want('gov', 'Ervaring met StUF- of BRP-koppelingen', 20),
      cvFit('Relevante ervaring bij gemeenten', 30),
      rate(),
    ],
  },
  {
    key: 'rs-omgevingswet',
    client: R,
    segment: 'projectmanagement',
    state: 'awarded',
    title: 'Projectleider implementatie Omgevingswet',
    description:
      'Je leidt de implementatie van de Omgevingswet in de vergunningverlening: processen, ' +
      'systemen en opleiding van medewerkers. Je rapporteert aan de programmamanager.',
    hoursPerWeek: 32,
    maxRateCents: 12500,
    closesInDays: -75,
    startInDays: -56,
    months: 9,
    criteria: [
      must('pm', 'Minimaal 5 jaar ervaring als projectleider bij een overheid', 30),
      want('ow', 'Kennis van de Omgevingswet en het DSO', 25),
      cvFit('Ervaring met verandertrajecten in de uitvoering', 25),
      rate(),
    ],
  },
  {
    key: 'rs-devops',
    client: R,
    segment: 'ict',
    state: 'published',
    das: true,
    title: 'DevOps-engineer Azure',
    description:
      'Je automatiseert de uitrol van de gemeentelijke applicaties naar Azure met Terraform en ' +
      'Azure DevOps, en helpt de teams hun pipelines te beheren.',
    hoursPerWeek: 36,
    maxRateCents: 10500,
    closesInDays: 9,
    startInDays: 35,
    months: 6,
    criteria: [
      must('azure', 'Aantoonbare ervaring met Azure en Terraform', 35),
      want('cert', 'Certificering AZ-400', 15),
      cvFit('Ervaring in een overheidsomgeving (BIO)', 30),
      rate(),
    ],
  },
  {
    key: 'rs-security',
    client: R,
    segment: 'ict',
    state: 'published',
    das: true,
    title: 'Security officer (CISO-office)',
    description:
      'Je ondersteunt de CISO bij risicoanalyses, de ENSIA-verantwoording en de opvolging van ' +
      'beveiligingsincidenten.',
    hoursPerWeek: 32,
    maxRateCents: null,
    closesInDays: 12,
    startInDays: 42,
    months: 12,
    criteria: [
      must('bio', 'Kennis van de BIO en ENSIA', 30),
      want('cissp', 'CISSP of CISM', 20),
      cvFit('Ervaring als security officer bij een gemeente', 50),
    ],
  },
  {
    key: 'rs-data',
    client: R,
    segment: 'ict',
    state: 'published',
    title: 'Data-analist Sociaal Domein',
    description:
      'Je maakt dashboards over de Wmo en de Jeugdwet voor beleid en management, in Power BI ' +
      'op het gemeentelijke datawarehouse.',
    hoursPerWeek: 36,
    maxRateCents: 9000,
    closesInDays: 6,
    startInDays: 28,
    months: 6,
    criteria: [
      must('sql', 'Ervaring met SQL en Power BI', 30),
      want('social', 'Kennis van het sociaal domein', 20),
      cvFit('Ervaring met privacy by design (AVG)', 30),
      rate(),
    ],
  },
  {
    key: 'rs-controller',
    client: R,
    segment: 'finance-control',
    state: 'published',
    title: 'Concerncontroller',
    description:
      'Je adviseert de directie over de P&C-cyclus en stelt de jaarrekening en de ' +
      'voorjaarsnota mee op.',
    hoursPerWeek: 36,
    maxRateCents: 11000,
    closesInDays: 14,
    startInDays: 42,
    months: 6,
    criteria: [
      must('bbv', 'Kennis van het BBV', 30),
      want('ra', 'Opleiding RC of RA', 20),
      cvFit('Ervaring als controller bij een gemeente', 30),
      rate(),
    ],
  },
  {
    key: 'rs-hr',
    client: R,
    segment: 'hr',
    state: 'published',
    title: 'HR-adviseur Organisatieontwikkeling',
    description:
      'Je begeleidt de herinrichting van het domein Ruimte en adviseert leidinggevenden.',
    hoursPerWeek: 32,
    maxRateCents: 8500,
    closesInDays: 4,
    startInDays: 21,
    months: 6,
    criteria: [
      must('hbo', 'Hbo-opleiding HRM of vergelijkbaar', 25),
      want('reorg', 'Ervaring met reorganisaties', 25),
      cvFit('Ervaring bij een overheidsorganisatie', 30),
      rate(),
    ],
  },
  {
    key: 'rs-civiel',
    client: R,
    segment: 'techniek',
    state: 'published',
    title: 'Projectleider civiele techniek (bruggen en kademuren)',
    description:
      'Je leidt de voorbereiding en uitvoering van het vervangingsprogramma voor bruggen en kademuren.',
    hoursPerWeek: 36,
    maxRateCents: null,
    closesInDays: 18,
    startInDays: 49,
    months: 12,
    criteria: [
      must('civil', 'Hbo civiele techniek', 30),
      want('uav', 'Kennis van UAV-gc-contracten', 20),
      cvFit('Ervaring met kunstwerken in binnenstedelijk gebied', 50),
    ],
  },
  {
    key: 'rs-scrum',
    client: R,
    segment: 'ict',
    state: 'closed',
    title: 'Scrum master Team Digitale Dienstverlening',
    description: 'Je begeleidt twee teams die de e-diensten van de gemeente bouwen.',
    hoursPerWeek: 32,
    maxRateCents: 9500,
    closesInDays: -3,
    startInDays: 14,
    months: 6,
    criteria: [
      must('psm', 'Certificaat PSM II', 30),
      cvFit('Ervaring met meerdere teams', 50),
      rate(),
    ],
  },
  {
    key: 'rs-inkoop',
    client: R,
    segment: 'finance-control',
    state: 'closed',
    title: 'Inkoopadviseur Sociaal Domein',
    description: 'Je bereidt de aanbesteding van de Wmo-ondersteuning voor en voert die mee uit.',
    hoursPerWeek: 36,
    maxRateCents: 8800,
    closesInDays: -6,
    startInDays: 10,
    months: 8,
    criteria: [
      must('aw', 'Kennis van de Aanbestedingswet 2012', 30),
      cvFit('Ervaring met sociaal domein'),
      rate(),
    ],
  },
  {
    key: 'rs-zaaksysteem',
    client: R,
    segment: 'ict',
    state: 'draft',
    title: 'Functioneel beheerder zaaksysteem',
    description: 'Je beheert het zaaksysteem en de koppelingen met het documentmanagementsysteem.',
    hoursPerWeek: 36,
    maxRateCents: 8500,
    closesInDays: 21,
    startInDays: 49,
    months: 6,
    criteria: [
      must('zaak', 'Ervaring met zaakgericht werken', 30),
      cvFit('Ervaring bij gemeenten', 50),
      rate(),
    ],
  },
  {
    key: 'rs-recruiter',
    client: R,
    segment: 'hr',
    state: 'cancelled',
    cancelledFrom: 'published',
    title: 'Recruiter (tijdelijk)',
    description:
      'Je werft medewerkers voor het klantcontactcentrum. Ingetrokken: de vacatures worden intern vervuld.',
    hoursPerWeek: 24,
    maxRateCents: 7500,
    closesInDays: 10,
    startInDays: 28,
    months: 4,
    criteria: [
      must('recruit', 'Ervaring met werving voor de overheid', 40),
      cvFit('Ervaring met arbeidsmarktcampagnes', 40),
      rate(),
    ],
  },
  {
    key: 'ph-controller',
    client: H,
    segment: 'finance-control',
    state: 'awarded',
    title: 'Business controller Mobiliteit',
    description:
      'Je bent de financiële sparringpartner van het domein Mobiliteit: prognoses, risico’s en investeringen.',
    hoursPerWeek: 36,
    maxRateCents: 10500,
    closesInDays: -80,
    startInDays: -63,
    months: 12,
    criteria: [
      must('control', '5+ jaar ervaring als business controller', 30),
      want('infra', 'Ervaring met infrastructurele projecten', 20),
      cvFit('Ervaring bij een provincie of waterschap', 30),
      rate(),
    ],
  },
  {
    key: 'ph-wegen',
    client: H,
    segment: 'techniek',
    state: 'published',
    title: 'Technisch manager wegen en vaarwegen',
    description:
      'Je bent verantwoordelijk voor het technisch beheer van de provinciale wegen en vaarwegen.',
    hoursPerWeek: 36,
    maxRateCents: 10000,
    closesInDays: 10,
    startInDays: 42,
    months: 12,
    criteria: [
      must('roads', 'Ervaring met assetmanagement van wegen', 35),
      cvFit('Leidinggevende ervaring', 45),
      rate(),
    ],
  },
  {
    key: 'ph-architect',
    client: H,
    segment: 'ict',
    state: 'published',
    title: 'Enterprise-architect',
    description: 'Je stelt de provinciale referentiearchitectuur op en toetst projecten daaraan.',
    hoursPerWeek: 32,
    maxRateCents: 12500,
    closesInDays: 15,
    startInDays: 49,
    months: 12,
    criteria: [
      must('togaf', 'TOGAF-certificering', 25),
      want('nora', 'Kennis van NORA en GEMMA', 25),
      cvFit('Ervaring als architect bij de overheid', 30),
      rate(),
    ],
  },
  {
    key: 'ph-pmo',
    client: H,
    segment: 'projectmanagement',
    state: 'closed',
    title: 'PMO-adviseur Energietransitie',
    description:
      'Je ondersteunt het programma Energietransitie met planning, rapportage en risicobeheer.',
    hoursPerWeek: 32,
    maxRateCents: 8500,
    closesInDays: -4,
    startInDays: 17,
    months: 9,
    criteria: [
      must('pmo', 'Ervaring als PMO-adviseur', 30),
      cvFit('Ervaring in een programma-organisatie'),
      rate(),
    ],
  },
  {
    key: 'ph-communicatie',
    client: H,
    segment: 'hr',
    state: 'draft',
    title: 'Adviseur arbeidsmarktcommunicatie',
    description: 'Je zet campagnes op om technisch talent naar de provincie te halen.',
    hoursPerWeek: 24,
    maxRateCents: 7800,
    closesInDays: 25,
    startInDays: 56,
    months: 6,
    criteria: [
      must('amc', 'Ervaring met arbeidsmarktcommunicatie', 40),
      cvFit('Ervaring met technische doelgroepen'),
      rate(10),
    ],
  },
  {
    key: 'ph-subsidies',
    client: H,
    segment: 'finance-control',
    state: 'awaiting_client_approval',
    title: 'Financieel adviseur subsidies',
    description:
      'Je toetst subsidieaanvragen en -verantwoordingen voor het programma Vitaal Platteland.',
    hoursPerWeek: 36,
    maxRateCents: 9200,
    closesInDays: 20,
    startInDays: 49,
    months: 6,
    criteria: [
      must('subsidy', 'Kennis van de Algemene wet bestuursrecht (titel 4.2)', 30),
      cvFit('Ervaring met subsidieverlening'),
      rate(),
    ],
  },
  {
    key: 'ph-informatie',
    client: H,
    segment: 'ict',
    state: 'awaiting_client_approval',
    title: 'Informatiemanager Ruimte',
    description: 'Je verbindt de informatiebehoefte van het domein Ruimte met de ICT-organisatie.',
    hoursPerWeek: 36,
    maxRateCents: null,
    closesInDays: 24,
    startInDays: 56,
    months: 12,
    criteria: [
      must('im', 'Ervaring als informatiemanager', 35),
      cvFit('Kennis van geo-informatie', 65),
    ],
  },
  {
    key: 'ph-stikstof',
    client: H,
    segment: 'projectmanagement',
    state: 'approved',
    title: 'Programmamanager Stikstof',
    description: 'Je stuurt het provinciale programma voor stikstofreductie en natuurherstel aan.',
    hoursPerWeek: 36,
    maxRateCents: 13500,
    closesInDays: 17,
    startInDays: 49,
    months: 12,
    criteria: [
      must('pgm', 'Ervaring als programmamanager bij de overheid', 30),
      cvFit('Bestuurlijke sensitiviteit'),
      rate(),
    ],
  },
  {
    key: 'ph-toezicht',
    client: H,
    segment: 'techniek',
    state: 'approved',
    title: 'Toezichthouder werken in uitvoering',
    description: 'Je houdt toezicht op de reconstructie van de N-weg bij Heuvelstein.',
    hoursPerWeek: 40,
    maxRateCents: 7800,
    closesInDays: 19,
    startInDays: 42,
    months: 8,
    criteria: [
      must('vca', 'VCA-VOL', 25),
      want('raw', 'Kennis van RAW-bestekken', 25),
      cvFit('Ervaring met wegreconstructies', 30),
      rate(),
    ],
  },
  {
    key: 'lh-wijkteam',
    client: L,
    segment: 'zorg-welzijn',
    state: 'awarded',
    title: 'Wijkverpleegkundige (niveau 5)',
    description:
      'Je werkt in het wijkteam Lindeveen-Noord: indiceren, coördineren en zelf zorg verlenen.',
    hoursPerWeek: 32,
    maxRateCents: 6500,
    closesInDays: -70,
    startInDays: -56,
    months: 6,
    criteria: [
      must('big', 'BIG-registratie als verpleegkundige', 30),
      want('indicate', 'Ervaring met indiceren', 20),
      cvFit('Ervaring in de wijkverpleging', 30),
      rate(),
    ],
  },
  {
    key: 'lh-verzuim',
    client: L,
    segment: 'hr',
    state: 'awarded',
    title: 'HR-adviseur verzuim en re-integratie',
    description: 'Je begeleidt leidinggevenden bij verzuimgesprekken en re-integratietrajecten.',
    hoursPerWeek: 24,
    maxRateCents: 8000,
    closesInDays: -5,
    startInDays: 14,
    months: 6,
    criteria: [
      must('wvp', 'Kennis van de Wet verbetering poortwachter', 30),
      cvFit('Ervaring in de zorg'),
      rate(),
    ],
  },
  {
    key: 'lh-begeleider',
    client: L,
    segment: 'zorg-welzijn',
    state: 'published',
    title: 'Persoonlijk begeleider gehandicaptenzorg',
    description:
      'Je begeleidt bewoners van een woonlocatie en bent eerste contactpersoon voor hun netwerk.',
    hoursPerWeek: 32,
    maxRateCents: 4800,
    closesInDays: 7,
    startInDays: 21,
    months: 6,
    criteria: [
      must('mbo4', 'Mbo 4 Persoonlijk begeleider', 30),
      cvFit('Ervaring met cliënten met een verstandelijke beperking'),
      rate(),
    ],
  },
  {
    key: 'lh-nacht',
    client: L,
    segment: 'zorg-welzijn',
    state: 'published',
    title: 'Verpleegkundige nachtdienst',
    description:
      'Nachtdiensten op de afdeling geriatrische revalidatie, gemiddeld drie nachten per week.',
    hoursPerWeek: 24,
    maxRateCents: 5500,
    closesInDays: 5,
    startInDays: 14,
    months: 6,
    criteria: [
      must('big', 'BIG-registratie als verpleegkundige', 40),
      cvFit('Ervaring met nachtdiensten'),
      rate(10),
    ],
  },
  {
    key: 'lh-ecd',
    client: L,
    segment: 'ict',
    state: 'published',
    title: 'Applicatiebeheerder ECD',
    description:
      'Je beheert het elektronisch cliëntdossier en ondersteunt de teams bij wijzigingen.',
    hoursPerWeek: 36,
    maxRateCents: 8200,
    closesInDays: 11,
    startInDays: 35,
    months: 6,
    criteria: [
      must('ecd', 'Ervaring met een ECD in de zorg', 30),
      cvFit('Ervaring met NEN 7510'),
      rate(),
    ],
  },
  {
    key: 'lh-financiering',
    client: L,
    segment: 'finance-control',
    state: 'published',
    title: 'Controller zorgfinanciering',
    description: 'Je bewaakt de productie en de afspraken met zorgkantoor en gemeenten.',
    hoursPerWeek: 32,
    maxRateCents: null,
    closesInDays: 13,
    startInDays: 42,
    months: 9,
    criteria: [
      must('wlz', 'Kennis van Wlz-financiering', 35),
      cvFit('Ervaring als controller in de zorg', 65),
    ],
  },
  {
    key: 'lh-teamleider',
    client: L,
    segment: 'zorg-welzijn',
    state: 'closed',
    title: 'Teamleider intramurale zorg',
    description:
      'Je geeft leiding aan twee teams op de locatie De Linde en werkt aan zelforganisatie.',
    hoursPerWeek: 36,
    maxRateCents: 7200,
    closesInDays: -2,
    startInDays: 14,
    months: 6,
    criteria: [
      must('lead', 'Leidinggevende ervaring in de zorg', 30),
      cvFit('Ervaring met zelforganiserende teams'),
      rate(),
    ],
  },
  {
    key: 'lh-dagbesteding',
    client: L,
    segment: 'zorg-welzijn',
    state: 'draft',
    title: 'Zorgcoördinator dagbesteding',
    description:
      'Je coördineert de dagbesteding op drie locaties en plant de inzet van vrijwilligers.',
    hoursPerWeek: 28,
    maxRateCents: 5200,
    closesInDays: 22,
    startInDays: 49,
    months: 6,
    criteria: [
      must('coord', 'Ervaring als coördinator', 30),
      cvFit('Ervaring met dagbesteding'),
      rate(),
    ],
  },
  {
    key: 'lh-technischedienst',
    client: L,
    segment: 'techniek',
    state: 'cancelled',
    cancelledFrom: 'draft',
    title: 'Medewerker technische dienst',
    description:
      'Onderhoud van installaties op de locaties. Niet uitgezet: de functie wordt vast ingevuld.',
    hoursPerWeek: 36,
    maxRateCents: 5500,
    closesInDays: 20,
    startInDays: 42,
    months: 6,
    criteria: [
      must('nen3140', 'NEN 3140 vakbekwaam', 40),
      cvFit('Ervaring met zorgvastgoed', 40),
      rate(),
    ],
  },
];

export interface CandidateSpec {
  key: string;
  supplier: string;
  firstName: string;
  lastName: string;
  phone: string;
  skills: string;
  /** A self-employed professional offered through an organisation (who invoices for them). */
  selfEmployed?: boolean;
}

/** Candidates of organisations; a self-employed supplier's only candidate is the person. */
export const CANDIDATES: CandidateSpec[] = [
  {
    key: 'jeroen',
    supplier: 'bitwerk',
    firstName: 'Jeroen',
    lastName: 'Bosman',
    phone: '06 2011 3301',
    skills: 'Java 17, Spring Boot, Kafka, StUF/BRP-koppelingen, 9 jaar ervaring',
  },
  {
    key: 'priya',
    supplier: 'bitwerk',
    firstName: 'Priya',
    lastName: 'Raghoenath',
    phone: '06 2011 3302',
    skills: 'Azure, Terraform, Azure DevOps, Kubernetes, AZ-400',
  },
  {
    key: 'tim',
    supplier: 'bitwerk',
    firstName: 'Tim',
    lastName: 'van Dijk',
    phone: '06 2011 3303',
    skills: 'SQL, Power BI, Python, datamodellering, sociaal domein',
  },
  {
    key: 'noor',
    supplier: 'bitwerk',
    firstName: 'Noor',
    lastName: 'Haddad',
    phone: '06 2011 3304',
    skills: 'Scrum master (PSM II), SAFe, coaching van teams',
  },
  {
    key: 'esther',
    supplier: 'klaver',
    firstName: 'Esther',
    lastName: 'Kuipers',
    phone: '06 3022 4401',
    skills: 'Business control, BBV, infrastructuurprojecten, RC',
  },
  {
    key: 'bas',
    supplier: 'klaver',
    firstName: 'Bas',
    lastName: 'Vos',
    phone: '06 3022 4402',
    skills: 'HR-advies, verzuim, reorganisaties, Wet verbetering poortwachter',
  },
  {
    key: 'linda',
    supplier: 'klaver',
    firstName: 'Linda',
    lastName: 'Schouten',
    phone: '06 3022 4403',
    skills: 'Inkoop en aanbesteden, Aanbestedingswet 2012, sociaal domein',
  },
  {
    key: 'gertjan',
    supplier: 'klaver',
    firstName: 'Gert-Jan',
    lastName: 'Huisman',
    phone: '06 3022 4404',
    skills: 'Projectleiding, PMO, Prince2, energietransitie',
  },
  {
    key: 'joyce',
    supplier: 'zorgkracht',
    firstName: 'Joyce',
    lastName: 'Brouwer',
    phone: '06 4033 5501',
    skills: 'Wijkverpleegkundige niveau 5, BIG-geregistreerd, indiceren',
  },
  {
    key: 'mohamed',
    supplier: 'zorgkracht',
    firstName: 'Mohamed',
    lastName: 'Aziz',
    phone: '06 4033 5502',
    skills: 'Persoonlijk begeleider gehandicaptenzorg, mbo 4',
  },
  {
    key: 'sophie',
    supplier: 'zorgkracht',
    firstName: 'Sophie',
    lastName: 'Willems',
    phone: '06 4033 5503',
    skills: 'Verpleegkundige, geriatrie, nachtdiensten, BIG-geregistreerd',
  },
  {
    key: 'daan',
    supplier: 'zorgkracht',
    firstName: 'Daan',
    lastName: 'Hoekstra',
    phone: '06 4033 5504',
    skills: 'Teamleider intramurale zorg, zelforganisatie',
  },
  {
    key: 'erik',
    supplier: 'technoplaats',
    firstName: 'Erik',
    lastName: 'Jacobs',
    phone: '06 5044 6601',
    skills: 'Civiele techniek, bruggen en kademuren, UAV-gc',
  },
  {
    key: 'rik',
    supplier: 'technoplaats',
    firstName: 'Rik',
    lastName: 'Meijer',
    phone: '06 5044 6602',
    skills: 'Assetmanagement wegen en vaarwegen, leidinggeven',
  },
  {
    key: 'kim',
    supplier: 'technoplaats',
    firstName: 'Kim',
    lastName: 'Verbeek',
    phone: '06 5044 6603',
    skills: 'PMO, planning (Primavera), risicomanagement',
  },
  {
    key: 'marloes',
    supplier: 'overheidsprofs',
    firstName: 'Marloes',
    lastName: 'de Graaf',
    phone: '06 6055 7701',
    skills: 'Controller gemeenten, BBV, P&C-cyclus, RA',
  },
  {
    key: 'youssef',
    supplier: 'overheidsprofs',
    firstName: 'Youssef',
    lastName: 'Benali',
    phone: '06 6055 7702',
    skills: 'Informatiebeveiliging, BIO, ENSIA, CISSP',
  },
  {
    key: 'anna',
    supplier: 'overheidsprofs',
    firstName: 'Anna',
    lastName: 'Post',
    phone: '06 6055 7703',
    skills: 'HR-advies, organisatieontwikkeling',
  },
  {
    key: 'hanneke',
    supplier: 'noorderlicht',
    firstName: 'Hanneke',
    lastName: 'Dijkstra',
    phone: '06 7066 8801',
    skills: 'Projectleider Omgevingswet, DSO, vergunningverlening',
    selfEmployed: true,
  },
  {
    key: 'wouter',
    supplier: 'noorderlicht',
    firstName: 'Wouter',
    lastName: 'Veenstra',
    phone: '06 7066 8802',
    skills: 'Enterprise-architectuur, TOGAF, NORA/GEMMA',
    selfEmployed: true,
  },
];

export type ProposalState =
  | 'proposed'
  | 'submitted_to_client'
  | 'reserve'
  | 'rejected'
  | 'accepted'
  | 'may_be_hired'
  | 'withdrawn';

/** A proposal: a candidate (or a self-employed supplier's key) on a request, at a rate. */
export const PROPOSALS: {
  request: string;
  candidate: string;
  rateCents: number;
  state: ProposalState;
}[] = [
  { request: 'rs-java', candidate: 'jeroen', rateCents: 10500, state: 'may_be_hired' },
  { request: 'rs-java', candidate: 'ramdin', rateCents: 11000, state: 'rejected' },
  { request: 'rs-java', candidate: 'wouter', rateCents: 11500, state: 'reserve' },
  { request: 'rs-omgevingswet', candidate: 'hanneke', rateCents: 11800, state: 'may_be_hired' },
  { request: 'rs-omgevingswet', candidate: 'gertjan', rateCents: 12000, state: 'rejected' },
  { request: 'rs-omgevingswet', candidate: 'erik', rateCents: 11000, state: 'rejected' },
  { request: 'rs-devops', candidate: 'priya', rateCents: 9800, state: 'submitted_to_client' },
  { request: 'rs-data', candidate: 'tim', rateCents: 8600, state: 'proposed' },
  { request: 'rs-data', candidate: 'ramdin', rateCents: 8900, state: 'submitted_to_client' },
  {
    request: 'rs-controller',
    candidate: 'marloes',
    rateCents: 10500,
    state: 'submitted_to_client',
  },
  { request: 'rs-controller', candidate: 'vanleeuwen', rateCents: 10800, state: 'proposed' },
  { request: 'rs-hr', candidate: 'bas', rateCents: 8200, state: 'proposed' },
  { request: 'rs-hr', candidate: 'anna', rateCents: 7900, state: 'withdrawn' },
  { request: 'rs-civiel', candidate: 'erik', rateCents: 9500, state: 'proposed' },
  { request: 'rs-scrum', candidate: 'noor', rateCents: 9200, state: 'submitted_to_client' },
  { request: 'rs-scrum', candidate: 'ramdin', rateCents: 9400, state: 'rejected' },
  { request: 'rs-inkoop', candidate: 'linda', rateCents: 8500, state: 'submitted_to_client' },
  { request: 'rs-inkoop', candidate: 'marloes', rateCents: 8600, state: 'reserve' },
  { request: 'ph-controller', candidate: 'esther', rateCents: 10200, state: 'may_be_hired' },
  { request: 'ph-controller', candidate: 'vanleeuwen', rateCents: 10400, state: 'reserve' },
  { request: 'ph-controller', candidate: 'marloes', rateCents: 10500, state: 'rejected' },
  { request: 'ph-wegen', candidate: 'rik', rateCents: 9600, state: 'submitted_to_client' },
  { request: 'ph-architect', candidate: 'wouter', rateCents: 12200, state: 'proposed' },
  { request: 'ph-pmo', candidate: 'gertjan', rateCents: 8400, state: 'submitted_to_client' },
  { request: 'ph-pmo', candidate: 'kim', rateCents: 8200, state: 'reserve' },
  { request: 'lh-wijkteam', candidate: 'joyce', rateCents: 6200, state: 'may_be_hired' },
  { request: 'lh-wijkteam', candidate: 'sophie', rateCents: 6000, state: 'rejected' },
  { request: 'lh-verzuim', candidate: 'yilmaz', rateCents: 7800, state: 'accepted' },
  { request: 'lh-verzuim', candidate: 'bas', rateCents: 7900, state: 'rejected' },
  { request: 'lh-begeleider', candidate: 'mohamed', rateCents: 4600, state: 'submitted_to_client' },
  { request: 'lh-nacht', candidate: 'sophie', rateCents: 5400, state: 'proposed' },
  { request: 'lh-ecd', candidate: 'ramdin', rateCents: 8100, state: 'proposed' },
  { request: 'lh-ecd', candidate: 'tim', rateCents: 7900, state: 'withdrawn' },
  {
    request: 'lh-financiering',
    candidate: 'vanleeuwen',
    rateCents: 9800,
    state: 'submitted_to_client',
  },
  { request: 'lh-teamleider', candidate: 'daan', rateCents: 7000, state: 'submitted_to_client' },
  { request: 'lh-teamleider', candidate: 'yilmaz', rateCents: 7100, state: 'reserve' },
];

/** The placements: each from the may-be-hired proposal on an awarded request. */
export const ASSIGNMENTS: {
  request: string;
  candidate: string;
  travelKm?: number;
  homeWorkFriday?: boolean;
}[] = [
  { request: 'rs-java', candidate: 'jeroen', homeWorkFriday: true },
  { request: 'rs-omgevingswet', candidate: 'hanneke', travelKm: 64 },
  { request: 'ph-controller', candidate: 'esther', homeWorkFriday: true },
  { request: 'lh-wijkteam', candidate: 'joyce', travelKm: 38 },
];
