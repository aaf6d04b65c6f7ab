export * from './spaces';
export * from './duration';
export * from './money';
export * from './date';
