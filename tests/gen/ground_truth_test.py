#!/usr/bin/env python3
"""The engine against the generator's independent ground truth, over several generated sets.

Usage: ground_truth_test.py CLI [--quick]
Each set is generated into a temporary directory and checked with check_truth.py; the last
line is 'N passed, N failed'.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# name, generator arguments. The first is the 100,000-order check.
SETS = [
    ("100k orders, seven marketplaces, realistic encodings",
     ["--orders", "100000", "--seed", "7", "--marketplace", "us,uk,de,fr,es,it,jp", "--encoding", "realistic"]),
    ("failing account, as of an earlier day",
     ["--orders", "5000", "--seed", "11", "--defect-scale", "6", "--truth-as-of", "2026-11-05"]),
    ("overlapping order files, bad rows, CRLF, semicolon CSVs, 29-column header",
     ["--orders", "8000", "--seed", "12", "--overlap-orders", "--bad-rows", "25", "--crlf",
      "--csv-delimiter", ";", "--orders-header", "29", "--shuffle-template-columns"]),
    ("UTF-16 and Windows-1252 files, buyer-cancel columns",
     ["--orders", "6000", "--seed", "13", "--marketplace", "uk,de", "--encoding", "*=utf-16le",
      "--encoding", "amazon.feedback=windows-1252", "--buyer-cancel-column", "yes"]),
]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    cli = os.path.abspath(sys.argv[1])
    sets = SETS[1:] if "--quick" in sys.argv else SETS
    passed = failed = 0
    for name, args in sets:
        with tempfile.TemporaryDirectory(prefix="sh-truth-") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "generate_reports.py"), *args, "--out", out, "--quiet"],
                           check=True)
            check = subprocess.run([sys.executable, os.path.join(HERE, "check_truth.py"), "--cli", cli, out],
                                   capture_output=True, text=True)
            ok = check.returncode == 0
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
            if not ok:
                print(check.stdout[-6000:])
                print(check.stderr[-2000:])
            passed += ok
            failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
