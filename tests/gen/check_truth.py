#!/usr/bin/env python3
"""Compares the CLI's result on a generated set with the set's truth.json (tests/gen/README.md).

    python3 tests/gen/check_truth.py [--cli build/native/seller-health] DIR
    python3 tests/gen/check_truth.py --result result.json DIR      # a result saved earlier
    python3 tests/gen/check_truth.py --make-fake fake.json DIR     # a result that matches truth.json

Runs `CLI --format json --as-of <truth as_of> FILES...` on the files listed in DIR/truth.json,
matches every truth metric with the CLI's metric of the same id + scope (+ category) whose source
is "computed", and compares numerator, denominator, rate, status, window, headroom,
needed_to_recover, (for odr) components and the bad items (ids, day, drops_out_on); then
feedback counts, the inputs (kind, encoding, rows, skipped) and that no rater e-mail leaks into
the output.
Prints a table of mismatches. Exit status: 0 everything matches, 1 any mismatch,
2 the CLI could not be run or its output is not a result.
Python 3.11 standard library only.
"""

import argparse
import fnmatch
import json
import os
import subprocess
import sys

RATE_ABS_TOL = 5e-7     # the CLI may round rates (output.md shows 7 decimals)
RATE_REL_TOL = 1e-6
STATUS_EXIT = {"failing": 2, "warning": 1, "good": 0, "no_data": 0}


def key_of(m):
    return (m.get("id"), m.get("scope"), m.get("category") or "")


def fmt_key(k):
    return f"{k[0]} {k[1]}" + (f" [{k[2]}]" if k[2] else "")


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return a == b
    return a == b or abs(a - b) <= 1e-9 * max(1.0, abs(a))


def same_rate(a, b):
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(b, (int, float)) or isinstance(b, bool):
        return False
    return abs(a - b) <= RATE_ABS_TOL or abs(a - b) <= RATE_REL_TOL * abs(a)


def show(v):
    if v is None:
        return "null"
    if v == "":
        return '""'
    if isinstance(v, float):
        return f"{v:.7g}"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return str(v)


class Report:
    def __init__(self, ignore=()):
        self.rows = []      # (what, field, expected, actual)
        self.ignored = []   # the same, matched by an --ignore pattern
        self.notes = []
        self.checked_fields = 0
        self.ignore = [(p.split(":", 1) + ["*"])[:2] for p in ignore]

    def _ignored(self, what, field):
        name = what.split(" ")[0]
        return any(fnmatch.fnmatchcase(name, m) and fnmatch.fnmatchcase(field, f) for m, f in self.ignore)

    def check(self, what, field, expected, actual, equal=None):
        self.checked_fields += 1
        ok = (equal or (lambda a, b: a == b))(expected, actual)
        if not ok:
            self.fail(what, field, show(expected), show(actual))
        return ok

    def fail(self, what, field, expected, actual):
        (self.ignored if self._ignored(what, field) else self.rows).append((what, field, expected, actual))

    @staticmethod
    def _table(rows, out):
        heads = ("metric / input", "field", "expected (truth)", "actual (CLI)")
        width = [max(len(h), *(min(60, len(r[i])) for r in rows)) for i, h in enumerate(heads)]
        print("  ".join(h.ljust(width[i]) for i, h in enumerate(heads)).rstrip(), file=out)
        print("  ".join("-" * w for w in width), file=out)
        for r in rows:
            cells = [c if len(c) <= 60 else c[:57] + "..." for c in r]
            print("  ".join(cells[i].ljust(width[i]) for i in range(4)).rstrip(), file=out)

    def print_table(self, out=sys.stdout):
        if self.rows:
            self._table(self.rows, out)
        if self.ignored:
            print(f"ignored by --ignore ({len(self.ignored)}):", file=out)
            self._table(self.ignored, out)


