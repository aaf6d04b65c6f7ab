// What other features use of the onboarding feature.
export { FirstRunGuide } from './FirstRunGuide';
