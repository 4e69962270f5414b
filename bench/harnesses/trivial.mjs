#!/usr/bin/env node
// A trivial harness: every value is valid. It speaks protocol v2 when the runner offers it (v1
// otherwise, or with --v1), parses every request like any harness would, and answers each chunk
// of input with one write, so the benchmark measures the protocol and the runner rather than a
// validator. It splits the input as bytes and decodes line by line: decoding whole chunks and
// joining them costs more than parsing.
const v1Only = process.argv.includes('--v1');
const KINDS = ['handle', 'did', 'session', 'getSession'];
const start = (version) =>
  JSON.stringify({
    version,
    implementation: { name: 'trivial-node', language: 'javascript', kinds: KINDS },
  });

let rest;
process.stdin.on('data', (data) => {
  const chunk = rest === undefined ? data : Buffer.concat([rest, data]);
  let out = '';
  let from = 0;
  for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, from)) {
    if (end > from) {
      const request = JSON.parse(chunk.toString('utf8', from, end));
      if (request.cmd === 'validate') out += `{"seq":${request.seq},"valid":true}\n`;
      else if (request.cmd === 'validateBatch') {
        const answers = request.requests.map((r) => `{"seq":${r.seq},"valid":true}`);
        out += `{"batch":${request.batch},"answers":[${answers.join(',')}]}\n`;
      } else if (request.cmd === 'start')
        out += `${start(v1Only ? 1 : Math.min(request.version, 2))}\n`;
      else if (request.cmd === 'stop') process.exit(0);
    }
    from = end + 1;
  }
  rest = from < chunk.length ? chunk.subarray(from) : undefined;
  if (out.length > 0) process.stdout.write(out);
});
process.stdin.on('end', () => process.exit(0));