def compare(truth, result, report, strict=False, cli_exit=None, check_inputs=True, raw_output=""):
    # ---- metrics ------------------------------------------------------------------------
    cli_metrics = {}
    for m in result.get("metrics") or []:
        if isinstance(m, dict) and m.get("source", "computed") == "computed":
            cli_metrics.setdefault(key_of(m), m)
    truth_keys = set()
    for tm in truth["metrics"]:
        k = key_of(tm)
        truth_keys.add(k)
        what = fmt_key(k)
        cm = cli_metrics.get(k)
        if cm is None:
            report.fail(what, "(metric)", "present", "missing")
            continue
        report.check(what, "numerator", tm["numerator"], cm.get("numerator"), same_number)
        report.check(what, "denominator", tm["denominator"], cm.get("denominator"), same_number)
        if tm["status"] != "no_data":
            report.check(what, "rate", tm["rate"], cm.get("rate"), same_rate)
        report.check(what, "status", tm["status"], cm.get("status"))
        cw = cm.get("window") or {}
        if tm["window"]["from"] is not None:
            report.check(what, "window.from", tm["window"]["from"], cw.get("from"))
        report.check(what, "window.to", tm["window"]["to"], cw.get("to"))
        report.check(what, "headroom", tm["headroom"], cm.get("headroom"), same_number)
        report.check(what, "needed_to_recover", tm["needed_to_recover"], cm.get("needed_to_recover"), same_number)
        if "components" in tm:
            cc = cm.get("components")
            if not isinstance(cc, dict):
                report.fail(what, "components", show(tm["components"]), show(cc))
            else:
                for ck, cv in tm["components"].items():
                    report.check(what, f"components.{ck}", cv, cc.get(ck, 0), same_number)
        if "items" in tm and isinstance(cm.get("items"), list):
            compare_items(what, tm, cm, report)
    extras = sorted(k for k in cli_metrics if k not in truth_keys)
    for k in extras:
        if strict:
            report.fail(fmt_key(k), "(metric)", "absent", "present")
        else:
            report.notes.append(f"extra computed metric not in truth (not an error without --strict): {fmt_key(k)}")

    # ---- feedback counts ---------------------------------------------------------------------
    tf = truth.get("feedback")
    if tf:
        cf = (result.get("feedback") or {}).get("counts")
        if not isinstance(cf, dict):
            report.fail("feedback.counts", "(object)", "present", "missing")
        else:
            for window, c in tf["counts"].items():
                cw = cf.get(window) or {}
                for band, n in c.items():
                    report.check(f"feedback.counts.{window}", band, n, cw.get(band), same_number)

    # ---- inputs ----------------------------------------------------------------------------------
    if check_inputs:
        inputs = {i.get("name"): i for i in result.get("inputs") or [] if isinstance(i, dict)}
        for f in truth["files"]:
            what = f"input {f['name']}"
            ci = inputs.get(f["name"])
            if ci is None:
                report.fail(what, "(input)", "present", "missing")
                continue
            report.check(what, "kind", f["kind"], ci.get("kind"))
            report.check(what, "encoding", f["encoding"], ci.get("encoding"))
            report.check(what, "rows", f["rows"], ci.get("rows"), same_number)
            report.check(what, "skipped", f.get("skipped", 0), ci.get("skipped"), same_number)
            if ci.get("error"):
                report.fail(what, "error", "none", str(ci["error"]))

    # ---- the as_of the CLI used ------------------------------------------------------------------
    report.check("result", "as_of", truth["as_of"], result.get("as_of"))

    # ---- personal data -----------------------------------------------------------------------
    leaked = [s for s in truth.get("forbidden_strings", []) if s and s in raw_output]
    if leaked:
        report.fail("privacy", "rater e-mail in output", "none", f"{len(leaked)} e.g. {leaked[0]}")

    # ---- exit status -----------------------------------------------------------------------------
    if cli_exit is not None:
        expected = max([STATUS_EXIT.get(m["status"], 0) for m in truth["metrics"]] + [0])
        if any(r[1] == "status" for r in report.ignored):
            report.notes.append(f"CLI exit status {cli_exit} not checked: a status mismatch was ignored")
        elif extras and not strict:
            if cli_exit != expected:
                report.notes.append(f"CLI exit status {cli_exit}, truth alone implies {expected} "
                                    "(extra metrics may explain it)")
        else:
            report.check("cli", "exit status", expected, cli_exit)


def compare_items(what, tm, cm, report):
    """The bad items behind the numerator: which ones, their day and drops_out_on. When the
    numerators differ, the differing ids are notes that explain it; when the numerators agree but
    the items do not, that is a mismatch of its own (compensating errors)."""
    want = {i["order_id"]: i for i in tm["items"]}
    listed = [i for i in cm["items"] if isinstance(i, dict)]
    got = {i.get("order_id"): i for i in listed}
    count = cm.get("item_count", len(listed))
    capped = isinstance(count, (int, float)) and count > len(listed)
    missing = [] if capped else sorted(k for k in want if k not in got)
    extra = sorted(str(k) for k in got if k not in want)
    if missing or extra:
        if same_number(tm["numerator"], cm.get("numerator")):
            report.fail(what, "items", f"{len(missing)} not listed by the CLI, e.g. {missing[0]}" if missing else "-",
                        f"{len(extra)} not in truth, e.g. {extra[0]}" if extra else "-")
        else:
            if missing:
                report.notes.append(f"{what}: in truth, not in the CLI's items: {', '.join(missing[:10])}"
                                    + (" ..." if len(missing) > 10 else ""))
            if extra:
                report.notes.append(f"{what}: in the CLI's items, not in truth: {', '.join(extra[:10])}"
                                    + (" ..." if len(extra) > 10 else ""))
    for field in ("day", "drops_out_on"):
        differ = [(k, want[k][field], got[k].get(field)) for k in sorted(want) if k in got and field in got[k]
                  and want[k][field] != got[k].get(field)]
        report.checked_fields += 1
        if differ:
            k, e, a = differ[0]
            report.fail(what, f"items[].{field}", f"{k}: {show(e)}", f"{show(a)} ({len(differ)} item(s) differ)")


