// What other features use of the contracts feature: the contract form's values and schema,
// and the office's contract panels (SYNTEC revisions, per-device fees).
export {
  contractFormSchema,
  contractFormValues,
  contractFromForm,
  withPreset,
} from './contract-form-values';
export type { ContractFormOutput, ContractFormValues } from './contract-form-values';
export { DeviceFeesPanel } from './DeviceFeesPanel';
export { SyntecRevisionPanel } from './SyntecRevisionPanel';
