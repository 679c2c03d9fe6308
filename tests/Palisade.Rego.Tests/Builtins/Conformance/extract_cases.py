#!/usr/bin/env python3
"""Turns OPA conformance cases that make one builtin call with literal arguments into direct test data.

Usage: extract_cases.py <opa-cases/v1 dir> <out.json> <category>...

Each case kept is {note, builtin, args, want | wantError, contains}; arguments are JSON with sets written as
{"$set": [...]}. Cases whose arguments are computed (arithmetic, other calls) are skipped: the evaluator's tests
cover those.
"""
import glob
import json
import os
import re
import sys

import yaml

ARITY = {
    "io.jwt.decode": 1, "io.jwt.decode_verify": 2, "io.jwt.encode_sign": 3, "io.jwt.encode_sign_raw": 3,
    **{f"io.jwt.verify_{a}": 2 for a in ["rs256", "rs384", "rs512", "ps256", "ps384", "ps512", "es256", "es384",
                                         "es512", "hs256", "hs384", "hs512", "eddsa"]},
    "net.cidr_contains": 2, "net.cidr_intersects": 2, "net.cidr_expand": 1, "net.cidr_merge": 1,
    "net.cidr_is_valid": 1, "net.cidr_contains_matches": 2, "net.lookup_ip_addr": 1,
    "crypto.md5": 1, "crypto.sha1": 1, "crypto.sha256": 1, "crypto.hmac.md5": 2, "crypto.hmac.sha1": 2,
    "crypto.hmac.sha256": 2, "crypto.hmac.sha512": 2, "crypto.hmac.equal": 2,
    "crypto.x509.parse_certificates": 1, "crypto.x509.parse_and_verify_certificates": 1,
    "crypto.x509.parse_and_verify_certificates_with_options": 2, "crypto.x509.parse_certificate_request": 1,
    "crypto.x509.parse_keypair": 2, "crypto.x509.parse_rsa_private_key": 1, "crypto.parse_private_keys": 1,
    "json.verify_schema": 1, "json.match_schema": 2, "providers.aws.sign_req": 3,
    "time.parse_ns": 2, "time.parse_rfc3339_ns": 1, "time.parse_duration_ns": 1, "time.date": 1, "time.clock": 1,
    "time.weekday": 1, "time.add_date": 4, "time.diff": 2, "time.format": 1,
}


class Unsupported(Exception):
    pass


class Parser:
    def __init__(self, text, pos, env):
        self.s, self.i, self.env = text, pos, env

    def ws(self):
        while self.i < len(self.s) and (self.s[self.i] in " \t\r\n" or self.s[self.i] == "#"):
            if self.s[self.i] == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            else:
                self.i += 1

    def term(self):
        """Returns (value, source text)."""
        self.ws()
        start = self.i
        c = self.s[self.i]
        if c == '"':
            value = self.string()
        elif c == "`":
            end = self.s.index("`", self.i + 1)
            value = self.s[self.i + 1:end]
            self.i = end + 1
        elif c == "[":
            value = self.sequence("]")
        elif c == "{":
            value = self.braces()
        else:
            m = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?").match(self.s, self.i)
            if m:
                self.i = m.end()
                value = json.loads(m.group(0))
            else:
                m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*").match(self.s, self.i)
                if not m:
                    raise Unsupported(self.s[self.i:self.i + 20])
                self.i = m.end()
                value = self.resolve(m.group(0))
        self.ws()
        if self.i < len(self.s) and self.s[self.i] in "+-*/(" :
            raise Unsupported("computed argument")
        return value, self.s[start:self.i].strip()

    def resolve(self, ref):
        if ref in ("true", "false", "null"):
            return json.loads(ref)
        parts = re.findall(r"[A-Za-z_][A-Za-z0-9_]*|\[\d+\]", ref)
        if parts[0] in self.env.get("locals", {}) and len(parts) == 1:
            return self.env["locals"][parts[0]]
        if parts[0] not in ("data", "input"):
            return {"$var": ref}
        value = self.env[parts[0]]
        for p in parts[1:]:
            value = value[int(p[1:-1])] if p.startswith("[") else value[p]
        return value

    def string(self):
        end = self.i + 1
        while self.s[end] != '"':
            end += 2 if self.s[end] == "\\" else 1
        value = json.loads(self.s[self.i:end + 1])
        self.i = end + 1
        return value

    def sequence(self, close):
        self.i += 1
        items = []
        self.ws()
        while self.s[self.i] != close:
            items.append(self.term()[0])
            self.ws()
            if self.s[self.i] == ",":
                self.i += 1
                self.ws()
        self.i += 1
        return items

    def braces(self):
        self.i += 1
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return {}
        first = self.term()[0]
        self.ws()
        if self.s[self.i] == ":":
            obj = {}
            key = first
            while True:
                self.i += 1
                obj[key] = self.term()[0]
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
                    self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return obj
                key = self.term()[0]
                self.ws()
        items = [first]
        while True:
            self.ws()
            if self.s[self.i] == ",":
                self.i += 1
                self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return {"$set": items}
            items.append(self.term()[0])


