export * from './local-date';
export * from './holidays';
export * from './weekly-schedule';
export * from './opening-hours';
export * from './sla';
export * from './urgent-deadline';
