// The newslint VS Code extension: starts `newslint server` for Markdown drafts and speaks LSP
// with it through vscode-languageclient. All linting happens in the server.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { missingMessage, resolveServer } from "./resolve";

const SECTION = "newslint";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let traceOutput: vscode.LogOutputChannel | undefined;
/** Serialises start/stop so that a burst of restarts cannot start two servers. */
let queue: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("newslint", { log: true });
  traceOutput = vscode.window.createOutputChannel("newslint (trace)", { log: true });
  context.subscriptions.push(output, traceOutput);

  context.subscriptions.push(
    vscode.commands.registerCommand("newslint.restart", () => enqueue(() => restart(context, true))),
    vscode.commands.registerCommand("newslint.showOutput", () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Rules and debounce reach the running server through workspace/didChangeConfiguration;
      // a different binary needs a new process.
      if (e.affectsConfiguration(`${SECTION}.path`)) {
        void enqueue(() => restart(context, false));
      }
    }),
  );

  void enqueue(() => start(context));
}

export function deactivate(): Thenable<void> | undefined {
  return enqueue(stop);
}

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task).catch((e) => log(`error: ${String(e)}`));
  return queue;
}

function log(line: string): void {
  output?.info(line);
}

function settings(): { path: string | null; rules: Record<string, string>; debounceMs: number } {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return {
    path: cfg.get<string | null>("path", null),
    rules: cfg.get<Record<string, string>>("rules", {}),
    debounceMs: cfg.get<number>("debounceMs", 150),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const s = settings();
  const resolution = resolveServer({
    setting: s.path,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  if (resolution.kind !== "found") {
    const message = missingMessage(resolution);
    log(message);
    if (resolution.kind === "missing-path") log(`searched: ${resolution.searched.join(", ")}`);
    void notifyMissing(message);
    return;
  }
  log(`starting ${resolution.path} server (found via ${resolution.from})`);

  const serverOptions: ServerOptions = {
    command: resolution.path,
    args: ["server"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    // Used by the server where no newslint.toml applies.
    initializationOptions: { rules: s.rules, debounceMs: s.debounceMs },
    synchronize: {
      // Sends the whole `newslint` section on every change of it.
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{newslint.toml,.newslint.toml}"),
    },
    outputChannel: output,
    traceOutputChannel: traceOutput,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  const c = new LanguageClient(SECTION, "newslint", serverOptions, clientOptions);
  client = c;
  try {
    await c.start();
    log("server started");
  } catch (e) {
    log(`the server failed to start: ${String(e)}`);
    client = undefined;
    void vscode.window
      .showErrorMessage(
        `newslint: \`${resolution.path} server\` failed to start (${String(e)}). Is it a newslint build with the \`server\` command?`,
        "Show Output",
      )
      .then((choice) => {
        if (choice === "Show Output") output?.show(true);
      });
  }
  context.subscriptions.push({ dispose: () => void c.stop().catch(() => undefined) });
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c === undefined) return;
  try {
    await c.stop(2000);
  } catch (e) {
    log(`stopping the server: ${String(e)}`);
  }
}

async function restart(context: vscode.ExtensionContext, announce: boolean): Promise<void> {
  log("restarting the server");
  await stop();
  await start(context);
  if (announce && client !== undefined) {
    void vscode.window.setStatusBarMessage("newslint: server restarted", 3000);
  }
}

async function notifyMissing(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, "Open Settings", "Retry");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.path`);
  } else if (choice === "Retry") {
    await vscode.commands.executeCommand("newslint.restart");
  }
}
