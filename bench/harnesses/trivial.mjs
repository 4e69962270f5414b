#!/usr/bin/env node
// A trivial harness (protocol v1): every value is valid. It parses each request like any harness
// would, and answers each chunk of input with one write, so the benchmark measures the protocol
// and the runner rather than a validator.
const START = {
  version: 1,
  implementation: {
    name: 'trivial-node',
    language: 'javascript',
    kinds: ['handle', 'did', 'session', 'getSession'],
  },
};

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop() ?? '';
  let out = '';
  for (const line of lines) {
    if (line.length === 0) continue;
    const request = JSON.parse(line);
    if (request.cmd === 'validate') out += `{"seq":${request.seq},"valid":true}\n`;
    else if (request.cmd === 'start') out += `${JSON.stringify(START)}\n`;
    else if (request.cmd === 'stop') process.exit(0);
  }
  if (out.length > 0) process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
