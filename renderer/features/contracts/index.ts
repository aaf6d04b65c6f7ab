// What other features use of the contracts feature: the contract form's values and schema.
export {
  contractFormSchema,
  contractFormValues,
  contractFromForm,
  withPreset,
} from './contract-form-values';
export type { ContractFormOutput, ContractFormValues } from './contract-form-values';
