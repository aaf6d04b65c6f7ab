export * from './ladder';
export * from './step-label';
export * from './money';
export * from './decimal';
export * from './contract';
export * from './contract-presets';
export * from './contract-checks';
export * from './rounding-clause';
export * from './visit-facts';
export * from './travel-zone';
export * from './inclusion';
export * from './pricing';
export * from './hour-bank';
export * from './syntec';
export * from './syntec-due';
export * from './age-surcharge';
export * from './notice';
export * from './subscription-visits';
export * from './sla-clock';
export * from './quote';
export * from './device-fees';
export * from './device-fee-detail';
export {
  slaDeadline,
  workingMinutesBetween,
  SLA_SERVER_NETWORK_MINUTES,
  SLA_WORKSTATION_MINUTES,
} from '../calendar/sla';
export { checkOpeningHours } from '../calendar/opening-hours';
export type { OpeningHoursCheck, OutsideHoursReason } from '../calendar/opening-hours';
export * from './default-contract';
