import { deepFreeze } from '../_lib/freeze.js';

// The legal baselines as plain data: each rule states its point, its parameters, the
// jurisdictions it applies to, its citation and the contracts it governs (by the local date they
// were concluded). A member state's option under a directive is a variant of the directive's rule
// (other parameters, its own citation), never a separate code path.

/**
 * Where a rule is written: the instrument, the article (with its paragraphs) and, optionally, an
 * address where it can be read.
 *
 * @remarks Since 0.2.0
 */
export interface LegalCitation {
  readonly instrument: string;
  readonly article: string;
  readonly url?: string;
}

/**
 * The parameters of each point a baseline rule decides.
 *
 * - `withdrawal-period`: the days a consumer may withdraw from a distance sale, counted from the
 *   day the last item of the order comes into their physical possession.
 * - `withdrawal-refund-deadline`: the days within which the refund is due, counted from the
 *   withdrawal (`withdrawal`) or from the goods' receipt back (`goods-received`); with
 *   `withholdUntilReceived`, the trader may wait for the goods (or proof they were sent).
 * - `withdrawal-deductions`: the packaging states that show no more handling than needed to
 *   establish the goods' nature, characteristics and functioning: no fee for the goods' state may
 *   be charged on them within the withdrawal period.
 * - `withdrawal-delivery-refund`: the standard delivery cost is refunded on withdrawal.
 * - `legal-guarantee`: the seller answers for a lack of conformity that becomes apparent within
 *   these months of delivery.
 * - `burden-of-proof`: a lack of conformity that becomes apparent within these months of delivery
 *   is presumed to have existed at delivery.
 * - `short-term-reject`: faulty goods may be rejected for a full refund within these days of
 *   delivery.
 *
 * @remarks Since 0.2.0
 */
export interface LegalParameters {
  readonly 'withdrawal-period': { readonly days: number; readonly from: 'lastItemDelivered' };
  readonly 'withdrawal-refund-deadline': { readonly days: number; readonly from: 'withdrawal' | 'goods-received'; readonly withholdUntilReceived: boolean };
  readonly 'withdrawal-deductions': { readonly handlingConditions: readonly ('unopened' | 'opened')[]; readonly feeKinds: readonly string[] };
  readonly 'withdrawal-delivery-refund': { readonly standardDelivery: true };
  readonly 'legal-guarantee': { readonly months: number; readonly from: 'delivery' };
  readonly 'burden-of-proof': { readonly months: number; readonly from: 'delivery' };
  readonly 'short-term-reject': { readonly days: number; readonly from: 'delivery' };
}

/**
 * The points a baseline decides.
 *
 * @remarks Since 0.2.0
 */
export type LegalPoint = keyof LegalParameters;

/**
 * One baseline rule as data. `effectiveFrom` / `effectiveTo` are local dates (`YYYY-MM-DD`): the
 * rule governs contracts concluded on or after `effectiveFrom` and before `effectiveTo`.
 * `variants` are member-state options: for the jurisdictions they list, their parameters replace
 * the rule's, and their citation is quoted beside the rule's.
 *
 * @remarks Since 0.2.0
 */
export type LegalRule = {
  readonly [P in LegalPoint]: {
    readonly id: string;
    readonly point: P;
    readonly jurisdictions: readonly string[];
    readonly parameters: LegalParameters[P];
    readonly citation: LegalCitation;
    readonly effectiveFrom: string;
    readonly effectiveTo?: string;
    readonly summary: string;
    readonly variants?: readonly { readonly jurisdictions: readonly string[]; readonly parameters: LegalParameters[P]; readonly citation: LegalCitation }[];
  };
}[LegalPoint];

/**
 * The 27 member states of the European Union (ISO 3166-1 alpha-2; Greece is `GR`, which the EU
 * writes `EL`).
 *
 * @remarks Since 0.2.0
 */
