#!/usr/bin/env python3
"""An independent check of a Traceability audit export (format traceability-audit-export/2).

Written from the rules an export states in its manifest.json (chain.digestRule, chain.linkRule,
chain.signatureRule, signature), with Python's standard library only: no code of the service and no .NET;
the ECDSA arithmetic is its own, SHA-256 is hashlib's. It is a second implementation of the export's
integrity rules, for an assessor who would rather not rely on the service's own verifier (`verify-export`) alone.

    python3 scripts/verify-export.py EXPORT.zip --public-key SERVICE-KEY.pem [--public-key EARLIER-KEY.pem ...]

It checks that:
  - the zip holds manifest.json, manifest.sig and exactly the files the manifest lists, with their sizes and SHA-256;
  - manifest.sig is a valid ECDSA P-256 signature of manifest.json's exact bytes by a pinned key;
  - events.jsonl runs from position 1 without a gap, every link follows from the one before (from chain.genesis)
    and the last one is chain.head, at the manifest's asOf position;
  - every line that carries its event's fields digests to the digest the line states;
  - every event belongs to an append signed by a pinned key (Marten's empty gap fillers, "mt_tombstone", excepted).

It does not rebuild decisions.json, matrix.json and the other files from the events: the service's verifier
(`verify-export`, or POST /api/audit-exports/verify) does that. A valid signature by the pinned key means the
service wrote those files as they are. Exit status: 0 VALID, 1 INVALID, 2 the zip or the arguments are unusable.
"""

import argparse
import base64
import hashlib
import json
import sys
import uuid
import zipfile
from datetime import datetime, timezone

FORMAT = "traceability-audit-export/2"
MAX_ENTRIES = 16
MAX_MANIFEST_BYTES = 1 << 20
# What the service's own verifier allows (ExportLimits), so a crafted zip cannot hold this one's memory or time.
MAX_SIGNATURE_BYTES = 4096
MAX_EVENT_LINE_BYTES = 16 << 20
MAX_TOTAL_BYTES = 3072 << 20

# ECDSA over NIST P-256 (FIPS 186-4, SEC 1), verification only: every input is public.
P = 0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF
A = P - 3
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
     0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)
# The DER of a SubjectPublicKeyInfo for an id-ecPublicKey on prime256v1, up to its uncompressed point.
P256_SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200")


# Points in Jacobian coordinates (X, Y, Z) stand for (X/Z^2, Y/Z^3); None is the point at infinity.
def point_double(p):
    if p is None:
        return None
    x, y, z = p
    if y == 0:
        return None
    delta, gamma = z * z % P, y * y % P
    beta, alpha = x * gamma % P, 3 * (x - delta) * (x + delta) % P  # a = -3
    x3 = (alpha * alpha - 8 * beta) % P
    z3 = ((y + z) * (y + z) - gamma - delta) % P
    return x3, (alpha * (4 * beta - x3) - 8 * gamma * gamma) % P, z3


def point_add(p1, p2):
    if p1 is None:
        return p2
    if p2 is None:
        return p1
    (x1, y1, z1), (x2, y2, z2) = p1, p2
    z1z1, z2z2 = z1 * z1 % P, z2 * z2 % P
    u1, u2 = x1 * z2z2 % P, x2 * z1z1 % P
    s1, s2 = y1 * z2 * z2z2 % P, y2 * z1 * z1z1 % P
    h, r = (u2 - u1) % P, (s2 - s1) % P
    if h == 0:
        return point_double(p1) if r == 0 else None
    hh = h * h % P
    hhh, v = h * hh % P, u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return x3, (r * (v - x3) - s1 * hhh) % P, z1 * z2 * h % P


def affine_x(p):
    return None if p is None else p[0] * pow(p[2] * p[2], -1, P) % P


def twin_multiply(k1, p1, k2, p2):
    """k1*p1 + k2*p2 in one pass over the bits (Shamir's trick)."""
    both, result = point_add(p1, p2), None
    for bit in range(max(k1.bit_length(), k2.bit_length()) - 1, -1, -1):
        result = point_double(result)
        pick = ((k1 >> bit) & 1, (k2 >> bit) & 1)
        if pick != (0, 0):
            result = point_add(result, {(1, 0): p1, (0, 1): p2, (1, 1): both}[pick])
    return result


