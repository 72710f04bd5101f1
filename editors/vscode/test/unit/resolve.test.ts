// Unit tests for the binary lookup (no VS Code needed): `npm run test:unit`.
import { after, test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expand, missingMessage, resolveServer } from "../../src/resolve";

const roots: string[] = [];
after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

function tempTree(): { root: string; bin: string; home: string; exe: string; plain: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newslint-resolve-"));
  roots.push(root);
  const bin = path.join(root, "bin");
  const home = path.join(root, "home");
  fs.mkdirSync(bin);
  fs.mkdirSync(home);
  const exe = path.join(bin, "newslint");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o755);
  const plain = path.join(root, "not-executable");
  fs.writeFileSync(plain, "");
  fs.chmodSync(plain, 0o644);
  return { root, bin, home, exe, plain };
}

test("expand: ~, ${userHome}, ${workspaceFolder} and workspace-relative paths", () => {
  const env = { setting: null, home: "/h", workspaceFolder: "/ws" };
  const cases: [string, string][] = [
    ["~/bin/newslint", "/h/bin/newslint"],
    ["${userHome}/x", "/h/x"],
    ["${workspaceFolder}/target/release/newslint", "/ws/target/release/newslint"],
    ["target/release/newslint", "/ws/target/release/newslint"],
    ["/abs/newslint", "/abs/newslint"],
    ["newslint", "newslint"],
  ];
  for (const [input, expected] of cases) {
    assert.equal(expand(input, env), expected, input);
  }
});

test("setting wins over PATH and must be executable", { skip: process.platform === "win32" }, () => {
  const t = tempTree();
  const other = path.join(t.root, "other");
  fs.copyFileSync(t.exe, other);
  fs.chmodSync(other, 0o755);
  assert.deepEqual(resolveServer({ setting: other, envPath: t.bin, home: t.home }), {
    kind: "found",
    path: other,
    from: "setting",
  });
  const r = resolveServer({ setting: t.plain, envPath: t.bin, home: t.home });
  assert.equal(r.kind, "missing-setting");
  const gone = resolveServer({ setting: path.join(t.root, "nope"), envPath: t.bin, home: t.home });
  assert.equal(gone.kind, "missing-setting");
  assert.match(missingMessage(gone), /newslint\.path/);
});

test("PATH, then ~/.cargo/bin, else a message that says how to fix it", { skip: process.platform === "win32" }, () => {
  const t = tempTree();
  assert.deepEqual(resolveServer({ setting: "", envPath: `/nonexistent:${t.bin}`, home: t.home }), {
    kind: "found",
    path: t.exe,
    from: "PATH",
  });
  const cargo = path.join(t.home, ".cargo", "bin");
  fs.mkdirSync(cargo, { recursive: true });
  fs.copyFileSync(t.exe, path.join(cargo, "newslint"));
  fs.chmodSync(path.join(cargo, "newslint"), 0o755);
  const viaCargo = resolveServer({ setting: null, envPath: "/nonexistent", home: t.home });
  assert.equal(viaCargo.kind === "found" && viaCargo.path, path.join(cargo, "newslint"));
  fs.rmSync(cargo, { recursive: true });
  const missing = resolveServer({ setting: null, envPath: "/nonexistent", home: t.home });
  assert.equal(missing.kind, "missing-path");
  const m = missingMessage(missing);
  assert.match(m, /cargo install/);
  assert.match(m, /newslint\.path/);
});

test("a bare command name in the setting is looked up on PATH", { skip: process.platform === "win32" }, () => {
  const t = tempTree();
  const r = resolveServer({ setting: "newslint", envPath: t.bin, home: t.home });
  assert.equal(r.kind === "found" && r.path, t.exe);
});
