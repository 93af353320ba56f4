// Drives the Microsoft 365 Agents Playground (a local Teams-like client) against a running bot, the way a person
// would: the playground page in headless Chromium renders the bot's Adaptive Cards with the official renderer.
//   1. open the page: the playground sends installationUpdate + conversationUpdate, the bot greets with a card;
//   2. type MESSAGE in the compose box: the bot answers with a card (must contain EXPECT);
//   3. click the card button titled BUTTON (an Action.Execute): the playground sends an adaptiveCard/action invoke
//      and replaces the card with the bot's answer (must contain AFTER);
//   4. the same invoke through the playground's REST route, checking the invoke response body itself.
// Usage: node teams-playground.mjs PLAYGROUND_URL MESSAGE EXPECT BUTTON AFTER VERB DATA_JSON [SCREENSHOT_DIR]
// Prints one JSON line {ok, steps[]} and exits 0 when every step passed, 1 otherwise, 2 on bad usage.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [base, message, expect, button, after, verb, dataJson, shots] = process.argv.slice(2);
if (!base || !message || !expect || !button || !after || !verb || !dataJson) {
  console.error('usage: node teams-playground.mjs PLAYGROUND_URL MESSAGE EXPECT BUTTON AFTER VERB DATA_JSON [SCREENSHOT_DIR]');
  process.exit(2);
}

const steps = [];
const step = (name, ok, detail) => steps.push({ name, ok, detail });
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const cards = page.locator('.ac-adaptiveCard');
  const shot = async (name) => {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, name) });
  };

  await page.goto(base, { waitUntil: 'domcontentloaded' });
  await cards.first().waitFor({ state: 'visible', timeout: 60_000 });
  const greeting = await cards.first().innerText();
  step('greeting card on conversationUpdate', /what I can do/i.test(greeting), greeting.slice(0, 120));
  await shot('1-greeting.png');

  const before = await cards.count();
  const compose = page.locator('[role="textbox"][contenteditable="true"]').first();
  await compose.click();
  await compose.fill(message);
  await compose.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 60_000 });
  const answer = cards.last();
  const answerText = await answer.innerText();
  step(`card reply to "${message}"`, answerText.includes(expect), answerText.slice(0, 160));
  await shot('2-reply.png');

  const action = answer.getByRole('button', { name: button });
  await action.first().click({ timeout: 30_000 });
  await page.waitForFunction(
    ({ text }) => [...document.querySelectorAll('.ac-adaptiveCard')].some((c) => c.innerText.includes(text)),
    { text: after },
    { timeout: 60_000 });
  step(`Action.Execute "${button}" updates the card`, true, after);
  await shot('3-after-execute.png');

  // The invoke response itself, through the playground's REST route (replyToId must name a message it knows).
  const config = await (await fetch(new URL('/_internal/v1/config', base))).json();
  const user = config.config.currentUser.id;
  const conversation = config.config.personalChat.id;
  const sent = await (await fetch(new URL(`/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, base), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: user }, text: message, textFormat: 'plain' }),
  })).json();
  const invoke = await fetch(new URL('/_conversation/v1/invoke', base), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'adaptiveCard/action', from: { id: user }, conversation: { id: conversation }, replyToId: sent.messageId,
      value: { action: { type: 'Action.Execute', id: 'e2e', verb, data: JSON.parse(dataJson) }, trigger: 'manual' },
    }),
  });
  const invokeBody = await invoke.text();
  let parsed = null;
  try { parsed = JSON.parse(invokeBody); } catch { /* reported below */ }
  const card = JSON.stringify(parsed ?? {});
  step('invoke response is the updated card',
    invoke.status === 200 && card.includes('application/vnd.microsoft.card.adaptive') && card.includes('"AdaptiveCard"'),
    `${invoke.status} ${invokeBody.slice(0, 200)}`);

  ok = steps.every((s) => s.ok);
} catch (e) {
  step('playground session', false, String(e?.message ?? e).slice(0, 500));
} finally {
  await browser.close();
}

console.log(JSON.stringify({ ok, steps }));
process.exit(ok ? 0 : 1);