class PublicKey:
    """A pinned P-256 public key, named by its key id: the first 16 hex digits of SHA-256 over its DER."""

    def __init__(self, pem_text, source):
        body = "".join(l for l in pem_text.strip().splitlines() if not l.startswith("-----"))
        der = base64.b64decode(body, validate=True)
        if len(der) != len(P256_SPKI_PREFIX) + 65 or not der.startswith(P256_SPKI_PREFIX) or der[len(P256_SPKI_PREFIX)] != 4:
            raise ValueError(f"{source}: not an uncompressed P-256 public key in PEM (SubjectPublicKeyInfo)")
        point = der[len(P256_SPKI_PREFIX) + 1:]
        x, y = int.from_bytes(point[:32], "big"), int.from_bytes(point[32:], "big")
        if not (x < P and y < P and (y * y - (x * x * x + A * x + B)) % P == 0):
            raise ValueError(f"{source}: the point is not on the P-256 curve")
        self.point = (x, y, 1)
        self.key_id = hashlib.sha256(der).hexdigest()[:16]

    def verifies(self, message, signature):
        """ECDSA with SHA-256; the signature is IEEE P1363 (r || s, 32 bytes each)."""
        if len(signature) != 64:
            return False
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        if not (0 < r < N and 0 < s < N):
            return False
        e = int.from_bytes(hashlib.sha256(message).digest(), "big")
        w = pow(s, -1, N)
        x = affine_x(twin_multiply(e * w % N, (G[0], G[1], 1), r * w % N, self.point))
        return x is not None and x % N == r


class Number(str):
    """A JSON number kept as written: canonical JSON copies numbers verbatim."""


def strict_object(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("an object repeats a key")
    return dict(pairs)


def integer(value):
    """A JSON integer (as written, a Number) as an int; anything else is malformed."""
    if not isinstance(value, Number) or not value.lstrip("-").isdigit():
        raise ValueError(f"{value!r} is not an integer")
    return int(value)


def sha256_hex(text):
    """A digest or link as the export writes them: 64 lower-case hex digits."""
    if not isinstance(text, str) or len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise ValueError(f"{text!r} is not a SHA-256 in lower-case hex")
    return bytes.fromhex(text)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(text):
    return json.loads(text, parse_int=Number, parse_float=Number, parse_constant=reject_constant, object_pairs_hook=strict_object)


SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def canonical_string(text):
    out = []
    for c in text:
        if c in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[c])
        elif c < " ":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def canonical(value):
    """Canonical JSON: keys sorted by UTF-16 code units, no whitespace, strings escaped only where JSON requires
    (the two-character escapes where JSON has them, other control characters as lower-case \\u00xx), numbers as written."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(canonical_string(k) + ":" + canonical(value[k]) for k in keys) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, str):
        return canonical_string(value)
    return {True: "true", False: "false", None: "null"}[value]


def utf8(text):
    return (text or "").encode("utf-8")  # a lone surrogate raises: the service never writes one


def field(data):
    """L(x): the byte length as a 4-byte big-endian integer, then the bytes."""
    return len(data).to_bytes(4, "big") + data


def u64(number):
    return number.to_bytes(8, "big", signed=True)


def microseconds(text):
    """An export's time, "yyyy-MM-ddTHH:mm:ss.ffffffZ" (UTC), as microseconds since 1970."""
    if not isinstance(text, str) or len(text) != 27 or not text.endswith("Z"):
        raise ValueError(f"'{text}' is not a time as the export writes them (yyyy-MM-ddTHH:mm:ss.ffffffZ)")
    moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    delta = moment - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


CHAIN_FIELDS = ["position", "chainedAt", "digest", "link", "stream", "version", "type"]
FULL_LINE = CHAIN_FIELDS + ["id", "timestamp", "user", "correlation", "causation", "headers", "data"]
SHORT_LINE = CHAIN_FIELDS + ["auth"]


