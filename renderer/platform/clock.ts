/**
 * The app's one source of "now" for visits, reports and signatures: every timestamp the
 * technician's taps produce comes from here, so tests can control time (a fake clock in
 * unit tests, Playwright's page.clock in the browser, which drives Date.now()).
 */
export const clock = {
  now(): number {
    return Date.now();
  },
};
