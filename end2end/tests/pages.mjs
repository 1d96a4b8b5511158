// Every page the accessibility checks visit: axe in tests/a11y.spec.mjs, pa11y in pa11y.mjs (both add
// a real job's detail page, found from /jobs).
export const PAGES = ["/", "/jobs", "/jobs?skill=rigging&skill=canva", "/jobs/medienassistent/bochum", "/gehalt",
  "/beruf/medienassistent/bochum", "/merkliste", "/anmelden", "/registrieren", "/konto", "/impressum",
  "/datenschutz", "/offline", "/gibt-es-nicht"];
