// Finds the newslint binary: the `newslint.path` setting, else `newslint` on PATH.
//
// This module does not import `vscode`, so it is unit-tested with plain Node
// (test/unit/resolve.test.ts).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Where the binary was looked for, and what was found. */
export type Resolution =
  | { kind: "found"; path: string; from: "setting" | "PATH" }
  | { kind: "missing-setting"; configured: string; expanded: string }
  | { kind: "missing-path"; searched: string[] };

/** The inputs of the search, injectable for tests. */
export interface Environment {
  /** The raw value of `newslint.path` (empty or null when unset). */
  setting: string | null | undefined;
  /** The first workspace folder, for `${workspaceFolder}`. */
  workspaceFolder?: string;
  /** The PATH variable. */
  envPath?: string;
  /** PATHEXT on Windows. */
  envPathExt?: string;
  platform?: NodeJS.Platform;
  home?: string;
}

/** Expands `~` and `${workspaceFolder}` / `${userHome}` in a configured path. */
export function expand(value: string, env: Environment): string {
  const home = env.home ?? os.homedir();
  let v = value.trim();
  if (v === "~" || v.startsWith("~/") || v.startsWith("~\\")) {
    v = home + v.slice(1);
  }
  v = v.replace(/\$\{userHome\}/g, home);
  if (env.workspaceFolder !== undefined) {
    v = v.replace(/\$\{workspaceFolder\}/g, env.workspaceFolder);
  }
  if (!path.isAbsolute(v) && env.workspaceFolder !== undefined && v.includes("/")) {
    // A relative path such as `target/release/newslint` is taken from the workspace root.
    v = path.join(env.workspaceFolder, v);
  }
  return v;
}

function isExecutableFile(p: string, platform: NodeJS.Platform): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (platform === "win32") return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves the binary to run. Never throws. */
export function resolveServer(env: Environment): Resolution {
  const platform = env.platform ?? process.platform;
  const setting = (env.setting ?? "").trim();
  if (setting !== "") {
    const expanded = expand(setting, env);
    if (isExecutableFile(expanded, platform)) {
      return { kind: "found", path: expanded, from: "setting" };
    }
    // A bare command name in the setting (`newslint-dev`) is looked up on PATH below.
    if (expanded.includes("/") || expanded.includes("\\")) {
      return { kind: "missing-setting", configured: setting, expanded };
    }
    const onPath = searchPath(expanded, env, platform);
    return onPath.found !== undefined
      ? { kind: "found", path: onPath.found, from: "PATH" }
      : { kind: "missing-setting", configured: setting, expanded };
  }
  const onPath = searchPath("newslint", env, platform);
  return onPath.found !== undefined
    ? { kind: "found", path: onPath.found, from: "PATH" }
    : { kind: "missing-path", searched: onPath.searched };
}

function searchPath(
  name: string,
  env: Environment,
  platform: NodeJS.Platform,
): { found?: string; searched: string[] } {
  const sep = platform === "win32" ? ";" : ":";
  const dirs = (env.envPath ?? process.env.PATH ?? "").split(sep).filter((d) => d !== "");
  const exts =
    platform === "win32"
      ? ["", ...(env.envPathExt ?? process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter((e) => e !== "")]
      : [""];
  // Also look where `cargo install` puts binaries, which GUI-launched editors often miss on PATH.
  const cargoBin = path.join(env.home ?? os.homedir(), ".cargo", "bin");
  const all = dirs.includes(cargoBin) ? dirs : [...dirs, cargoBin];
  for (const dir of all) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate, platform)) {
        return { found: candidate, searched: all };
      }
    }
  }
  return { searched: all };
}

/** The text of the notification shown when the binary cannot be found. */
export function missingMessage(r: Exclude<Resolution, { kind: "found" }>): string {
  if (r.kind === "missing-setting") {
    return (
      `newslint: the server binary set in "newslint.path" was not found or is not executable: ${r.expanded}. ` +
      `Fix the setting, or clear it to use \`newslint\` from PATH.`
    );
  }
  return (
    "newslint: the `newslint` binary was not found on PATH or in ~/.cargo/bin, so drafts are not checked. " +
    "Install it with `cargo install --locked --path .` in a newslint checkout, " +
    'or set "newslint.path" to the binary, then run "newslint: Restart server".'
  );
}
