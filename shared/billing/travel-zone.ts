import type { Travel } from './contract';

/**
 * The département of a French postcode: its first two digits, except Corsica (20000–20199
 * → 2A, 20200–20699 → 2B) and the overseas départements (971–976), which use three.
 * Monaco's 980xx and the overseas collectivities (975, 977–988) have no département here.
 */
export function departementOfPostcode(postcode: string): string | null {
  if (!/^\d{5}$/.test(postcode)) return null;
  const two = postcode.slice(0, 2);
  if (two === '00') return null;
  if (two === '20') return Number(postcode) < 20200 ? '2A' : '2B';
  if (two === '97') {
    const three = postcode.slice(0, 3);
    return ['971', '972', '973', '974', '976'].includes(three) ? three : null;
  }
  if (two === '98') return null;
  return two;
}

/** Is the site inside the contract's travel zone (its postcode or its whole département)? */
export function isInTravelZone(travel: Travel, postcode: string): boolean {
  if (travel.zone.postcodes.includes(postcode)) return true;
  const departement = departementOfPostcode(postcode);
  return departement !== null && travel.zone.departements.includes(departement);
}
