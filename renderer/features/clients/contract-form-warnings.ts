import { contractSchema } from '../../../shared/billing/contract';
import type { ContractArticles } from '../../../shared/billing/contract';
import { contractWarnings } from '../../../shared/billing/contract-checks';
import type { ContractWarning } from '../../../shared/billing/contract-checks';
import { roundingSettingMissing } from '../../../shared/billing/rounding-clause';
import type { StoredContract } from '../../use-cases/clients/client-file';
import { contractFormSchema, contractFromForm } from '../contracts';

/**
 * The consistency checks (shared/billing/contract-checks.ts) of the contract as typed so far:
 * none while the form itself does not validate (its own messages say what is wrong) nor while
 * the billing schema refuses the result (saving will say why).
 */
export function contractFormWarnings(
  values: unknown,
  existing: StoredContract | null,
  base: { clientId: string; articles: ContractArticles | undefined },
): ContractWarning[] {
  const form = contractFormSchema.safeParse(values);
  if (!form.success) return [];
  const candidate = contractSchema.safeParse({
    id: existing?.id ?? 'nouveau',
    ...contractFromForm(form.data, existing, base),
  });
  if (!candidate.success) return [];
  return contractWarnings(candidate.data, {
    // Only while the stored record lacks the setting: saving here stores it.
    roundingSettingMissing: roundingSettingMissing(existing),
  });
}
