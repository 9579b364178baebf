#!/usr/bin/env python3
"""Writes the built site's service worker: web/sw.js with its BUILD line replaced by the site's
file list and a version taken from the files' content hash (so any change makes a new cache).

Usage: service_worker.py SITE_DIR TEMPLATE
"""
import hashlib
import json
import os
import sys

# Not part of the app a seller runs offline.
SKIP = {"sw.js", "README.md"}


def site_files(site):
    out = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(root, name), site).replace(os.sep, "/")
            if rel in SKIP or name.startswith(".") or name.endswith(".map"):
                continue
            out.append(rel)
    return sorted(out)


def main():
    site, template_path = sys.argv[1], sys.argv[2]
    with open(template_path, encoding="utf-8") as f:
        template = f.read()
    files = site_files(site)
    digest = hashlib.sha256(template.encode("utf-8"))
    for rel in files:
        with open(os.path.join(site, rel), "rb") as f:
            digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(f.read()).digest())
    build = {"version": digest.hexdigest()[:16], "files": files}
    marker = 'const BUILD = {"version": "dev", "files": []};'
    if marker not in template:
        sys.exit("service_worker.py: the BUILD line is missing from " + template_path)
    text = template.replace(marker, "const BUILD = " + json.dumps(build) + ";")
    out = os.path.join(site, "sw.js")
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
