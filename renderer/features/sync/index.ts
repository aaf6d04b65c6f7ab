// What other features use of the sync feature: refusals and sync state shown beside records.
export { ClientRefusalNotices, ClientSyncBadges, useRefusalCounts } from './RefusalNotices';
