#!/usr/bin/env python3
"""The bad-input corpus through the CLI (CTest `bad_inputs_cli`): for every file of expected.tsv,
`seller-health --format json FILE` exits 3 (unusable) or prints a result whose input says what
expected.tsv says, never a crash; next to a good orders file the good file's summary is unchanged.
Usage: check_cli.py path/to/seller-health
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = os.path.join(HERE, "good", "all_orders_us.txt")


def expectations():
    with open(os.path.join(HERE, "expected.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def generated(name, tmp):
    """The big inputs expected.tsv names "@..." (as test_bad_inputs.cpp makes them)."""
    path = os.path.join(tmp, name[1:])
    with open(os.path.join(HERE, "header_only.txt"), "rb") as f:
        header = f.read()
    data = {
        "@long_single_line.txt": lambda: b"a" * 10_000_000,
        "@long_row.txt": lambda: header + b"111-1234567-1234567\t\t2026-10-01T10:00:00+00:00\t2026-10-01T10:00:00+00:00\t"
                                          b"Shipped\tMerchant\tAmazon.com\t" + b"x" * 10_000_000 + b"\tSKU-1\t1\t9.99\n",
        "@nested_200k.json": lambda: b'{"performanceMetrics": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    }[name]()
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(cli, files):
    p = subprocess.run([cli, "--as-of", "2026-11-20", "--format", "json"] + files,
                       capture_output=True, timeout=600)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def main():
    cli = sys.argv[1]
    failures = []
    status, out, err = run(cli, [GOOD])
    assert status in (0, 1, 2), (status, err)
    good_input = json.loads(out)["inputs"][0]
    with tempfile.TemporaryDirectory() as tmp:
        for name, kind, error, rows, skipped, line, column, message in expectations():
            path = generated(name, tmp) if name.startswith("@") else os.path.join(HERE, name)
            base = os.path.basename(path)

            def fail(why):
                failures.append(f"{name}: {why}")

            status, out, err = run(cli, [path])
            if status < 0 or status > 3:
                fail(f"crashed or unexpected exit status {status}: {err[-2000:]}")
                continue
            if error != "-":
                if status != 3:
                    fail(f"exit status {status}, expected 3 (no readable input)")
                if base not in err or error not in err:
                    fail(f"stderr does not name the file and say '{error}': {err[:300]}")
            else:
                if status == 3:
                    fail(f"exit status 3 for a usable file: {err[:300]}")
                    continue
                got = json.loads(out)["inputs"][0]
                want = {"kind": kind, "rows": int(rows), "skipped": int(skipped)}
                have = {k: got.get(k) for k in want}
                if have != want:
                    fail(f"input {have}, expected {want}")
                if line != "-":
                    first = got["problems"][0] if got["problems"] else None
                    if not first or (first["line"], first["column"], first["message"]) != (int(line), "" if column == "-" else column, message):
                        fail(f"first problem {first}, expected {(line, column, message)}")
                    if f"{base}:{line}:" not in err:
                        fail(f"stderr does not give '{base}:{line}:': {err[:300]}")
            # Next to the good file: a result (never 3, never a crash) and the good file unchanged.
            status, out, err = run(cli, [path, GOOD])
            if status not in (0, 1, 2):
                fail(f"with the good file: exit status {status}: {err[-2000:]}")
                continue
            inputs = json.loads(out)["inputs"]
            if inputs[1] != good_input:
                fail(f"the good file's summary changed: {inputs[1]} != {good_input}")
            if error != "-" and error not in (inputs[0].get("error") or ""):
                fail(f"with the good file: error {inputs[0].get('error')!r}")
            print(f"ok {name}")
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
