// Drives the web chat page of a running TerritoryBot in headless Chromium (playwright-core + Debian's chromium):
//   p. without the renderer (its request blocked): "help" → the page's plain rendering of the card;
//   1. as a rep: "show my territory" → a card rendered by the official adaptivecards renderer;
//   2. a drill-down button on that card → the card is replaced by the answer's card;
//   3. as ops: "move ACCOUNT to TARGET because …" → a proposal card with Approve;
//   4. Approve → the card says approved.
// Screenshots of every step go to ARTIFACTS. Prints "ok <step>" per step; exits 1 on the first failure
// (with a screenshot of the page as it was), 2 on bad usage.
// Environment: BASE_URL (required), REP_ID, OPS_ID, ACCOUNT_ID, TARGET_REP_ID (required for 3–4),
// CHROMIUM (default /usr/bin/chromium), ARTIFACTS (default tests/e2e/artifacts), STEPS (default "p1234").
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const baseUrl = env.BASE_URL;
if (!baseUrl) {
  console.error('usage: BASE_URL=http://127.0.0.1:PORT REP_ID=R001 OPS_ID=R006 ACCOUNT_ID=A… TARGET_REP_ID=R002 node webchat.e2e.mjs');
  process.exit(2);
}
const steps = env.STEPS || 'p1234';
const artifacts = path.resolve(env.ARTIFACTS || path.join(here, 'artifacts'));
mkdirSync(artifacts, { recursive: true });
rmSync(path.join(artifacts, 'webchat-failure.png'), { force: true }); // a stale one would mislead
const timeout = 30_000;

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
page.setDefaultTimeout(timeout);

let current = 'start';
async function step(name, body) {
  current = name;
  await body();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  console.log('ok ' + name);
}

async function shot(name) {
  await page.screenshot({ path: path.join(artifacts, `webchat-${name}.png`), fullPage: true });
}

async function pickIdentity(id) {
  await page.waitForSelector(`#identity option[value="${id}"]`, { state: 'attached' });
  await page.selectOption('#identity', id);
}

/** Sends a message and returns the locator of the bot's answer (the newest finished bot message). */
async function ask(text) {
  const before = await page.locator('.message.bot:not(.pending)').count();
  await page.fill('#message', text);
  await page.press('#message', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.message.bot:not(.pending)').length > n, before);
  return page.locator('.message.bot:not(.pending)').last();
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  if (steps.includes('p')) {
    await step('plain rendering without the renderer', async () => {
      const plain = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      plain.on('pageerror', (e) => problems.push('page error (plain): ' + e.message));
      plain.setDefaultTimeout(timeout);
      await plain.route('**/lib/adaptivecards.min.js', (route) => route.abort());
      await plain.goto(baseUrl, { waitUntil: 'load' });
      expect(await plain.evaluate(() => typeof window.AdaptiveCards === 'undefined'), 'the renderer was not blocked');
      await plain.waitForSelector(`#identity option[value="${env.REP_ID || 'R001'}"]`, { state: 'attached' });
      await plain.selectOption('#identity', env.REP_ID || 'R001');
      await plain.fill('#message', 'help');
      await plain.press('#message', 'Enter');
      const facts = plain.locator('.message.bot .plain-card table.facts').last();
      await facts.waitFor();
      expect((await facts.innerText()).includes('show my territory'), 'the plain rendering lacks the help facts');
      expect(await plain.locator('#renderer-note').isVisible(), 'the page does not say the renderer is missing');
      await plain.screenshot({ path: path.join(artifacts, 'webchat-0-plain.png'), fullPage: true });
      await plain.close();
    });
  }

  await page.goto(baseUrl, { waitUntil: 'load' });
  expect(await page.evaluate(() => typeof window.AdaptiveCards === 'object'),
    'the adaptivecards renderer is not loaded on the page (is src/TerritoryBot/wwwroot/lib/adaptivecards.min.js built?)');

  let territory;
  if (steps.includes('1')) {
    await step('territory card', async () => {
      await pickIdentity(env.REP_ID || 'R001');
      territory = await ask('show my territory');
      expect(await territory.getAttribute('data-intent') === 'my_territory',
        `intent ${await territory.getAttribute('data-intent')}, expected my_territory: ${await territory.innerText()}`);
      await territory.locator('.ac-adaptiveCard').first().waitFor();
      await shot('1-territory');
    });
  }

  if (steps.includes('2')) {
    await step('drill-down', async () => {
      territory ??= await ask('show my territory');
      const before = await territory.innerText();
      // The first push button that sends something (Action.ShowCard buttons only expand).
      const buttons = territory.locator('.ac-pushButton:not([aria-expanded])');
      expect(await buttons.count() > 0, 'the territory card has no drill-down button');
      const title = (await buttons.first().innerText()).trim();
      await buttons.first().click();
      await page.waitForFunction(([el, text]) => !el.classList.contains('busy') && el.innerText !== text,
        [await territory.elementHandle(), before]);
      await territory.locator('.ac-adaptiveCard').first().waitFor();
      console.log(`   pressed "${title}" → ${await territory.getAttribute('data-intent')}`);
      await shot('2-drill-down');
    });
  }

  if (steps.includes('3') || steps.includes('4')) {
    expect(env.OPS_ID && env.ACCOUNT_ID && env.TARGET_REP_ID, 'OPS_ID, ACCOUNT_ID and TARGET_REP_ID are required for the proposal steps');
    let proposal;
    await step('proposal card', async () => {
      await pickIdentity(env.OPS_ID);
      proposal = await ask(`move ${env.ACCOUNT_ID} to ${env.TARGET_REP_ID} because the end-to-end test moves it`);
      expect(await proposal.getAttribute('data-intent') === 'propose_reassignment',
        `intent ${await proposal.getAttribute('data-intent')}, expected propose_reassignment: ${await proposal.innerText()}`);
      await proposal.locator('.ac-adaptiveCard').first().waitFor();
      await proposal.locator('.ac-pushButton', { hasText: /^\s*Approve\s*$/ }).waitFor();
      await shot('3-proposal');
    });

    if (steps.includes('4')) {
      await step('approve', async () => {
        await proposal.locator('.ac-pushButton', { hasText: /^\s*Approve\s*$/ }).click();
        await page.waitForFunction((el) => !el.classList.contains('busy') && /approved/i.test(el.innerText), await proposal.elementHandle());
        await proposal.locator('.ac-adaptiveCard').first().waitFor();
        expect(await proposal.locator('.ac-pushButton', { hasText: /^\s*Approve\s*$/ }).count() === 0,
          'the approved card still offers Approve');
        await shot('4-approved');
      });
    }
  }
} catch (e) {
  console.error(`FAIL ${current}: ${e.message}`);
  try {
    await shot('failure');
  } catch { /* the page is gone */ }
  await browser.close();
  process.exit(1);
}

await browser.close();
