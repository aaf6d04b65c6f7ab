export * from './canonical-json';
export * from './company-ids';
export * from './labels';
export * from './model';
export * from './number';
export * from './seal';
export * from './status';
