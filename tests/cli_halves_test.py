#!/usr/bin/env python3
"""The CLI reads a large All Orders file in two halves on two threads (src/cli/read_file.cpp);
its output must be exactly what streaming the same file whole gives.

Usage: cli_halves_test.py CLI
The file is given once as a regular file (read in halves) and once through a named pipe of the
same name (not a regular file: streamed whole), each from its own directory so the paths in the
messages are the same; stdout (the JSON) and stderr (problems with line numbers) must be equal.
Sets: orders whose item rows straddle the middle, rows that disagree on the status, bad rows in
both halves, non-Amazon ids, LF and CRLF; and one whose straddling order states different
buyer-requested flags in the two halves (the join refuses it and the CLI reads the file whole).
"""
import os
import random
import subprocess
import sys
import tempfile
import threading

HEADER = ("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
          "fulfillment-channel\tsales-channel\tquantity\tis-buyer-requested-cancellation\n")
MIN_BYTES = 34 << 20  # above the CLI's 32 MB threshold (core kMinPartBytes)


def orders_file(path, seed, line_end, flag_conflict=False):
    rng = random.Random(seed)
    rows, size, n = [], len(HEADER), 0
    while size < MIN_BYTES:
        # Mostly one order per few adjacent rows; every 50th row repeats an order from far back,
        # so some orders have rows in both halves.
        if n % 50 == 49 and n > 1000:
            order = rng.randrange(0, n // 3)
        else:
            order = n // 3
        amazon = order % 11 != 0
        oid = f"112-{1000000 + order // 10000000:07d}-{order % 10000000:07d}" if amazon else f"SHOP-{order}"
        day = 1 + order % 28
        month = 1 + (order // 28) % 12
        purchase = f"2026-{month:02d}-{day:02d}T{rng.randrange(24):02d}:10:00-07:00"
        # Bad rows (skipped, their lines listed): three early, the rest well into the second half,
        # so the first 20 problems hold lines of both halves.
        if n in (500, 1500, 2500) or (size > MIN_BYTES * 3 // 4 and rng.random() < 0.0001):
            purchase = "2026-13-01"
        updated = f"2026-{month:02d}-{day:02d}T{rng.randrange(24):02d}:30:00-07:00"
        status = "Cancelled" if rng.random() < 0.2 else "Shipped"
        flag = "" if order % 5 == 0 else ("true" if order % 3 == 0 else "false")
        row = (f"{oid}\t\t{purchase}\t{updated}\t{status}\t{'Merchant' if order % 2 else 'Amazon'}\t"
               f"{'Amazon.com' if order % 7 else 'Amazon.ca'}\t{1 + order % 3}\t{flag}")
        rows.append(row)
        size += len(row) + len(line_end)
        n += 1
    if flag_conflict:
        # The first row's order again at the very end, stating the other buyer flag.
        first = rows[0].split("\t")
        first[8] = "false" if first[8] == "true" else "true"
        first[3] = "2026-12-30T10:00:00-07:00"
        rows.append("\t".join(first))
    with open(path, "w", newline="") as f:
        f.write(HEADER.replace("\n", line_end))
        f.write(line_end.join(rows) + line_end)


def run(cli, cwd, name):
    return subprocess.run([cli, "--format", "json", "--as-of", "2026-12-31", name], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def whole_through_pipe(cli, source, cwd, name):
    fifo = os.path.join(cwd, name)
    os.mkfifo(fifo)

    def feed():
        with open(source, "rb") as src, open(fifo, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)

    writer = threading.Thread(target=feed)
    writer.start()
    out = run(cli, cwd, name)
    writer.join()
    return out


def main():
    cli = sys.argv[1]
    failed = 0
    cases = [("LF", "\n", False), ("CRLF", "\r\n", False), ("buyer flags differ across the halves", "\n", True)]
    for label, line_end, conflict in cases:
        with tempfile.TemporaryDirectory() as tmp:
            halves_dir, pipe_dir = os.path.join(tmp, "file"), os.path.join(tmp, "pipe")
            os.mkdir(halves_dir)
            os.mkdir(pipe_dir)
            path = os.path.join(halves_dir, "orders.txt")
            orders_file(path, seed=len(label), line_end=line_end, flag_conflict=conflict)
            halves = run(cli, halves_dir, "orders.txt")
            whole = whole_through_pipe(cli, path, pipe_dir, "orders.txt")
            same = halves.stdout == whole.stdout and halves.stderr == whole.stderr and \
                halves.returncode == whole.returncode
            problems = halves.stderr.count("orders.txt:")
            print(f"{'ok' if same else 'FAILED'}: {label}: {os.path.getsize(path) >> 20} MB, "
                  f"{len(halves.stdout)} bytes of JSON, {problems} problem lines, exit {halves.returncode}")
            if not same or problems == 0 or '"kind": "amazon.all_orders"' not in halves.stdout:
                failed += 1
                if halves.stdout != whole.stdout:
                    a, b = halves.stdout, whole.stdout
                    at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
                    print(f"  first difference at byte {at}: halves {a[at - 80:at + 80]!r}\n  whole {b[at - 80:at + 80]!r}")
                if halves.stderr != whole.stderr:
                    print(f"  stderr differs: halves {halves.stderr[:300]!r}\n  whole {whole.stderr[:300]!r}")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