def fake_result(truth):
    """A result object (output.md shape) that matches truth.json exactly: for testing this script."""
    metrics = []
    for tm in truth["metrics"]:
        m = {k: tm[k] for k in ("id", "scope", "source", "numerator", "denominator", "rate", "target",
                                "condition", "status", "window", "headroom", "needed_to_recover")}
        if "category" in tm:
            m["category"] = tm["category"]
        if "components" in tm:
            m["components"] = dict(tm["components"])
        if "items" in tm:
            m["items"] = [{"order_id": i["order_id"], "day": i["day"], "kinds": i.get("kinds", []),
                           "drops_out_on": i.get("drops_out_on")} for i in tm["items"]]
            m["item_count"] = len(m["items"])
        m["recovers_on"] = None
        metrics.append(m)
    r = {"tool": "seller-health", "version": "0.0.0-fake", "as_of": truth["as_of"], "policy": truth["policy"],
         "inputs": [{"name": f["name"], "kind": f["kind"], "encoding": f["encoding"], "rows": f["rows"],
                     "skipped": f.get("skipped", 0), "problems": []} for f in truth["files"]],
         "metrics": metrics, "actions": [], "warnings": []}
    if truth.get("feedback"):
        r["feedback"] = {"counts": truth["feedback"]["counts"], "root_causes": [], "entries": []}
    return r


def run_cli(cli, truth, directory, extra_args):
    files = [os.path.join(directory, f["name"]) for f in truth["files"]]
    cmd = [cli, "--format", "json", "--as-of", truth["as_of"], *extra_args, *files]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"check_truth: cannot run {cli}: {e}", file=sys.stderr)
        return None, None, ""
    out = p.stdout.decode("utf-8", errors="replace")
    if p.returncode not in (0, 1, 2):
        print(f"check_truth: {cli} exited with status {p.returncode}", file=sys.stderr)
    err = p.stderr.decode("utf-8", errors="replace").strip()
    if err:
        lines = err.splitlines()
        print(f"CLI stderr ({len(lines)} lines):", file=sys.stderr)
        for line in lines[:15]:
            print("  " + line, file=sys.stderr)
        if len(lines) > 15:
            print("  ...", file=sys.stderr)
    try:
        result = json.loads(out)
    except json.JSONDecodeError as e:
        print(f"check_truth: the CLI's output is not JSON ({e}); first bytes: {out[:200]!r}", file=sys.stderr)
        return None, p.returncode, out
    return result, p.returncode, out


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare the CLI's result with a generated set's truth.json.")
    ap.add_argument("dir", help="a directory written by generate_reports.py")
    ap.add_argument("--cli", default="build/native/seller-health", help="the seller-health binary")
    ap.add_argument("--result", help="compare this saved JSON result instead of running the CLI")
    ap.add_argument("--make-fake", metavar="OUT", help="write a result that matches truth.json to OUT and exit")
    ap.add_argument("--strict", action="store_true",
                    help="computed metrics the truth does not list are mismatches too")
    ap.add_argument("--skip-inputs", action="store_true", help="do not compare inputs[] (kind, encoding, rows)")
    ap.add_argument("--cli-arg", action="append", default=[], help="extra argument for the CLI (repeatable)")
    ap.add_argument("--ignore", action="append", default=[], metavar="METRIC[:FIELD]",
                    help="do not count mismatches of this metric id (or input/feedback.counts.*) and field; "
                         "shell-style globs, e.g. 'feedback_*:needed_to_recover' (repeatable)")
    a = ap.parse_args(argv)

    truth_path = os.path.join(a.dir, "truth.json")
    try:
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"check_truth: cannot read {truth_path}: {e}", file=sys.stderr)
        return 2
    if a.make_fake:
        with open(a.make_fake, "w", encoding="utf-8") as f:
            json.dump(fake_result(truth), f, ensure_ascii=False, indent=1)
        return 0

    cli_exit = None
    if a.result:
        try:
            with open(a.result, encoding="utf-8") as f:
                raw = f.read()
            result = json.loads(raw)
        except (OSError, json.JSONDecodeError) as e:
            print(f"check_truth: cannot read {a.result}: {e}", file=sys.stderr)
            return 2
    else:
        result, cli_exit, raw = run_cli(a.cli, truth, a.dir, a.cli_arg)
        if result is None:
            return 2
    if not isinstance(result, dict) or not isinstance(result.get("metrics", []), list):
        print("check_truth: the result is not an object with metrics[]", file=sys.stderr)
        return 2

    report = Report(a.ignore)
    compare(truth, result, report, strict=a.strict, cli_exit=cli_exit, check_inputs=not a.skip_inputs,
            raw_output=raw)
    g = truth.get("generator", {})
    print(f"truth: {truth_path} (seed {g.get('seed')}, {truth['orders']['count']} orders, as_of {truth['as_of']}, "
          f"{len(truth['metrics'])} metrics)")
    report.print_table()
    for n in report.notes:
        print("note: " + n)
    bad = len(report.rows)
    print(f"{report.checked_fields} fields checked, {bad} mismatch{'es' if bad != 1 else ''}"
          + (f", {len(report.ignored)} ignored" if report.ignored else "") + (" -- OK" if bad == 0 else ""))
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