def fields_problem(line):
    """A line holds the fields the service writes, in its order: the event in full, or what the chain check needs."""
    expected = FULL_LINE if "data" in line else SHORT_LINE
    if list(line) == expected:
        return None
    unexpected, missing = [k for k in line if k not in expected], [k for k in expected if k not in line]
    return (f"not an event line as the service writes them (unexpected: {', '.join(unexpected) or 'none'}; "
            f"missing: {', '.join(missing) or 'none'}; or out of order)")


def event_digest(line):
    """chain.digestRule, over the fields a full line carries; headers without "auth"."""
    headers, data = line["headers"], line["data"]
    if not isinstance(headers, dict) or not isinstance(data, dict):
        raise ValueError("headers and data must be JSON objects")
    covered = {k: v for k, v in headers.items() if k != "auth"}
    parts = [
        field(b"traceability/event/v1"),
        field(utf8(str(uuid.UUID(line["id"])))),
        field(utf8(line["stream"])),
        u64(integer(line["version"])),
        field(utf8(line["type"])),
        u64(microseconds(line["timestamp"])),
        field(utf8(line["user"])),
        field(utf8(line["correlation"])),
        field(utf8(line["causation"])),
        field(utf8(canonical(covered))),
        field(utf8(canonical(data))),
    ]
    return hashlib.sha256(b"".join(parts)).digest()


def chain_link(previous, position, chained_at, digest):
    """chain.linkRule."""
    return hashlib.sha256(previous + u64(position) + u64(microseconds(chained_at)) + digest).digest()


def append_message(batch, count, key_id, digests):
    """chain.signatureRule: what the service signed for one append."""
    return field(b"traceability/append/v1") + field(utf8(batch)) + count.to_bytes(4, "big") + field(utf8(key_id)) + b"".join(digests)


def auth_header(value):
    """The append an event claims to belong to, or None when it claims none we can read."""
    if not isinstance(value, dict):
        return None
    try:
        batch, index, count, key = str(uuid.UUID(value["batch"])), integer(value["index"]), integer(value["count"]), value["key"]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if not (0 < index <= count) or not isinstance(key, str):
        return None
    return {"batch": batch, "index": index, "count": count, "key": key, "signature": value.get("signature")}


class Appends:
    """Every event must sit in an append the service signed: consecutive positions, indexes 1..count, and the last
    event's signature over all their digests by a pinned key. An empty gap filler stands outside every append."""

    def __init__(self, keys, fail):
        self.keys, self.fail, self.open = keys, fail, None

    def next(self, position, digest, auth, gap_filler):
        if self.open and (auth is None or auth["batch"] != self.open["batch"]):
            self.incomplete()
        if auth is None:
            if not gap_filler:
                self.fail(f"position {position} has no signature of the service (no auth header)")
            return
        if self.open is None:
            if auth["index"] != 1:
                self.fail(f"position {position} claims to be event {auth['index']} of append {auth['batch']}, whose first events are not before it")
                return
            self.open = dict(auth, first=position, digests=[])
        elif auth["index"] != len(self.open["digests"]) + 1 or auth["count"] != self.open["count"]:
            self.fail(f"append {auth['batch']} is out of order or inconsistent at position {position}")
            self.open = None
            return
        self.open["digests"].append(digest)
        if auth["index"] == auth["count"]:
            self.close(auth, position)

    def close(self, last, position):
        first, digests = self.open["first"], self.open["digests"]
        self.open = None
        key = self.keys.get(last["key"])
        where = f"positions {first}-{position}" if first != position else f"position {first}"
        if key is None:
            self.fail(f"{where}: signed by key {last['key']}, which is not a pinned key")
            return
        try:
            signature = base64.b64decode(last["signature"] or "", validate=True)
        except ValueError:
            signature = b""
        if not key.verifies(append_message(last["batch"], last["count"], last["key"], digests), signature):
            self.fail(f"{where}: not signed by the service (an event of this append was made up, changed or copied)")

    def incomplete(self):
        if self.open:
            count, batch, first = len(self.open["digests"]), self.open["batch"], self.open["first"]
            self.fail(f"position {first}: an incomplete append ({count} of {self.open['count']} events of {batch})")
            self.open = None


