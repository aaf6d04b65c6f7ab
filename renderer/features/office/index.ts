// What other features use of the office feature.
export { ReportDeliveries } from './ReportDeliveries';
