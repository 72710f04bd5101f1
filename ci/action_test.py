#!/usr/bin/env python3
"""Runs the composite action in action.yml locally, the way a GitHub runner would, against the
real newslint binary: each `run:` step in order with its `env:`, `if:` and `working-directory:`,
`${{ inputs.* }}`, `${{ github.action_path }}` and `${{ steps.*.outputs.* }}` substituted, and
GITHUB_OUTPUT / GITHUB_PATH files between steps. `uses:` steps (the cache) are skipped, as a
cache miss. Checks the exit codes, the workflow annotations and the SARIF file.

Usage: ci/action_test.py [--install]   (NEWSLINT_BIN=... for the binary when not --install)
--install runs the build step too (`cargo install`; slow: a release build).
"""
import atexit
import json
import os
import re
import subprocess
import sys
import shutil
import tempfile

import yaml  # PyYAML

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACTION = yaml.safe_load(open(os.path.join(ROOT, "action.yml")))
EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
SCRATCH = tempfile.mkdtemp(prefix="newslint-action-test-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


def run_action(inputs, workdir, extra_path):
    """Runs the action's steps; returns (exit code, stdout of all steps, outputs)."""
    values = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    values.update(inputs)
    steps_out = {}
    tmp = tempfile.mkdtemp(dir=SCRATCH)
    path_file = os.path.join(tmp, "path")
    open(path_file, "w").close()

    def lookup(expr):
        if expr.startswith("inputs."):
            return values[expr[len("inputs."):]]
        if expr == "github.action_path":
            return ROOT
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m:
            return steps_out.get(m.group(1), {}).get(m.group(2), "")
        raise ValueError(f"unsupported expression: {expr}")

    def subst(text):
        return EXPR.sub(lambda m: lookup(m.group(1)), str(text))

    def condition(cond):
        m = re.fullmatch(r"inputs\.([\w-]+)\s*==\s*'([^']*)'", cond.strip())
        if not m:
            raise ValueError(f"unsupported condition: {cond}")
        return values[m.group(1)] == m.group(2)

    env = dict(os.environ)
    env["PATH"] = extra_path + os.pathsep + env["PATH"]
    env.update(RUNNER_OS="Linux", RUNNER_ARCH="X64", RUNNER_TOOL_CACHE=os.path.join(tmp, "toolcache"),
               GITHUB_PATH=path_file)
    stdout = ""
    for step in ACTION["runs"]["steps"]:
        if "if" in step and not condition(step["if"]):
            continue
        if "uses" in step:
            continue  # the cache: behave as a miss
        out_file = os.path.join(tmp, f"out-{step.get('id', 'x')}")
        open(out_file, "w").close()
        step_env = dict(env, GITHUB_OUTPUT=out_file)
        for k, v in step.get("env", {}).items():
            step_env[k] = subst(v)
        for line in open(path_file).read().splitlines():
            step_env["PATH"] = line + os.pathsep + step_env["PATH"]
        cwd = os.path.join(workdir, subst(step.get("working-directory", ".")))
        # GitHub runs composite bash steps as `bash --noprofile --norc -eo pipefail {0}`.
        script = os.path.join(tmp, "step.sh")
        open(script, "w").write(subst(step["run"]))
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                              cwd=cwd, env=step_env, capture_output=True, text=True)
        stdout += proc.stdout
        sys.stderr.write(proc.stderr)
        if "id" in step:
            steps_out[step["id"]] = dict(l.split("=", 1) for l in open(out_file).read().splitlines() if "=" in l)
        if proc.returncode != 0:
            return proc.returncode, stdout, steps_out
    return 0, stdout, steps_out


def main():
    install = "--install" in sys.argv
    bin_dir = ""
    if not install:
        binary = os.environ.get("NEWSLINT_BIN") or os.path.join(ROOT, "target", "debug", "newslint")
        if not os.access(binary, os.X_OK):
            sys.exit(f"action-test: no binary at {binary}; set NEWSLINT_BIN or pass --install")
        bin_dir = tempfile.mkdtemp(dir=SCRATCH)
        os.symlink(os.path.abspath(binary), os.path.join(bin_dir, "newslint"))

    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    ws = tempfile.mkdtemp(dir=SCRATCH)
    os.makedirs(os.path.join(ws, "drafts", "clean"))
    with open(os.path.join(ws, "drafts", "clean", "bridge.md"), "w") as f:
        f.write("# Bridge reopens\n\nThe river bridge reopened on Friday after repairs, the city's roads office said.\n")
    with open(os.path.join(ws, "drafts", "hedged.md"), "w") as f:
        f.write("# Museum plan\n\nThe museum will reportedly close its east wing next year.\n\n"
                "Critics say the move could signal deeper cuts.\n")
    common = {"install": "true" if install else "false"}

    code, out, _ = run_action(dict(common, paths="drafts/clean"), ws, bin_dir)
    print(out, end="")
    check(code == 0, f"a clean directory passes (exit {code})")
    check("::" not in out, "and prints no annotation")

    sarif = "reports/newslint.sarif"
    code, out, outputs = run_action(dict(common, paths="drafts/hedged.md\ndrafts/clean", **{"sarif-file": sarif}), ws, bin_dir)
    print(out, end="")
    check(code == 1, f"a draft with findings fails with exit 1 (exit {code})")
    ann = [l for l in out.splitlines() if l.startswith("::")]
    check(bool(ann) and all(re.match(r"::(error|warning|notice) file=drafts/hedged\.md,line=\d+", l) for l in ann),
          f"every finding is a workflow annotation on drafts/hedged.md ({len(ann)})")
    check(outputs.get("check", {}).get("exit-code") == "1", "the exit-code output is 1")
    check(outputs.get("check", {}).get("sarif-file") == sarif, "the sarif-file output names the file")
    try:
        doc = json.load(open(os.path.join(ws, sarif)))
        results = doc["runs"][0]["results"]
        check(doc.get("version") == "2.1.0", "the SARIF file is SARIF 2.1.0")
        check(len(results) == len(ann), f"SARIF holds the same {len(ann)} findings")
    except (OSError, ValueError, KeyError, IndexError) as e:
        check(False, f"the SARIF file is readable ({e})")

    code, out, _ = run_action(dict(common, paths="drafts/hedged.md", args="--fail-on never"), ws, bin_dir)
    check(code == 0, f"args are passed on (--fail-on never: exit {code})")

    code, out, _ = run_action(dict(common, paths="drafts/missing.md"), ws, bin_dir)
    check(code == 2, f"a missing path is an error, exit 2 (exit {code})")

    print("action-test: " + ("OK" if not failures else f"{len(failures)} FAILED"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
