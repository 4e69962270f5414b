#!/usr/bin/env python3
"""An AT Protocol handle / DID / session validator speaking harness protocol v2 (batches).

It speaks v1 with --v1, or when the runner offers only v1. Python 3 standard library only. Run
it as a target:

    atproto-conformance run --target 'cmd:python3 examples/harnesses/python/harness.py'
    atproto-conformance run --target 'cmd:python3 examples/harnesses/python/harness.py --v1'

Protocol: one JSON object per line on stdin, one answer per line on stdout, flushed each time.
In v2 a `validateBatch` line carries many requests, answered together by one `answers` line.
"""

import json
import re
import sys

# Handle syntax (https://atproto.com/specs/handle): ASCII letters, digits and hyphens in labels
# of 1 to 63 characters, no hyphen at either end of a label, at least two labels, the last one
# starting with a letter, at most 253 characters in all.
HANDLE_RE = re.compile(
    r"([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
)
MAX_HANDLE_LENGTH = 253

# DID syntax (https://atproto.com/specs/did): "did:", a method of lowercase letters, ":", then an
# identifier of ASCII letters, digits and ._:%- that does not end in ":" or "%"; at most 2048
# characters. Percent-encoding is not checked, and any method is valid syntax.
DID_RE = re.compile(r"did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]")
MAX_DID_LENGTH = 2048

# Why re.fullmatch and not re.match with "$": "$" also matches just before a trailing "\n", so
# re.match(r"...$", "alice.test\n") succeeds and a handle with a newline would pass.
# fullmatch demands that the pattern cover the whole string.


def handle_errors(value):
    if not isinstance(value, str):
        return ["handle: not a string"]
    if len(value) > MAX_HANDLE_LENGTH:
        return ["handle: longer than 253 characters"]
    if not HANDLE_RE.fullmatch(value):
        return ["handle: not valid handle syntax"]
    return []


def did_errors(value):
    if not isinstance(value, str):
        return ["did: not a string"]
    if len(value) > MAX_DID_LENGTH:
        return ["did: longer than 2048 characters"]
    if not DID_RE.fullmatch(value):
        return ["did: not valid DID syntax"]
    return []


# The session objects (lexicons com.atproto.server.createSession / refreshSession output = kind
# "session", com.atproto.server.getSession output = kind "getSession").
STRING, BOOLEAN, OBJECT = "string", "boolean", "object"
SESSION_FIELDS = {
    "accessJwt": STRING,
    "refreshJwt": STRING,
    "handle": STRING,
    "did": STRING,
    "didDoc": OBJECT,
    "email": STRING,
    "emailConfirmed": BOOLEAN,
    "emailAuthFactor": BOOLEAN,
    "active": BOOLEAN,
    "status": STRING,
}
TOKEN_FIELDS = ("accessJwt", "refreshJwt")
REQUIRED = {
    "session": ("accessJwt", "refreshJwt", "handle", "did"),
    "getSession": ("handle", "did"),
}


def has_type(value, expected):
    if expected == STRING:
        return isinstance(value, str)
    if expected == BOOLEAN:
        return isinstance(value, bool)
    return isinstance(value, dict)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
CID = re.compile(r"[a-zA-Z0-9+=]{8,256}")
BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?")


def is_link(value):
    return (
        isinstance(value, dict)
        and len(value) == 1
        and isinstance(value.get("$link"), str)
        and CID.fullmatch(value["$link"]) is not None
        and not value["$link"].startswith("Qm")
    )


def node_error(item):
    """What breaks one node of atproto data (https://atproto.com/specs/data-model), not looking
    inside it. JSON 1.0 is the integer 1; integers are 64-bit (the largest int64 text becomes
    2**63 as a JavaScript double, so that value is accepted too); strings are Unicode."""
    if isinstance(item, bool):
        return None
    if isinstance(item, float) and not item.is_integer():
        return "contains a float"
    if isinstance(item, (int, float)) and not -(2**63) <= item <= 2**63:
        return "contains a float"
    if isinstance(item, str):
        return "lone surrogate" if LONE_SURROGATE.search(item) else None
    if not isinstance(item, dict):
        return None
    if any(LONE_SURROGATE.search(k) for k in item):
        return "key with a lone surrogate"
    kind = item.get("$type")
    if "$type" in item and (not isinstance(kind, str) or kind == ""):
        return "$type is not a non-empty string"
    if kind == "blob":
        size, mime = item.get("size"), item.get("mimeType")
        sized = isinstance(size, int) and not isinstance(size, bool) and size > 0
        if not (is_link(item.get("ref")) and isinstance(mime, str) and mime and sized):
            return "malformed blob"
    if "$bytes" in item:
        value = item["$bytes"]
        if len(item) != 1 or not isinstance(value, str) or not BASE64.fullmatch(value):
            return "malformed $bytes"
    if "$link" in item and not is_link(item):
        return "malformed $link"
    return None


