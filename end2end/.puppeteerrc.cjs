// pa11y's puppeteer never downloads a browser of its own (also for a plain `npm ci` here, without
// PUPPETEER_SKIP_DOWNLOAD=1): pa11y.mjs launches Debian's /usr/bin/chromium.
module.exports = { skipDownload: true };
