#!/usr/bin/env python3
"""Puts web/ and the scalar app build into the built site (issue 9).

Usage: site_files.py SITE_DIR SCALAR_DIR WEB_FILE...

- Each web file is copied; a .js file has its comment lines (a line that is only a // comment)
  made blank on the way: they are a quarter of the page glue's gzip size, and blank lines keep
  every line number as in web/, so a console message points at the right line of the source.
- SCALAR_DIR holds app-scalar.js/app-scalar.wasm, the app linked without wasm SIMD. The page
  loads app-scalar.wasm with app.js's glue where the browser cannot validate SIMD, so the two
  links must have written the same glue (the same minified import and export names): checked
  here, and the build fails if they differ. Only app-scalar.wasm goes into the site.
Files are written only when their content changed.
"""
import os
import re
import sys


def blank_comment_lines(text):
    out = []
    in_template = False  # inside a `template literal` that spans lines: left as it is
    for line in text.split("\n"):
        if not in_template and re.match(r"^\s*//", line):
            line = ""
        if line.count("`") % 2:
            in_template = not in_template
        out.append(line)
    return "\n".join(out)


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main():
    site, scalar, web_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(site, exist_ok=True)
    for path in web_files:
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".js"):
            data = blank_comment_lines(data.decode("utf-8")).encode("utf-8")
        write_if_changed(os.path.join(site, os.path.basename(path)), data)

    with open(os.path.join(site, "app.js"), encoding="utf-8") as f:
        glue = f.read()
    with open(os.path.join(scalar, "app-scalar.js"), encoding="utf-8") as f:
        scalar_glue = f.read().replace("app-scalar.wasm", "app.wasm")
    if scalar_glue != glue:
        sys.exit("site_files.py: app-scalar.js differs from app.js beyond the wasm's name, so "
                 "app-scalar.wasm cannot run with app.js's glue (the two links exported or "
                 "imported different functions)")
    with open(os.path.join(scalar, "app-scalar.wasm"), "rb") as f:
        write_if_changed(os.path.join(site, "app-scalar.wasm"), f.read())


if __name__ == "__main__":
    main()
