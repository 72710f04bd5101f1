// Drives a real VS Code (code-server) in headless Chromium through playwright-core:
// opens a draft, waits for newslint's warning squiggles, reads the Problems panel, applies a
// quick fix and checks that the draft's text changed as the fix said.
//
// Usage (e2e.sh sets this up): NODE_PATH=<dir with playwright-core> node e2e.js URL DRAFT_PATH [SCREENSHOT]
// Exit code 0 on success; every failure prints a reason and leaves a screenshot.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const [url, draftPath, screenshot] = process.argv.slice(2);
if (!url || !draftPath) {
  console.error("usage: node e2e.js URL DRAFT_PATH [SCREENSHOT]");
  process.exit(64);
}
const draftName = path.basename(draftPath);
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 60000);

function log(msg) {
  console.log(`e2e: ${msg}`);
}

class Failure extends Error {}

async function expectVisible(page, selector, what, timeout = TIMEOUT) {
  try {
    await page.waitForSelector(selector, { timeout, state: "visible" });
  } catch {
    throw new Failure(`${what} did not appear within ${timeout} ms (${selector})`);
  }
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  await expectVisible(page, ".quick-input-widget input", "command palette", 15000);
  await page.keyboard.type(title);
  // Wait for the palette to show the command before accepting it.
  await page.waitForFunction(
    (t) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((r) => r.textContent.includes(t)),
    title,
    { timeout: 15000 },
  );
  await page.keyboard.press("Enter");
}

