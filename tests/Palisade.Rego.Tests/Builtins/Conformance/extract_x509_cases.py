#!/usr/bin/env python3
"""Extracts OPA's x509 conformance cases, whose policies project the builtin's result, into test data.

Usage: extract_x509_cases.py <opa-cases/v1 dir> <out.json>

Each record names the projection the policy applies ("each.Subject.CommonName", "Subject.CommonName",
"verify", "Certificate.0", "count"), which the C# test applies to the builtin's result.
"""
import glob
import json
import os
import re
import sys

import yaml

PROJECTIONS = [
    (r"__local0__\[_\]\.Subject\.CommonName", "each.Subject.CommonName"),
    (r"__local0__\.Subject\.CommonName", "Subject.CommonName"),
    (r'"CN": cert\.Subject\.CommonName', "verify"),
    (r"\.Certificate\[0\]", "Certificate.0"),
    (r"\)\[0\]\.URIStrings", "first.URIStrings"),
    (r"count\(crypto\.parse_private_keys", "count"),
    (r"p := crypto\.parse_private_keys\(pem\)$", "identity"),
]


def literal(module, name):
    m = re.search(r"^" + name + r" := (\"(?:[^\"\\]|\\.)*\"|`[^`]*`)", module, re.M)
    if not m:
        return None
    text = m.group(1)
    return json.loads(text) if text.startswith('"') else text[1:-1]


def main():
    root, out = sys.argv[1], sys.argv[2]
    records = []
    for category in ["cryptox509parsecertificates", "cryptox509parseandverifycertificates",
                     "cryptox509parsecertificaterequest", "cryptox509parsekeypair", "cryptoparsersaprivatekeys"]:
        for path in sorted(glob.glob(os.path.join(root, category, "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                for case in yaml.safe_load(f)["cases"]:
                    module = case["modules"][0]
                    builtin = re.search(r"(crypto\.[a-z0-9_.]+)\(", module).group(1)
                    projection = next((p for pattern, p in PROJECTIONS if re.search(pattern, module, re.M)), None)
                    if projection is None:
                        print("skipped " + case["note"], file=sys.stderr)
                        continue
                    if builtin == "crypto.x509.parse_keypair":
                        args = [case["input"]["cert"], case["input"]["key"]]
                    else:
                        args = [next(v for v in (literal(module, n) for n in ["certs", "csr", "pem"]) if v is not None)]
                    record = {"note": case["note"], "builtin": builtin, "args": args, "projection": projection}
                    if "want_error" in case or "want_error_code" in case:
                        record["wantError"] = case.get("want_error", "")
                    else:
                        record["want"] = case["want_result"][0]["x"]
                    records.append(record)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(records)} cases written", file=sys.stderr)


main()
