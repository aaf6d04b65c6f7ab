export { TodayPage } from './TodayPage';
export { TodayLanding } from './TodayLanding';
