#!/usr/bin/env python3
"""Writes seller-health.html: the whole app in one file that works opened from file:// with no
server and no network (the thing a seller e-mails to a colleague).

Usage: single_file.py WEB_DIR SITE_DIR OUT_HTML

Inlines web/style.css and every <script src> of web/index.html (the page glue, and the built
app.js from SITE_DIR), and both wasm builds as base64 (app.wasm and app-scalar.wasm, the same
ones the served site runs; the UI font is inside them): window.SellerHealthWasmBinary(name)
gives the page their bytes, so it never fetches them.
The CSP allows exactly these inline scripts and style by their SHA-256 hashes, and no
connection at all (connect-src 'none'). No manifest and no service worker: a file:// page has
neither. Site files the page fetches on demand (the CJK font, fonts/*) are inlined too, served
to the page's own fetch() from memory by a small shim, so a Chinese UI works from the file.
The ingest worker (app.js's glue and web/ingest_worker.js; the page posts it the compiled
module) travels as one script text, window.SellerHealthIngestSource, that the page starts from
a blob: URL (the CSP allows workers from blob: and nothing else).
"""
import base64
import hashlib
import json
import os
import re
import sys


def sha256_source(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def script_text(text):
    # Inside <script>, only "</script" (any case) ends the element; "<\/" means the same in JS.
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def main():
    web_dir, site_dir, out_path = sys.argv[1:4]
    read = lambda d, name: open(os.path.join(d, name), encoding="utf-8").read()
    html = read(web_dir, "index.html")
    css = read(web_dir, "style.css")
    wasm_b64 = {}
    for name in ("app.wasm", "app-scalar.wasm"):
        with open(os.path.join(site_dir, name), "rb") as f:
            wasm_b64[name] = base64.b64encode(f.read()).decode("ascii")
    with open(os.path.join(web_dir, "icon.svg"), "rb") as f:
        icon = "data:image/svg+xml;base64," + base64.b64encode(f.read()).decode("ascii")

    scripts = []

    # fetch() of these site paths is answered from the page itself (the file has no server).
    inline_files = {}
    fonts = os.path.join(site_dir, "fonts")
    if os.path.isdir(fonts):
        for name in sorted(os.listdir(fonts)):
            with open(os.path.join(fonts, name), "rb") as f:
                inline_files["fonts/" + name] = base64.b64encode(f.read()).decode("ascii")
    shim = (
        "(function () {\n"
        "  var files = " + json.dumps(inline_files) + ";\n"
        "  var fetchFromNetwork = window.fetch;\n"
        "  window.fetch = function (input, init) {\n"
        "    var url = new URL(typeof input === 'string' ? input : input.url, location.href);\n"
        "    var base = location.href.split('#')[0].replace(/[^/]*$/, '');\n"
        "    var path = url.href.indexOf(base) === 0 ? url.href.slice(base.length) : null;\n"
        "    if (path !== null && Object.prototype.hasOwnProperty.call(files, path)) {\n"
        "      var s = atob(files[path]), bytes = new Uint8Array(s.length);\n"
        "      for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n"
        "      return Promise.resolve(new Response(bytes, {status: 200}));\n"
        "    }\n"
        "    return fetchFromNetwork.apply(this, arguments);\n"
        "  };\n"
        "})();\n") if inline_files else ""

    # The worker's whole script: the Emscripten glue and the worker's own code.
    ingest_source = read(site_dir, "app.js") + "\n" + read(web_dir, "ingest_worker.js")

    def inline_script(match):
        name = match.group(1)
        if name == "sellerhealth.js":
            worker = script_text("window.SellerHealthIngestSource = " + json.dumps(ingest_source) + ";\n")
            scripts.append(worker)
            source = script_text(read(web_dir, name))
            scripts.append(source)
            return "<script>" + worker + "</script>\n  <script>" + source + "</script>"
        source = read(site_dir if name == "app.js" else web_dir, name)
        body = script_text(source)
        if name == "app.js":
            # The wasm travels inside the page; sellerhealth.js compiles it from these bytes.
            body += (
                "\n;window.SellerHealthWasmBinary = (function () {\n"
                "  var b64 = " + json.dumps(wasm_b64) + ";\n"
                "  return function (name) {\n"
                "    var s = atob(b64[name]), bytes = new Uint8Array(s.length);\n"
                "    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n"
                "    return bytes;\n"
                "  };\n"
                "})();\n")
        scripts.append(body)
        tag = "<script>" + body + "</script>"
        if name == "app.js" and shim:
            scripts.append(shim)
            tag = "<script>" + shim + "</script>\n  " + tag
        return tag

    html, n = re.subn(r'<script src="([^"]+)"></script>', inline_script, html)
    if n == 0 or "app.js" not in open(os.path.join(web_dir, "index.html"), encoding="utf-8").read():
        sys.exit("single_file.py: index.html has no <script src> to inline")
    html, n = re.subn(r'<link rel="stylesheet" href="style.css">', lambda m: "<style>" + css + "</style>", html)
    if n != 1:
        sys.exit("single_file.py: index.html's stylesheet link is missing")
    html = re.sub(r'\s*<link rel="(manifest|apple-touch-icon|preload)"[^>]*>', "", html)  # the wasm is inside
    html = re.sub(r'<link rel="icon" href="[^"]*"', '<link rel="icon" href="' + icon + '"', html)

    csp = ("default-src 'none'; "
           "script-src " + " ".join(sha256_source(s) for s in scripts) + " 'wasm-unsafe-eval'; "
           "style-src " + sha256_source(css) + "; "
           "img-src data: blob:; font-src 'none'; connect-src 'none'; worker-src blob:; "
           "manifest-src 'none'; media-src 'none'; frame-src 'none'; object-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    html, n = re.subn(r'(<meta http-equiv="Content-Security-Policy"\s+content=")[^"]*(")',
                      lambda m: m.group(1) + csp + m.group(2), html)
    if n != 1:
        sys.exit("single_file.py: index.html's Content-Security-Policy meta tag is missing")
    html = html.replace("<!doctype html>", "<!doctype html>\n<!-- Seller Health, single-file build: "
                        "works offline from file://; nothing in it connects anywhere. -->", 1)

    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(html)
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
