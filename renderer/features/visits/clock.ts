// Kept for the screens outside visits that read the clock (inventory's "today"): the clock
// lives in platform/, below the use cases that take it injected.
export { clock } from '../../platform/clock';
