// Full validation of a file in this process next to a bare `yaml` parse of the same text,
// alternated run by run so both see the same machine state. Prints JSON timings (ms).
// The service is loaded from the bundle the product ships (bench/run.mjs builds it with
// the product's esbuild settings); the bare parse is the `yaml` package as installed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseAllDocuments } = require('yaml');
const [serviceBundle, file, runsArg] = process.argv.slice(2);
const service = require(serviceBundle);
const text = readFileSync(file, 'utf8');
const runs = Number(runsArg ?? 5);
const uri = 'file:///bench.yaml';

/**
 * CPU time of the work (user + system), not wall time: both sides are single-threaded and
 * synchronous, and CPU time does not count the time other processes on a busy machine take.
 */
function timeOnce(work) {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const validate = () => service.toDiagnostics(new service.ParsedFile(text), service.DEFAULT_SETTINGS, uri);
const bare = () => parseAllDocuments(text);

// One warm-up of each so neither pays for compiling the other's code paths.
const diagnostics = validate().length;
bare();
const ours = [];
const parse = [];
for (let i = 0; i < runs; i++) {
  ours.push(timeOnce(validate));
  parse.push(timeOnce(bare));
}
process.stdout.write(
  JSON.stringify({
    ours,
    bare: parse,
    diagnostics,
    resources: new service.ParsedFile(text).documents.reduce((n, d) => n + d.model.resources.length, 0),
  }),
);
