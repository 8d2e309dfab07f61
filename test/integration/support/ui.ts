import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './wait';

/**
 * A bridge to the browser driving the workbench (scripts/e2e/run.mjs): the suite prints a
 * request line, the driver acts on the page (reads text, takes a screenshot) and writes the
 * answer to a file the suite polls for. Under @vscode/test-electron there is no driver; the
 * checks that need one say so and are skipped.
 */
const REQUEST_PREFIX = '[pod-patterns-e2e-ui]';
const answersDir = process.env.POD_PATTERNS_E2E_UI_DIR;
let nextId = 0;

export type UiRequest =
  | { readonly action: 'screenshot'; readonly name: string }
  /** innerText of every element matching `selector` in the workbench page. */
  | { readonly action: 'texts'; readonly selector: string }
  /** textContent of every element matching `selector` in any frame (webviews live in nested iframes). */
  | { readonly action: 'frameTexts'; readonly selector: string };

export function hasUiDriver(): boolean {
  return answersDir !== undefined;
}

export const NO_UI_DRIVER =
  'needs the browser driver of `npm run test:integration` (no page access under @vscode/test-electron)';

export async function ui<T>(request: UiRequest): Promise<T> {
  if (!answersDir) throw new Error(NO_UI_DRIVER);
  const id = `${process.pid}-${nextId++}`;
  console.log(`${REQUEST_PREFIX} ${JSON.stringify({ id, ...request })}`);
  const answerFile = path.join(answersDir, `${id}.json`);
  const answer = await waitFor(`the driver to answer ${request.action}`, () =>
    existsSync(answerFile)
      ? (JSON.parse(readFileSync(answerFile, 'utf8')) as { ok: boolean; value?: T; error?: string })
      : undefined,
  );
  if (!answer.ok) throw new Error(`driver could not ${request.action}: ${answer.error}`);
  return answer.value as T;
}
