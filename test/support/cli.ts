import { runCli } from '../../server/src/cli/run';

/** Runs the CLI in-process and captures what it prints. */
export function cli(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}
