// Drives Microsoft 365 Agents Playground's web UI in headless Chromium (Debian's, via playwright-core): types the
// start command, then answers every prompt card by clicking it (typing into its text input first when it has one),
// saving a screenshot of each open prompt card. Prints one JSON line: { prompts: [...], warnings: [...] }.
// Usage: node click-hunt.mjs <playground-url> <screenshot-dir> <start-command> [chromium]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [, , url, shots, command, executable = '/usr/bin/chromium'] = process.argv;
const limit = Number(process.env.PLAYGROUND_PROMPT_LIMIT ?? 60);
// The first prompt comes after the hunt's feed load and SIEM query: on a loaded CI machine that can take a while.
const firstCardMs = 120000;
const nextCardMs = 30000;
fs.mkdirSync(shots, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chatopsbot-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable,
  headless: true,
  viewport: { width: 1400, height: 1100 },
  // Root in a container; no GPU; and this machine's closed network refuses Chromium's background connections.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { prompts: [], warnings: [], errors: [] };
try {
  const page = await context.newPage();
  // The Playground asks a CDN for fonts: only loopback is allowed out.
  await page.route('**/*', r => {
    const host = new URL(r.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? r.continue() : r.abort();
  });
  page.on('pageerror', e => result.errors.push(String(e)));
  await page.goto(url);
  const compose = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await compose.waitFor({ timeout: 60000 });
  await compose.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');

  const answered = new Set();
  let tickets = 0;
  for (let n = 0; n < limit; n++) {
    const card = await nextOpenCard(page, answered, n === 0 ? firstCardMs : nextCardMs);
    if (!card) {
      if (n === 0) result.errors.push(`no prompt card appeared within ${firstCardMs / 1000} s of the start command`);
      break;
    }
    const text = await card.innerText();
    const section = (text.split(' · ')[0] || 'card').trim().split(/\s+/).pop();
    const key = cardKey(text);
    // The Teams renderer draws Input.Text with its own control, not always the stock input.ac-textInput.
    const input = card.locator('input.ac-textInput, textarea, input[type="text"]');
    let typed = null;
    if (await input.count() > 0) {
      typed = /Helpdesk ticket number/.test(text) ? `HD-${305000 + tickets++}` : /Phishing playbook/.test(text) ? 'phishing-oncall' : 'Nothing else stood out.';
      await input.first().fill(typed);
    }
    const file = path.join(shots, `${String(n + 1).padStart(2, '0')}-${section.toLowerCase()}${typed ? '-input' : ''}.png`);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: file });
    const buttons = card.getByRole('button');
    const titles = await buttons.allInnerTexts();
    const suggested = /Evidence points to: (.+)/.exec(text)?.[1]?.trim();
    const choice = titles.find(t => t.trim() === suggested) ?? titles[0];
    await card.getByRole('button', { name: choice, exact: true }).first().click();
    answered.add(key);
    result.prompts.push({ section, title: lines(text)[1] ?? '', clicked: choice, typed, screenshot: file });
    // The card is replaced by the answered one (no buttons) once the bot has the answer.
    await page.waitForFunction(k => ![...document.querySelectorAll('.ac-adaptiveCard')].some(c =>
      c.querySelector('button') && c.innerText.split('\n').map(l => l.trim()).filter(Boolean).join('|') === k), key, { timeout: 30000 }).catch(() => {});
  }
  await page.screenshot({ path: path.join(shots, 'final.png'), fullPage: true });
  // The Playground writes a warning line to its log panel for each card feature it does not support.
  const log = await page.locator('body').innerText();
  result.warnings = log.split('\n').filter(l => /not supported/i.test(l));
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));

// The first card with a button that was not answered yet; null when none appears within `wait` ms.
async function nextOpenCard(page, answered, wait) {
  const deadline = Date.now() + wait;
  while (Date.now() < deadline) {
    const cards = page.locator('.ac-adaptiveCard');
    const count = await cards.count();
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      if (await card.locator('button').count() === 0) continue;
      const text = await card.innerText();
      if (!answered.has(cardKey(text))) return card;
    }
    await page.waitForTimeout(250);
  }
  return null;
}

// An open prompt card is known by all its text: two prompts of a run with the same title differ in their facts (host, IP).
function lines(text) { return text.split('\n').map(l => l.trim()).filter(Boolean); }
function cardKey(text) { return lines(text).join('|'); }
