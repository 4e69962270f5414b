#!/usr/bin/env python3
"""A trivial harness (protocol v1) in Python: every value is valid.

It parses each request like any harness would, and answers each chunk of input with one write,
so the benchmark measures the protocol and the runner rather than a validator.
"""

import json
import os
import sys

START = {
    "version": 1,
    "implementation": {
        "name": "trivial-python",
        "language": "python",
        "kinds": ["handle", "did", "session", "getSession"],
    },
}


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
            elif cmd == "start":
                out.append(json.dumps(START) + "\n")
            elif cmd == "stop":
                sys.exit(0)
        if out:
            write_all("".join(out).encode())


if __name__ == "__main__":
    main()