export const EU_MEMBER_STATES = Object.freeze([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const);

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes. A code here that no rule lists is a valid
 * jurisdiction with no baseline: the policy alone decides, with a `NO_LEGAL_BASELINE` reason.
 *
 * @remarks Since 0.2.0
 */
export const ISO_3166_1: readonly string[] = Object.freeze([
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD', 'BE',
  'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD',
  'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM',
  'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN',
  'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME',
  'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM',
  'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI',
  'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK',
  'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
]);

const EU = Object.freeze(['EU', ...EU_MEMBER_STATES]);
const UK = Object.freeze(['GB']);
const CRD = 'Directive 2011/83/EU';
const CRD_URL = 'https://eur-lex.europa.eu/eli/dir/2011/83/oj';
const SGD = 'Directive (EU) 2019/771';
const SGD_URL = 'https://eur-lex.europa.eu/eli/dir/2019/771/oj';
const CCR = 'Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013';
const CCR_URL = 'https://www.legislation.gov.uk/uksi/2013/3134';
const CRA = 'Consumer Rights Act 2015';
const CRA_URL = 'https://www.legislation.gov.uk/ukpga/2015/15';
// Directive 2011/83/EU art. 28(2): contracts concluded after 13 June 2014. The UK regulations
// (reg. 1(2)): contracts entered into on or after 13 June 2014. The Consumer Rights Act 2015: from
// 1 October 2015. Directive (EU) 2019/771 art. 24(2): not for contracts concluded before 2022.
const CRD_FROM = '2014-06-14';
const CCR_FROM = '2014-06-13';
const CRA_FROM = '2015-10-01';
const SGD_FROM = '2022-01-01';

/**
 * Every baseline rule the library knows. The data is the whole of what `support-rules/law`
 * applies: a point with no rule for a jurisdiction is left to the merchant's policy.
 *
 * @remarks Since 0.2.0
 */
export const LEGAL_RULES: readonly LegalRule[] = deepFreeze([
  {
    id: 'eu-withdrawal-period',
    point: 'withdrawal-period',
    jurisdictions: EU,
    parameters: { days: 14, from: 'lastItemDelivered' },
    citation: { instrument: CRD, article: 'art. 9(1), 9(2)(b)(i)', url: CRD_URL },
    effectiveFrom: CRD_FROM,
    summary: 'A distance sale may be withdrawn from within 14 days of the day the consumer acquires physical possession of the goods (of the last good, for goods delivered separately).',
  },
  {
    id: 'eu-withdrawal-refund-deadline',
    point: 'withdrawal-refund-deadline',
    jurisdictions: EU,
    parameters: { days: 14, from: 'withdrawal', withholdUntilReceived: true },
    citation: { instrument: CRD, article: 'art. 13(1), 13(3)', url: CRD_URL },
    effectiveFrom: CRD_FROM,
    summary: 'The refund is due within 14 days of the day the trader is informed of the withdrawal; the trader may withhold it until the goods are received back (or proof of sending).',
  },
  {
    id: 'eu-withdrawal-deductions',
    point: 'withdrawal-deductions',
    jurisdictions: EU,
    parameters: { handlingConditions: ['unopened', 'opened'], feeKinds: ['restocking'] },
    citation: { instrument: CRD, article: 'art. 14(2)', url: CRD_URL },
    effectiveFrom: CRD_FROM,
    summary: 'The consumer is liable only for diminished value from handling beyond what is needed to establish the nature, characteristics and functioning of the goods.',
  },
  {
    id: 'eu-withdrawal-delivery-refund',
    point: 'withdrawal-delivery-refund',
    jurisdictions: EU,
    parameters: { standardDelivery: true },
    citation: { instrument: CRD, article: 'art. 13(1), 13(2)', url: CRD_URL },
    effectiveFrom: CRD_FROM,
    summary: 'The refund includes the cost of standard delivery (not the supplement for a more expensive delivery the consumer chose).',
  },
  {
    id: 'eu-legal-guarantee',
    point: 'legal-guarantee',
    jurisdictions: EU,
    parameters: { months: 24, from: 'delivery' },
    citation: { instrument: SGD, article: 'art. 10(1)', url: SGD_URL },
    effectiveFrom: SGD_FROM,
    summary: 'The seller is liable for a lack of conformity that exists at delivery and becomes apparent within two years of it; member states may keep or adopt longer periods (art. 10(3)).',
    variants: [
      {
        jurisdictions: ['ES'],
        parameters: { months: 36, from: 'delivery' },
        citation: { instrument: 'Real Decreto Legislativo 1/2007 (TRLGDCU), as amended by Real Decreto-ley 7/2021', article: 'art. 120' },
      },
    ],
  },
  {
    id: 'eu-burden-of-proof',
    point: 'burden-of-proof',
    jurisdictions: EU,
    parameters: { months: 12, from: 'delivery' },
    citation: { instrument: SGD, article: 'art. 11(1)', url: SGD_URL },
    effectiveFrom: SGD_FROM,
    summary: 'A lack of conformity that becomes apparent within one year of delivery is presumed to have existed at delivery; member states may extend this to two years (art. 11(2)).',
    variants: [
      {
        jurisdictions: ['ES'],
        parameters: { months: 24, from: 'delivery' },
        citation: { instrument: 'Real Decreto-ley 7/2021 (amending the TRLGDCU)', article: 'art. 16' },
      },
    ],
  },
  {
    id: 'uk-cancellation-period',
    point: 'withdrawal-period',
    jurisdictions: UK,
    parameters: { days: 14, from: 'lastItemDelivered' },
    citation: { instrument: CCR, article: 'reg. 30(3), 30(5)', url: CCR_URL },
    effectiveFrom: CCR_FROM,
    summary: 'A distance contract may be cancelled until 14 days after the day the goods come into the consumer\'s physical possession (the last of them, for goods delivered on different days).',
  },
  {
    id: 'uk-cancellation-refund-deadline',
    point: 'withdrawal-refund-deadline',
    jurisdictions: UK,
    parameters: { days: 14, from: 'goods-received', withholdUntilReceived: true },
    citation: { instrument: CCR, article: 'reg. 34(4)-(6)', url: CCR_URL },
    effectiveFrom: CCR_FROM,
    summary: 'The refund is due within 14 days after the day the trader receives the goods back (or, if earlier, evidence they were sent back).',
  },
  {
    id: 'uk-cancellation-deductions',
    point: 'withdrawal-deductions',
    jurisdictions: UK,
    parameters: { handlingConditions: ['unopened', 'opened'], feeKinds: ['restocking'] },
    citation: { instrument: CCR, article: 'reg. 34(9)-(12)', url: CCR_URL },
    effectiveFrom: CCR_FROM,
    summary: 'The trader may recover only a diminished value caused by handling beyond what is necessary to establish the nature, characteristics and functioning of the goods.',
  },
  {
    id: 'uk-cancellation-delivery-refund',
    point: 'withdrawal-delivery-refund',
    jurisdictions: UK,
    parameters: { standardDelivery: true },
    citation: { instrument: CCR, article: 'reg. 34(2)-(3)', url: CCR_URL },
    effectiveFrom: CCR_FROM,
    summary: 'The refund includes the delivery charge, up to the least expensive standard delivery offered.',
  },
  {
    id: 'uk-short-term-reject',
    point: 'short-term-reject',
    jurisdictions: UK,
    parameters: { days: 30, from: 'delivery' },
    citation: { instrument: CRA, article: 's. 22(3), s. 20', url: CRA_URL },
    effectiveFrom: CRA_FROM,
    summary: 'Goods that do not conform may be rejected for a full refund until 30 days after they were delivered (and ownership passed, and any installation was done).',
  },
  {
    id: 'uk-burden-of-proof',
    point: 'burden-of-proof',
    jurisdictions: UK,
    parameters: { months: 6, from: 'delivery' },
    citation: { instrument: CRA, article: 's. 19(14)-(15)', url: CRA_URL },
    effectiveFrom: CRA_FROM,
    summary: 'Goods that do not conform within six months of delivery are taken not to have conformed on the day of delivery.',
  },
] satisfies readonly LegalRule[]);
