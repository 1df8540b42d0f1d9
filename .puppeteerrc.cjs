// Puppeteer must never download a browser: tests use Debian's Chromium (see README).
module.exports = { skipDownload: true };