class Report:
    def __init__(self):
        self.checks = []

    def check(self, name):
        entry = {"name": name, "failures": [], "detail": ""}
        self.checks.append(entry)
        return entry

    def print(self):
        failures = 0
        for entry in self.checks:
            failures += len(entry["failures"])
            print(f"{'FAIL' if entry['failures'] else 'PASS'} {entry['name']}: {entry['detail'] if not entry['failures'] else str(len(entry['failures'])) + ' failure(s)'}")
            for message in entry["failures"][:100]:
                print(f"     {message}")
            if len(entry["failures"]) > 100:
                print(f"     ... and {len(entry['failures']) - 100} more failure(s) of this check.")
        print("VALID: every check passed." if failures == 0 else f"INVALID: {failures} failure(s).")
        return failures == 0


def check_manifest(manifest, report):
    check = report.check("manifest")
    if manifest.get("format") != FORMAT:
        check["failures"].append(f"manifest.json: format is {manifest.get('format')!r}, this verifier reads {FORMAT}")
    integrity = manifest.get("integrity") or {}
    if integrity.get("authenticated") is not True:
        check["failures"].append(f"manifest.json: the service did not vouch for this log (integrity: {json.dumps(integrity)})")
    check["detail"] = f"{FORMAT}, baseline {manifest['baseline']['id']}, as of position {manifest['asOf']['position']}"


def check_files(archive, manifest, report):
    check = report.check("file hashes")
    listed = {f["name"]: f for f in manifest["files"]}
    names = [i.filename for i in archive.infolist()]
    expected = set(listed) | {"manifest.json", "manifest.sig"}
    for name in sorted(set(names) - expected):
        check["failures"].append(f"{name}: in the zip, but not listed in manifest.json")
    if len(names) != len(set(names)):
        check["failures"].append("the zip holds an entry twice")
    for name, entry in listed.items():
        if name not in names:
            check["failures"].append(f"{name}: listed in manifest.json, missing from the zip")
            continue
        sha, size = hashlib.sha256(), 0
        with archive.open(name) as stream:
            for chunk in iter(lambda: stream.read(1 << 16), b""):
                sha.update(chunk)
                size += len(chunk)
        if sha.hexdigest() != entry["sha256"] or size != integer(entry["bytes"]):
            check["failures"].append(f"{name}: SHA-256 is {sha.hexdigest()} ({size} bytes), manifest.json says {entry['sha256']} ({entry['bytes']} bytes)")
    check["detail"] = f"{len(listed)} files as manifest.json lists them"


def check_signature(archive, manifest_bytes, manifest, keys, report):
    check = report.check("signature")
    info = manifest.get("signature")
    if info is None or "manifest.sig" not in archive.namelist():
        check["failures"].append("manifest.sig: the export is not signed; it proves nothing about who made it")
        return
    key = keys.get(info.get("keyId"))
    if archive.getinfo("manifest.sig").file_size > MAX_SIGNATURE_BYTES:
        check["failures"].append(f"manifest.sig: larger than any signature ({MAX_SIGNATURE_BYTES} bytes); not read")
        return
    signature = archive.read("manifest.sig")
    if key is None or not key.verifies(manifest_bytes, signature):
        check["failures"].append(f"manifest.sig: not a valid signature of manifest.json by a pinned key (the manifest names key {info.get('keyId')})")
        return
    check["detail"] = f"manifest.json signed by the pinned key {key.key_id}"