def did_doc_errors(doc):
    """didDoc is lexicon `unknown`: not itself a compound type, and atproto data at any depth."""
    if "$link" in doc or "$bytes" in doc or doc.get("$type") == "blob":
        return ["didDoc: shaped as a compound type"]
    stack = [doc]
    while stack:
        item = stack.pop()
        error = node_error(item)
        if error is not None:
            return [f"didDoc: {error}"]
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return []


def session_errors(kind, value):
    if not isinstance(value, dict):
        return ["session: not a JSON object"]
    errors = [f"missing required field {f}" for f in REQUIRED[kind] if f not in value]
    for field, expected in SESSION_FIELDS.items():
        # getSession declares no tokens: there they are unknown fields, and those are ignored.
        if kind == "getSession" and field in TOKEN_FIELDS:
            continue
        if field not in value:
            continue
        item = value[field]
        if item is None:
            errors.append(f"{field}: null is not allowed")
        elif not has_type(item, expected):
            errors.append(f"{field}: not a {expected}")
        elif field == "handle":
            errors.extend(handle_errors(item))
        elif field == "did":
            errors.extend(did_errors(item))
        elif field == "didDoc":
            errors.extend(did_doc_errors(item))
        elif expected == STRING and LONE_SURROGATE.search(item):
            errors.append(f"{field}: lone surrogate")
    return errors


VALIDATORS = {
    "handle": handle_errors,
    "did": did_errors,
    "session": lambda value: session_errors("session", value),
    "getSession": lambda value: session_errors("getSession", value),
}


def send(message):
    # ensure_ascii keeps the output pure ASCII, whatever the locale's encoding.
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


V1_ONLY = "--v1" in sys.argv[1:]


def answer(request):
    seq = request.get("seq") if isinstance(request, dict) else None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return {"errored": True, "message": "bad request: no valid seq"}
    kind = request.get("kind")
    if not isinstance(kind, str) or kind not in VALIDATORS:
        return {"seq": seq, "skipped": True, "message": f"kind {kind!r} not supported"}
    try:
        errors = VALIDATORS[kind](request.get("value"))
    except Exception as err:  # A bug here must not stop the harness.
        return {"seq": seq, "errored": True, "message": f"{type(err).__name__}: {err}"}
    if errors:
        return {"seq": seq, "valid": False, "errors": errors}
    return {"seq": seq, "valid": True}


def main():
    # Read bytes and let json decode UTF-8 itself: the locale may not be UTF-8.
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as err:
            send({"errored": True, "message": f"bad request: {err}"})
            continue
        cmd = request.get("cmd") if isinstance(request, dict) else None
        if cmd == "start":
            # Speak v2 when the runner offers it (its "version" is the highest it speaks).
            offered = request.get("version")
            v2 = not V1_ONLY and isinstance(offered, int) and offered >= 2
            send({
                "version": 2 if v2 else 1,
                "implementation": {
                    "name": "python-example",
                    "version": "1.0.0",
                    "language": "python",
                    "kinds": list(VALIDATORS),
                },
            })
        elif cmd == "validate":
            send(answer(request))
        elif cmd == "validateBatch" and isinstance(request.get("requests"), list):
            # One line answers the whole batch; an item without a valid seq cannot be answered,
            # and the runner errors it as left out.
            answers = [a for a in map(answer, request["requests"]) if "seq" in a]
            send({"batch": request.get("batch"), "answers": answers})
        elif cmd == "stop":
            return
        else:
            send({"errored": True, "message": f"unknown command {cmd!r}"})


if __name__ == "__main__":
    main()
