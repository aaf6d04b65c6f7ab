import type { Contract } from './contract';
import { HALF_DAY_MINUTES, DAY_MINUTES, ONSITE_MINIMUM_MINUTES } from './ladder';

/** A setting that contradicts another: shown to the office, in plain French, by field. */
export interface ContractWarning {
  /** The form field it concerns ("travel.fee", "halfDayPriceCents"…). */
  readonly field: string;
  readonly message: string;
}

/**
 * Consistency checks on a contract that parses but reads oddly: the schema accepts each
 * field alone, these look at them together. Warnings, not errors: the office may mean it.
 */
export function contractWarnings(
  contract: Contract,
  options: {
    /** The contract was stored before the rounding clause was a setting (rounding-clause.ts). */
    readonly roundingSettingMissing?: boolean;
  } = {},
): ContractWarning[] {
  const out: ContractWarning[] = [];
  const warn = (field: string, message: string) => out.push({ field, message });
  if (options.roundingSettingMissing === true) {
    warn(
      'roundTimeUpToEuro',
      'Contrat enregistré avant que l’arrondi à l’euro supérieur soit un réglage : il était appliqué à tout contrat. Seul le contrat ALLANCE le prévoit (002 art. IV.2.2, « arrondis à l’euro supérieur ») : cochez « Temps arrondi à l’euro supérieur » si le texte de ce contrat le dit, puis enregistrez.',
    );
  }
  if (contract.articles.rounding !== '' && !contract.roundTimeUpToEuro) {
    warn(
      'roundTimeUpToEuro',
      `Le contrat cite une clause d’arrondi (${contract.articles.rounding}) mais le temps n’est pas arrondi à l’euro supérieur : cochez l’arrondi, ou retirez l’article cité.`,
    );
  }
  const { travel, coverage } = contract;
  const zoneSet = travel.zone.departements.length > 0 || travel.zone.postcodes.length > 0;
  if (zoneSet && travel.fee.kind === 'included') {
    warn(
      'travel.fee',
      'Une zone de déplacement est définie alors que le déplacement est « inclus » partout : indiquez le prix hors zone, ou videz la zone.',
    );
  }
  if (travel.fee.kind === 'flat' && travel.fee.amountCents === 0) {
    warn('travel.fee', 'Le forfait de déplacement hors zone est à 0 € : indiquez son montant.');
  }
  if (travel.fee.kind === 'per-km' && travel.fee.centsPerKm === 0) {
    warn('travel.fee', 'Le prix du kilomètre hors zone est à 0 € : indiquez-le.');
  }
  const rate = contract.hourlyRateCents;
  if (rate === 0)
    warn('hourlyRateCents', 'Le taux horaire est à 0 € : le temps ne serait pas facturé.');
  if (contract.halfDayPriceCents !== null) {
    if (contract.halfDayPriceCents < (rate * ONSITE_MINIMUM_MINUTES) / 60) {
      warn(
        'halfDayPriceCents',
        'Le prix de la demi-journée est inférieur à 2 h au taux horaire : une intervention de 2 h 10 coûterait moins qu’une de 2 h.',
      );
    }
    if (contract.halfDayPriceCents > (rate * HALF_DAY_MINUTES) / 60) {
      warn('halfDayPriceCents', 'Le prix de la demi-journée dépasse 3 h 30 au taux horaire.');
    }
  }
  if (contract.dayPriceCents !== null) {
    const half = contract.halfDayPriceCents ?? (rate * HALF_DAY_MINUTES) / 60;
    if (contract.dayPriceCents < half) {
      warn('dayPriceCents', 'Le prix de la journée est inférieur à celui de la demi-journée.');
    }
    if (contract.dayPriceCents > (rate * DAY_MINUTES) / 60) {
      warn('dayPriceCents', 'Le prix de la journée dépasse 7 h au taux horaire.');
    }
  }
  if (contract.subscriptionVisitsPerYear === 0) {
    warn(
      'subscriptionVisitsPerYear',
      'Zéro visite par an : toute visite planifiée serait au-delà du nombre prévu. Laissez vide si le contrat n’en prévoit pas.',
    );
  }
  if (contract.subscriptionVisitsPerYear !== null && !coverage.incidentsIncluded) {
    warn(
      'subscriptionVisitsPerYear',
      'Un nombre de visites est prévu mais le contrat n’a pas d’abonnement (incidents non inclus) : vérifiez le type de contrat.',
    );
  }
  if (coverage.ageSurcharge && coverage.perDeviceFeeCents === null) {
    warn(
      'coverage.perDeviceFeeCents',
      'La majoration de vétusté s’applique à la redevance par équipement : indiquez cette redevance.',
    );
  }
  if (contract.syntec !== null) {
    if (contract.syntec.target === 'subscription' && coverage.subscriptionPriceCents === null) {
      warn(
        'syntec',
        'La révision SYNTEC porte sur le prix de l’abonnement, qui n’est pas renseigné.',
      );
    }
    if (contract.syntec.base === 'initial' && contract.syntec.initialIndex === null) {
      warn('syntec', 'Base initiale : indiquez l’indice SYNTEC à la signature.');
    }
  }
  if (contract.hourBank !== null && contract.hourBank.endsOn !== null) {
    if (contract.hourBank.endsOn < contract.hourBank.startsOn) {
      warn('hourBank', 'La banque d’heures se termine avant de commencer.');
    }
  }
  const weekdays = [
    contract.openingHours.monday,
    contract.openingHours.tuesday,
    contract.openingHours.wednesday,
    contract.openingHours.thursday,
    contract.openingHours.friday,
  ];
  if (weekdays.every((d) => d.length === 0)) {
    warn(
      'openingHours',
      'Aucune heure d’ouverture en semaine : toute intervention serait hors heures ouvrées.',
    );
  }
  return out;
}
