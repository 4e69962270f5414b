#!/usr/bin/env python3
"""A trivial harness in Python: every value is valid.

It speaks protocol v2 when the runner offers it (v1 otherwise, or with --v1), parses every
request like any harness would, and answers each chunk of input with one write, so the benchmark
measures the protocol and the runner rather than a validator.
"""

import json
import os
import sys

V1_ONLY = "--v1" in sys.argv[1:]
KINDS = ["handle", "did", "session", "getSession"]


def start_reply(version):
    implementation = {"name": "trivial-python", "language": "python", "kinds": KINDS}
    return json.dumps({"version": version, "implementation": implementation}) + "\n"


def write_all(data):
    view = memoryview(data)
    while view:
        view = view[os.write(1, view):]


def main():
    pending = b""
    while True:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            return
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        out = []
        for line in lines:
            if not line:
                continue
            request = json.loads(line)
            cmd = request.get("cmd")
            if cmd == "validate":
                out.append('{"seq":%d,"valid":true}\n' % request["seq"])
            elif cmd == "validateBatch":
                answers = ",".join('{"seq":%d,"valid":true}' % r["seq"] for r in request["requests"])
                out.append('{"batch":%d,"answers":[%s]}\n' % (request["batch"], answers))
            elif cmd == "start":
                out.append(start_reply(1 if V1_ONLY else min(request["version"], 2)))
            elif cmd == "stop":
                sys.exit(0)
        if out:
            write_all("".join(out).encode())


if __name__ == "__main__":
    main()