def norm(text):
    return re.sub(r"\s+", "", text)


def extract(case):
    if len(case.get("modules", [])) != 1:
        raise Unsupported("modules")
    module = case["modules"][0]
    env = {"data": case.get("data", {}), "input": case.get("input", {}), "locals": {}}
    # Variables bound once to a literal ("cert := `...`") stand for that literal.
    for m in re.finditer(r"^\s*(\w+)\s*:?=\s*(?=[\"`\[{0-9-])", module, re.M):
        try:
            value, _ = Parser(module, m.end(), env).term()
            if "$var" not in json.dumps(value):
                env["locals"][m.group(1)] = value
        except (Unsupported, ValueError, IndexError, KeyError):
            pass
    calls = [(m.start(), m.group(1)) for m in re.finditer(r"(?<![\w.])([a-z0-9_]+(?:\.[a-z0-9_]+)+)\(", module)
             if m.group(1) in ARITY]
    if len(calls) != 1 or len(re.findall(r"[\w.]\(", module)) != 1:
        raise Unsupported("not a single call")
    pos, name = calls[0]
    parser = Parser(module, pos + len(name), env)
    parser.i += 1
    args, texts = [], []
    parser.ws()
    while module[parser.i] != ")":
        value, text = parser.term()
        args.append(value)
        texts.append(text)
        parser.ws()
        if module[parser.i] == ",":
            parser.i += 1
            parser.ws()
    compared = re.compile(r"\)\s*==\s*(\w+)").match(module, parser.i)
    if compared and len(args) == ARITY[name] and compared.group(1) in env["locals"] and re.search(r"^p if \{", module, re.M):
        # "p if { f(args) == expected }": the expected value is the result.
        record = {"note": case["note"], "builtin": name, "args": args, "contains": False}
        if "$var" in json.dumps(args):
            raise Unsupported("variable argument")
        if "want_error" in case or "want_error_code" in case:
            message = re.sub(r"^eval_\w+_error: ", "", case.get("want_error", ""))
            record["wantError"] = message[len(name) + 2:] if message.startswith(name + ": ") else message
            record["wantErrorCode"] = case.get("want_error_code", "")
        elif case.get("want_result") == [{"x": True}]:
            record["want"] = env["locals"][compared.group(1)]
        else:
            raise Unsupported("comparison not expected to hold")
        return record
    if len(args) == ARITY[name] + 1:
        out = norm(texts[-1])
        args = args[:-1]
    elif len(args) == ARITY[name]:
        before = module[:pos]
        m = re.search(r"(\w+)\s*(:=|=)\s*$", before)
        if not m:
            raise Unsupported("no output")
        out = m.group(1)
    else:
        raise Unsupported("arity")
    if "$var" in json.dumps(args):
        raise Unsupported("variable argument")
    aliases = dict((b, a) for a, b in re.findall(r"^\s*(\w+)\s*=\s*(\w+)\s*$", module, re.M))
    out = aliases.get(out, out)
    head = re.search(r"^p\s*(:=|contains)\s*(.+?)(\s+if\s*\{|$)", module, re.M)
    if not head:
        raise Unsupported("head")
    head_term = norm(head.group(2))
    contains = head.group(1) == "contains"
    if head_term != out and not (head_term.startswith(name + "(") and head_term.endswith(")")):
        raise Unsupported("head is not the output")
    record = {"note": case["note"], "builtin": name, "args": args, "contains": contains}
    if "want_error" in case or "want_error_code" in case:
        message = case.get("want_error", "")
        message = re.sub(r"^eval_\w+_error: ", "", message)
        message = message[len(name) + 2:] if message.startswith(name + ": ") else message
        record["wantError"] = message
        record["wantErrorCode"] = case.get("want_error_code", "")
    elif "want_result" in case:
        results = case["want_result"]
        if len(results) != 1:
            raise Unsupported("results")
        want = results[0]["x"]
        if contains:
            if len(want) != 1:
                raise Unsupported("set of results")
            want = want[0]
        record["want"] = want
    else:
        raise Unsupported("no expectation")
    return record


def main():
    root, out, categories = sys.argv[1], sys.argv[2], sys.argv[3:]
    records, skipped = [], []
    for category in categories:
        for path in sorted(glob.glob(os.path.join(root, category, "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                for case in yaml.safe_load(f)["cases"]:
                    try:
                        records.append(extract(case))
                    except Unsupported as e:
                        skipped.append(f"{case['note']}: {e}")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(records, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(records)} cases written, {len(skipped)} skipped", file=sys.stderr)
    for s in skipped:
        print("  skipped " + s, file=sys.stderr)


main()
