import { readFileSync } from 'node:fs';
import { runCli } from './run';
import { LINT_WORKER_ARG } from './io';
import { utf8Text } from './inputs';

// A `lint --jobs` worker thread loads this same bundle: it serves files, it does not run the CLI.
// (Told by its argv: asking `node:worker_threads` would load it, and streams, on every run.)
if (process.argv[2] === LINT_WORKER_ARG) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./lintWorkers');
} else {
  // A reader that goes away (`lint | head`) leaves the rest of the report nowhere to go: stop
  // writing quietly, as other command-line tools do, instead of crashing on the unhandled error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => utf8Text(readFileSync(0)),
      stdoutIsTerminal: process.stdout.isTTY === true,
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (error) {
    process.stderr.write(
      `pod-patterns: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  }
}
