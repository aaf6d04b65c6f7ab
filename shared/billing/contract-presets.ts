import type { ContractInput } from './contract';

/**
 * Starting points for the three kinds of contract in the seeds: the clauses each one writes,
 * with the article each rule comes from. The office completes them (rates, zone, dates).
 * Every value here is what the contract text says, or our documented default when it is
 * silent (docs/billing.md).
 */
export const CONTRACT_PRESETS = ['infogerance', 'maintenance', 'regie'] as const;
export type ContractPreset = (typeof CONTRACT_PRESETS)[number];

export const CONTRACT_PRESET_LABELS: Record<ContractPreset, string> = {
  infogerance: 'Abonnement d’infogérance avec prestations complémentaires (type ALLANCE, 002)',
  maintenance:
    'Contrat de maintenance avec visites, délais d’intervention et vétusté (type IMRI, 004)',
  regie: 'Intervention en régie, au temps passé (type INFOREZ, 000/001)',
};

/** What a preset sets; the rest of the contract (ids, reference, rates, dates) is the office's. */
export type ContractPresetValues = Pick<
  ContractInput,
  | 'roundTimeUpToEuro'
  | 'backupsCheckedByProvider'
  | 'coverage'
  | 'articles'
  | 'travel'
  | 'subscriptionVisitsPerYear'
  | 'syntec'
  | 'noticeMonths'
>;

export function contractPreset(preset: ContractPreset): ContractPresetValues {
  switch (preset) {
    case 'infogerance':
      return {
        // 002 art. IV.2.2: "Les prix pratiqués par ALLANCE sont … arrondis à l'euro supérieur."
        roundTimeUpToEuro: true,
        // 002 art. III-1 §4: ALLANCE checks the backups; art. V.1: liable for a proven fault.
        backupsCheckedByProvider: true,
        coverage: { incidentsIncluded: true, beyondQuota: 'bill', ageSurcharge: false },
        subscriptionVisitsPerYear: null,
        noticeMonths: 3,
        travel: {
          zone: { departements: ['75', '77', '92', '93', '94', '95'], postcodes: [] },
          // Outside the zone travel is billed; the amount is the office's to set.
          fee: { kind: 'flat', amountCents: 0 },
          expensesOutsideZoneOnly: true,
        },
        articles: {
          ladder: '002 art. IV.2.2',
          rounding: '002 art. IV.2.2',
          travel: '002 art. IV.2.2',
          incidents: '002 art. III-1',
          plannedVisits: '',
          complementary: '002 art. III.2',
          outsideHours: '002 art. IV.2.2',
          flatTasks: '',
          syntec: '002 art. IV.2.3',
          sla: '002 art. IV.2.1',
        },
      };
    case 'maintenance':
      return {
        roundTimeUpToEuro: false,
        // 004 art. V "gestion des sauvegardes" is IMRI's, but art. VIII leaves the client alone
        // responsible for them: the reminder must not promise more (domain-rules §5).
        backupsCheckedByProvider: false,
        coverage: { incidentsIncluded: true, beyondQuota: 'bill', ageSurcharge: true },
        subscriptionVisitsPerYear: 4,
        noticeMonths: 3,
        // 004 art. XI: "Ils incluent les déplacements sur site".
        travel: { fee: { kind: 'included' } },
        articles: {
          ladder: '',
          rounding: '',
          travel: '004 art. XI',
          incidents: '004 art. V',
          plannedVisits: '004 art. V et VI',
          complementary: '004 art. VIII',
          outsideHours: '004 art. VI',
          flatTasks: '004 art. VI',
          syntec: '004 art. XI',
          sla: '004 art. VI',
        },
      };
    case 'regie':
      return {
        roundTimeUpToEuro: false,
        // 000 art. 13–14: the client alone is responsible for its backups.
        backupsCheckedByProvider: false,
        // No subscription: every visit is billed.
        coverage: { incidentsIncluded: false, beyondQuota: 'bill', ageSurcharge: false },
        subscriptionVisitsPerYear: null,
        noticeMonths: 3,
        // 000 art. 6: "Les frais de déplacement font l'objet d'une facturation spécifique."
        travel: {
          zone: { departements: [], postcodes: [] },
          fee: { kind: 'flat', amountCents: 0 },
        },
        articles: {
          ladder: '',
          rounding: '',
          travel: '000 art. 6',
          incidents: '',
          plannedVisits: '',
          complementary: '',
          outsideHours: '',
          flatTasks: '',
          syntec: '',
          sla: '',
        },
      };
  }
}

/** The SYNTEC rule each kind of contract writes (apply with the office's index and date). */
export const PRESET_SYNTEC_RULES = {
  // 002 art. IV.2.3: the subscription price, each anniversary, S0 of the last revision.
  infogerance: {
    target: 'subscription',
    when: 'anniversary',
    base: 'chained',
    rounding: 'euro-up',
  },
  // 004 art. XI: the tariff, every 1 January.
  maintenance: { target: 'subscription', when: 'january-1', base: 'chained', rounding: 'cent' },
  regie: null,
} as const;