async function main(page) {
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await expectVisible(page, ".monaco-workbench", "the workbench");
  // The explorer shows the workspace once the window has restored.
  await expectVisible(page, `.explorer-folders-view .monaco-list-row[aria-label*="${draftName}"], .explorer-folders-view [title*="${draftName}"]`, "the draft in the explorer");
  log("workbench loaded");

  // Open the draft through Quick Open.
  await page.keyboard.press("Control+P");
  await expectVisible(page, ".quick-input-widget input", "Quick Open", 15000);
  await page.keyboard.type(draftName);
  await page.waitForFunction(
    (n) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((r) => r.textContent.includes(n)),
    draftName,
    { timeout: 15000 },
  );
  await page.keyboard.press("Enter");
  await expectVisible(page, `.tab.active[aria-label*="${draftName}"], .tab.active[title*="${draftName}"]`, "the draft's editor tab", 20000);
  await expectVisible(page, ".editor-instance .monaco-editor .view-lines", "the editor");
  log(`opened ${draftName}`);

  // Diagnostics from the server render as squiggly decorations.
  await expectVisible(page, ".monaco-editor .squiggly-warning", "a warning squiggle");
  const squiggles = await page.locator(".monaco-editor .squiggly-warning").count();
  log(`${squiggles} warning squiggle(s) rendered`);

  // The Problems panel lists them with the rule id and the source.
  await page.keyboard.press("Control+Shift+M");
  await expectVisible(page, ".markers-panel .monaco-list-row", "a row in the Problems panel", 15000);
  const rows = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
  const problems = rows.map((r) => r.replace(/\s+/g, " ").trim()).filter((r) => r !== "");
  problems.forEach((p) => log(`problem: ${p}`));
  const ours = problems.filter((p) => /newslint/.test(p) && /(attribution|names|speculation)\/[a-z-]+/.test(p));
  if (ours.length === 0) throw new Failure("no newslint problem (source newslint, code family/rule) in the Problems panel");
  if (screenshot) await page.screenshot({ path: screenshot });

  // Go to each problem (by the line and column the Problems panel gives) until one offers a
  // real fix, not only "Disable …".
  const before = fs.readFileSync(draftPath, "utf8");
  const positions = ours
    .map((p) => /\[Ln (\d+), Col (\d+)\]/.exec(p))
    .filter((m) => m !== null)
    .map((m) => `${m[1]}:${m[2]}`);
  const isReal = (a) => !/^disable\b/i.test(a) && !/fix all|apply all/i.test(a);
  let actions = [];
  let pick = -1;
  let at = "";
  for (const pos of positions) {
    await runCommand(page, "Go to Line/Column");
    await page.keyboard.type(pos);
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
    await page.keyboard.press("Control+.");
    try {
      await expectVisible(page, ".action-widget .monaco-list-row.action", "the quick fix menu", 10000);
    } catch {
      log(`no code action at ${pos}`);
      continue;
    }
    actions = (await page.locator(".action-widget .monaco-list-row.action").allInnerTexts()).map((t) => t.trim());
    log(`code actions at ${pos}: ${actions.join(" | ")}`);
    pick = actions.findIndex(isReal);
    at = pos;
    if (pick >= 0) break;
    await page.keyboard.press("Escape");
  }
  if (pick < 0) {
    if (actions.length === 0) throw new Failure("no problem offered any code action");
    log(`no problem offers a fix other than disabling its rule; applying the first action at ${at}`);
    await page.keyboard.press("Control+.");
    await expectVisible(page, ".action-widget .monaco-list-row.action", "the quick fix menu", 10000);
    pick = 0;
  }
  log(`applying at ${at}: ${actions[pick]}`);
  if (screenshot) await page.screenshot({ path: screenshot.replace(/\.png$/, "") + "-quickfix.png" });
  // The menu opens with its first entry focused; a pointer block sits over it, so use keys.
  for (let i = 0; i < pick; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");

  // Save and compare the text on disk.
  await page.waitForTimeout(300);
  await page.keyboard.press("Control+S");
  const deadline = Date.now() + 15000;
  let after = before;
  while (Date.now() < deadline) {
    after = fs.readFileSync(draftPath, "utf8");
    if (after !== before) break;
    await page.waitForTimeout(200);
  }
  if (after === before) throw new Failure(`applying "${actions[pick]}" did not change the draft`);
  const a = before.split("\n");
  const b = after.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      log(`line ${i + 1} before: ${a[i] ?? "<none>"}`);
      log(`line ${i + 1} after:  ${b[i] ?? "<none>"}`);
    }
  }
  // The server re-lints the fixed text: the finding that was fixed leaves the Problems panel.
  const fixed = ours.find((p) => p.includes(`[Ln ${at.split(":")[0]}, Col ${at.split(":")[1]}]`)) || "";
  const fixedMessage = fixed.split(" newslint")[0];
  log(`waiting for this finding to go: ${fixedMessage}`);
  try {
    await page.waitForFunction(
      (m) => {
        const rows = [...document.querySelectorAll(".markers-panel .monaco-list-row")].map((r) => r.textContent);
        return rows.length > 0 && !rows.some((r) => r.includes(m));
      },
      fixedMessage,
      { timeout: 15000 },
    );
  } catch {
    throw new Failure(`the fixed finding is still in the Problems panel: ${fixedMessage}`);
  }
  const remaining = (await page.locator(".markers-panel .monaco-list-row").allInnerTexts()).map((r) => r.replace(/\s+/g, " ").trim());
  remaining.forEach((p) => log(`problem after the fix: ${p}`));

  // Point newslint.path at a binary that does not exist: the extension restarts the server and
  // must say clearly what is wrong and how to fix it.
  const settingsPath = path.join(path.dirname(draftPath), ".vscode", "settings.json");
  const settings = JSON.parse(fs.readFileSync(settingsPath, "utf8"));
  settings["newslint.path"] = path.join(path.dirname(draftPath), "no-such-dir", "newslint");
  fs.writeFileSync(settingsPath, JSON.stringify(settings, null, 2));
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll(".notifications-toasts .notification-toast, .notification-list-item")]
        .some((n) => /newslint\.path/.test(n.textContent) && /not found/.test(n.textContent)),
      undefined,
      { timeout: 30000 },
    );
  } catch {
    throw new Failure("no notification about the missing binary after newslint.path changed");
  }
  const toast = await page.locator(".notifications-toasts .notification-toast").first().innerText();
  log(`notification: ${toast.replace(/\s+/g, " ").trim()}`);
  log("OK: squiggles, Problems panel, a quick fix and the missing-binary notification all work");
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("pageerror", (e) => log(`page error: ${e.message.split("\n")[0]}`));
  let code = 0;
  try {
    await main(page);
  } catch (e) {
    code = 1;
    console.log(`e2e: FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
    const fail = screenshot ? screenshot.replace(/\.png$/, "") + "-failure.png" : "e2e-failure.png";
    await page.screenshot({ path: fail }).catch(() => undefined);
    console.log(`e2e: screenshot of the failure: ${fail}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
  process.exit(code);
})();