def check_chain(archive, manifest, keys, report):
    check = report.check("chain and authentication")

    def fail(message):
        check["failures"].append(f"events.jsonl {message}")

    appends = Appends(keys, fail)
    genesis = manifest["chain"].get("genesis") or ""
    previous, position, full = (sha256_hex(genesis) if genesis else b""), 0, 0
    with archive.open(manifest["events"]["file"]) as stream:
        number = 0
        while raw := stream.readline(MAX_EVENT_LINE_BYTES + 2):
            number += 1
            if len(raw.removesuffix(b"\n")) > MAX_EVENT_LINE_BYTES:
                fail(f"line {number}: longer than any event line of an export ({MAX_EVENT_LINE_BYTES} bytes); the rest was not read")
                return
            try:
                line = parse_json(raw.decode("utf-8"))
                if problem := fields_problem(line):
                    fail(f"line {number}: {problem}")
                digest, link = sha256_hex(line["digest"]), sha256_hex(line["link"])
                stated = integer(line["position"])
                if stated != number:
                    fail(f"line {number}: position is {stated}, expected {number} (the chain has no gaps)")
                if "data" in line:
                    full += 1
                    if event_digest(line) != digest:
                        fail(f"position {stated} ({line['stream']} v{line['version']}, {line['type']}): the event's fields do not digest to {line['digest']}: the event was changed")
                    auth = auth_header(line["headers"].get("auth"))
                else:
                    auth = auth_header(line["auth"])
                if chain_link(previous, stated, line["chainedAt"], digest) != link:
                    fail(f"position {stated}: the link does not follow from the position before it")
                gap_filler = line["stream"] == "mt_tombstone" and line["type"] == "tombstone" and line.get("data", {}) == {}
                appends.next(number, digest, auth, gap_filler)
                previous, position = link, number
            except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
                fail(f"line {number}: unreadable ({error})")
    appends.incomplete()
    if previous.hex() != manifest["chain"]["head"]:
        fail(f"ends with link {previous.hex()}, but manifest.json's chain.head is {manifest['chain']['head']}")
    events = manifest["events"]
    if position != integer(events["last"]) or position != integer(manifest["asOf"]["position"]) or integer(events["first"]) != 1:
        fail(f"ends at position {position}, but manifest.json says events {manifest['events']['first']}..{manifest['events']['last']}, as of position {manifest['asOf']['position']}")
    if full != integer(events["full"]):
        fail(f"carries {full} events in full, manifest.json says {manifest['events']['full']}")
    check["detail"] = f"positions 1..{position} linked from genesis to head {previous.hex()}, {full} events re-digested, every append signed by a pinned key"


def main(argv):
    parser = argparse.ArgumentParser(description="Check a Traceability audit export independently of the service (Python standard library only).")
    parser.add_argument("export", help="the export's zip")
    parser.add_argument("--public-key", action="append", required=True, metavar="PEM",
                        help="the service's public key (GET /api/audit/public-key) to pin; repeat it for earlier keys after a rotation")
    args = parser.parse_args(argv)
    pinned = []
    for path in args.public_key:
        try:
            with open(path, encoding="ascii") as pem:
                pinned.append(PublicKey(pem.read(), path))
        except (OSError, ValueError) as error:
            print(f"cannot check: --public-key {path}: not a P-256 public key in PEM ({error})", file=sys.stderr)
            return 2
    try:
        archive = zipfile.ZipFile(args.export)
    except (OSError, zipfile.BadZipFile) as error:
        print(f"cannot check: {args.export}: not a zip ({error})", file=sys.stderr)
        return 2
    keys = {k.key_id: k for k in pinned}
    with archive:
        if len(archive.infolist()) > MAX_ENTRIES or "manifest.json" not in archive.namelist():
            print(f"cannot check: an export is a zip of at most {MAX_ENTRIES} entries with a manifest.json", file=sys.stderr)
            return 2
        if sum(i.file_size for i in archive.infolist()) > MAX_TOTAL_BYTES:
            print(f"cannot check: the zip's entries add up to more than any export's ({MAX_TOTAL_BYTES} bytes)", file=sys.stderr)
            return 2
        if archive.getinfo("manifest.json").file_size > MAX_MANIFEST_BYTES:
            print("cannot check: manifest.json is larger than any export's", file=sys.stderr)
            return 2
        manifest_bytes = archive.read("manifest.json")
        report = Report()
        try:
            manifest = parse_json(manifest_bytes.decode("utf-8"))
            check_manifest(manifest, report)
            check_files(archive, manifest, report)
            check_signature(archive, manifest_bytes, manifest, keys, report)
            check_chain(archive, manifest, keys, report)
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
            report.check("manifest")["failures"].append(f"manifest.json: unreadable or incomplete ({error!r})")
    return 0 if report.print() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
