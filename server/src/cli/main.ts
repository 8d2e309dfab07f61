import { readFileSync } from 'node:fs';
import { runCli } from './run';
import { isLintWorker } from './lintWorkers';

// A `lint --jobs` worker thread loads this same bundle: it serves files, it does not run the CLI.
if (!isLintWorker()) {
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin: () => readFileSync(0, 'utf8'),
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
