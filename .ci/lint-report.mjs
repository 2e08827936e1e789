// Reads cargo's JSON messages from clippy on stdin and prints each diagnostic once. An error
// (clippy's correctness, suspicious and perf groups are denied) or a warning of rustc's own
// fails the run; clippy's other groups (style, complexity) stay advisory, so that a newer
// toolchain's new style lints do not turn a fresh machine red.
import { createInterface } from 'node:readline';

const seen = new Set();
let failing = 0;
let advisory = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith('{')) continue;
  const message = JSON.parse(line);
  if (message.reason !== 'compiler-message') continue;
  const { level, code, rendered } = message.message;
  if (level !== 'error' && level !== 'warning') continue;
  if (seen.has(rendered)) continue;
  seen.add(rendered);
  const lint = code?.code ?? '';
  const fails = level === 'error' || !lint.startsWith('clippy::');
  if (fails) failing += 1;
  else advisory += 1;
  process.stdout.write(`${fails ? '[fails]' : '[advisory]'} ${rendered}\n`);
}
console.log(`lint: ${failing} failing, ${advisory} advisory`);
process.exit(failing > 0 ? 1 : 0);
