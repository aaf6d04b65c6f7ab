/**
 * Whether a stored contract predates the rounding setting (`roundTimeUpToEuro`): until then
 * every time line of every contract was rounded up to the euro. The clause is ALLANCE's only
 * (002 art. IV.2.2, "arrondis à l'euro supérieur"; INFOREZ, IMRI and the others have none),
 * and nothing else stored tells a 002 contract from a 004 one, so no migration sets it: such
 * a contract now opens with the rounding off and the contract screen asks the office to
 * confirm (`contractWarnings`). Saving the screen stores the setting, which ends the question.
 * Reads the record as stored (before parsing fills the default), so it takes `unknown`.
 */
export function roundingSettingMissing(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && !('roundTimeUpToEuro' in stored);
}
