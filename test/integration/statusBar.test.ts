import * as assert from 'node:assert/strict';
import { closeAllEditors, codeOf, openFixture, waitForDiagnostics } from './support/workspace';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';
import { waitFor } from './support/wait';

/** The status bar entry is found by the accessible label the extension gives it. */
const STATUS_ITEM = '.statusbar-item [aria-label^="Pod Patterns:"], .statusbar-item[aria-label^="Pod Patterns:"]';

/** The item's text, or undefined while it is hidden. */
async function statusText(): Promise<string | undefined> {
  const texts = await ui<string[]>({ action: 'texts', selector: STATUS_ITEM });
  return texts.map((text) => text.trim()).find((text) => /\bpods?\b/.test(text));
}

async function statusTextContaining(part: string): Promise<string | undefined> {
  const text = await statusText();
  return text?.includes(part) ? text : undefined;
}

describe('status bar', () => {
  before(function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED status bar checks: ${NO_UI_DRIVER}`);
      this.skip();
    }
  });
  after(closeAllEditors);

  it('shows the pod count and the worst finding of the active pod file', async () => {
    const { document } = await openFixture('workloads/multi-pod.yaml');
    await waitForDiagnostics(
      document.uri,
      'the duplicate replicas error',
      (d) => d.length === 1 && codeOf(d[0]!) === 'duplicate-key',
    );
    const text = await waitFor('the status item for multi-pod.yaml', () => statusTextContaining('2 pods'));
    assert.match(text, /2 pods\s+1$/, 'two pods (Deployment, CronJob), one error');
  });

  it('hides on YAML that is not Kubernetes', async () => {
    await openFixture('pods/web-with-sidecar.yaml');
    await waitFor('the status item for a pod file', statusText);
    await openFixture('not-kubernetes/compose.yaml');
    await waitFor('the status item to hide', async () => ((await statusText()) === undefined ? true : undefined));
  });

  it('shows a clean pod file with a check', async () => {
    await openFixture('pods/web-with-sidecar.yaml');
    const text = await waitFor('the status item for the valid pod', () => statusTextContaining('1 pod'));
    assert.doesNotMatch(text, /\d+\s*$/, 'no error or warning count on a clean file');
  });
});
