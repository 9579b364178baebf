#!/usr/bin/env python3
"""The CLI reads its files side by side on the machine's cores (src/cli/read_file.cpp); the
session must still get them in the order given, a file that cannot be opened must be reported
by name and change nothing else.

Usage: cli_files_test.py CLI
Worked by hand: two All Orders exports list order 111-0000001-0000001 with the same
last-updated-date, Shipped in one and Cancelled in the other. Among equal dates the file given
later wins (src/core/engine/README.md, item 6), so the cancel rate's numerator is 1 when the cancelling export comes
last and 0 when it comes first, whatever thread read which file. Eight filler exports (one order
each, all Shipped) sit between them so that several threads are reading at once.
"""
import json
import os
import subprocess
import sys
import tempfile

HEADER = "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\n"


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for r in rows:
            f.write("\t".join(r) + "\n")


def row(order, status):
    return (order, "2026-11-18T10:00:00-08:00", "2026-11-19T10:00:00-08:00", status, "Merchant")


def run(cli, cwd, names):
    return subprocess.run([cli, "--format", "json", "--as-of", "2026-11-20", *names], cwd=cwd,
                          capture_output=True, text=True, check=False)


def cancel_numerator(result):
    m = [m for m in result["metrics"] if m["id"] == "cancel_rate" and m["source"] == "computed"]
    return m[0]["numerator"] if m else None


def main():
    cli = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(tmp, "shipped.txt"), [row("111-0000001-0000001", "Shipped")])
        write(os.path.join(tmp, "cancelled.txt"), [row("111-0000001-0000001", "Cancelled")])
        fillers = []
        for i in range(8):
            name = f"filler{i}.txt"
            write(os.path.join(tmp, name), [row(f"111-000010{i}-000010{i}", "Shipped")])
            fillers.append(name)

        cases = [("cancelling export last", ["shipped.txt", *fillers, "cancelled.txt"], 1),
                 ("cancelling export first", ["cancelled.txt", *fillers, "shipped.txt"], 0)]
        for label, names, expected in cases:
            r = run(cli, tmp, names)
            result = json.loads(r.stdout)
            got_names = [i["name"] for i in result["inputs"]]
            numerator = cancel_numerator(result)
            ok = got_names == names and numerator == expected and r.stderr == ""
            print(f"{'ok' if ok else 'FAILED'}: {label}: numerator {numerator} (expected {expected}), "
                  f"inputs in the order given: {got_names == names}")
            if not ok:
                failures.append(label)

        # A file that cannot be opened: named on stderr, not in inputs[], the rest unchanged.
        names = ["shipped.txt", "missing.txt", *fillers, "cancelled.txt"]
        with_missing = run(cli, tmp, names)
        without = run(cli, tmp, ["shipped.txt", *fillers, "cancelled.txt"])
        got = [i["name"] for i in json.loads(with_missing.stdout)["inputs"]]
        ok = (with_missing.stdout == without.stdout and with_missing.returncode == without.returncode and
              with_missing.stderr.strip() == "missing.txt: cannot open: No such file or directory" and
              "missing.txt" not in got)
        print(f"{'ok' if ok else 'FAILED'}: a missing file among ten: stderr {with_missing.stderr.strip()!r}, "
              f"same JSON as without it: {with_missing.stdout == without.stdout}")
        if not ok:
            failures.append("missing file")

        # Nothing that can be opened: exit 3 (usage error or no readable input).
        none = run(cli, tmp, ["missing.txt", "also-missing.txt"])
        ok = none.returncode == 3 and none.stderr.count("cannot open") == 2
        print(f"{'ok' if ok else 'FAILED'}: no file opens: exit {none.returncode}")
        if not ok:
            failures.append("no file opens")

        # A directory is a path that cannot be opened as a file: named on stderr only.
        os.mkdir(os.path.join(tmp, "adir"))
        with_dir = run(cli, tmp, ["shipped.txt", "adir"])
        ok = (with_dir.stdout == run(cli, tmp, ["shipped.txt"]).stdout and
              with_dir.stderr.strip() == "adir: cannot open: Is a directory")
        print(f"{'ok' if ok else 'FAILED'}: a directory: stderr {with_dir.stderr.strip()!r}")
        if not ok:
            failures.append("directory")

        # After --, a name starting with '-' is a file.
        os.rename(os.path.join(tmp, "cancelled.txt"), os.path.join(tmp, "--cancelled.txt"))
        dashed = run(cli, tmp, ["--", "--cancelled.txt"])
        ok = dashed.returncode == 2 and json.loads(dashed.stdout)["inputs"][0]["name"] == "--cancelled.txt"  # 1 of 1 cancelled
        print(f"{'ok' if ok else 'FAILED'}: a file named --cancelled.txt after --: exit {dashed.returncode}")
        if not ok:
            failures.append("--")

        # A result that cannot be written is no "all good": exit 3 with a message.
        if os.path.exists("/dev/full"):
            with open("/dev/full", "w") as full:
                r = subprocess.run([cli, "--format", "json", "shipped.txt"], cwd=tmp, stdout=full,
                                   stderr=subprocess.PIPE, text=True, check=False)
            ok = r.returncode == 3 and "cannot write the result" in r.stderr
            print(f"{'ok' if ok else 'FAILED'}: stdout on a full disk: exit {r.returncode}, {r.stderr.strip()!r}")
            if not ok:
                failures.append("full disk")
    print(f"{7 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
