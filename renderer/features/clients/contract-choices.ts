import type { ContractFormValues } from '../contracts';

type ChoiceName =
  | 'subscriptionPeriod'
  | 'beyondQuota'
  | 'travelFeeKind'
  | 'holidayRegion'
  | 'hourBankUnit'
  | 'syntecTarget'
  | 'syntecWhen'
  | 'syntecBase'
  | 'syntecRounding';

/** Each value of a choice and its French wording, every value of the form's enum listed once. */
type Options<N extends ChoiceName> = readonly (readonly [ContractFormValues[N], string])[];

/**
 * The contract screen's drop-down lists: the label of each and the wording of each value, as
 * data, so the screen lays out its selects in one line each (ContractForm's ContractChoice).
 */
export const CONTRACT_CHOICES: { [N in ChoiceName]: { label: string; options: Options<N> } } = {
  subscriptionPeriod: {
    label: 'Période de l’abonnement',
    options: [
      ['month', 'par mois'],
      ['quarter', 'par trimestre'],
      ['year', 'par an'],
    ],
  },
  beyondQuota: {
    label: 'Visite au-delà du nombre prévu',
    options: [
      ['bill', 'facturée en prestation complémentaire (signalée)'],
      ['include', 'incluse (signalée)'],
    ],
  },
  travelFeeKind: {
    label: 'Déplacement hors zone',
    options: [
      ['included', 'inclus partout'],
      ['flat', 'forfait par déplacement'],
      ['per-km', 'au kilomètre'],
    ],
  },
  holidayRegion: {
    label: 'Jours fériés du client',
    options: [
      ['metropole', 'France métropolitaine'],
      ['alsace-moselle', 'Alsace-Moselle'],
      ['none', 'ouvert les jours fériés'],
    ],
  },
  hourBankUnit: {
    label: 'Banque d’heures',
    options: [
      ['none', 'aucune'],
      ['hours', 'en heures'],
      ['days', 'en jours (7 h)'],
    ],
  },
  syntecTarget: {
    label: 'Ce qui est révisé',
    options: [
      ['subscription', 'le prix de l’abonnement'],
      ['rates', 'les taux et forfaits de temps'],
    ],
  },
  syntecWhen: {
    label: 'Quand',
    options: [
      ['anniversary', 'à chaque date anniversaire'],
      ['january-1', 'chaque 1er janvier'],
    ],
  },
  syntecBase: {
    label: 'Base',
    options: [
      ['chained', 'dernière révision (P0 et S0 révisés)'],
      ['initial', 'signature (P0 et S0 initiaux)'],
    ],
  },
  syntecRounding: {
    label: 'Arrondi de la révision',
    options: [
      ['cent', 'au centime'],
      ['euro-up', 'à l’euro supérieur'],
    ],
  },
};
