import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture } from './support/workspace';
import { NO_UI_DRIVER, hasUiDriver, ui } from './support/ui';
import { waitFor } from './support/wait';

interface WalkthroughStep {
  readonly id: string;
  readonly description: string;
}

/** The `podPatterns.openExample` links of a step's description, with their arguments. */
function exampleLinks(step: WalkthroughStep): [string, string][] {
  return [...step.description.matchAll(/\(command:podPatterns\.openExample\?([^)]+)\)/g)].map(
    (match) => JSON.parse(decodeURIComponent(match[1]!)) as [string, string],
  );
}

const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
const previewTab = () =>
  allTabs().find(
    (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('podPatterns.topology'),
  );

/** The rows the Lifecycle tab drew, read from the webview's page. */
const lifecycleRows = () => ui<string[]>({ action: 'frameTexts', selector: '.pp-lc-row .pp-lc-label' });

async function setTheme(theme: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

describe('walkthrough and lifecycle', () => {
  after(async () => {
    await setTheme(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  it('contributes a walkthrough whose steps open each pattern example with its topology and its lifecycle', async function () {
    // Ten examples opened one after another, each with its preview: longer than one check's default time.
    this.timeout(10 * 60_000);
    const extension = vscode.extensions.all.find(
      (candidate) => (candidate.packageJSON as { name?: string }).name === 'pod-patterns',
    );
    assert.ok(extension, 'the extension is installed');
    const walkthrough = (
      extension.packageJSON as {
        contributes: { walkthroughs: { id: string; title: string; steps: WalkthroughStep[] }[] };
      }
    ).contributes.walkthroughs[0]!;
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${extension.id}#${walkthrough.id}`,
      false,
    );
    await waitFor('the walkthrough page', () =>
      allTabs().find((tab) => /Welcome|Walkthrough|Get started/i.test(tab.label)),
    );
    if (hasUiDriver()) {
      // The workbench's own markup is not ours to know: the step titles are somewhere in the page's text.
      const page = await waitFor('the walkthrough steps on the page', async () => {
        const [text] = await ui<string[]>({ action: 'texts', selector: 'body' });
        return text?.includes(walkthrough.title) && text.includes('Native sidecars: first up, last down')
          ? text
          : undefined;
      });
      assert.ok(page.includes('Init containers: one after another'));
      await ui({ action: 'screenshot', name: 'walkthrough' });
    }
    assert.equal(walkthrough.steps.length, 5);
    for (const step of walkthrough.steps) {
      const links = exampleLinks(step);
      assert.deepEqual(
        links.map(([, tab]) => tab),
        ['topology', 'lifecycle'],
        step.id,
      );
      for (const [example, tab] of links) {
        await vscode.commands.executeCommand('podPatterns.openExample', example, tab);
        await waitFor(`the preview of ${example}`, previewTab);
        const editor = await waitFor(`${example} in an editor`, () =>
          vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.path.endsWith(`/${example}`)),
        );
        assert.equal(editor.document.languageId, 'yaml');
        if (tab === 'lifecycle' && hasUiDriver()) {
          const rows = await waitFor(`the lifecycle rows of ${example}`, async () => {
            const found = await lifecycleRows();
            return found.length > 0 ? found : undefined;
          });
          for (const name of rows)
            assert.ok(editor.document.getText().includes(`name: ${name}`), `row ${name} is a container of ${example}`);
          await ui({ action: 'screenshot', name: `lifecycle-${example.replace(/\.yaml$/, '')}` });
        }
        assert.ok(editor.document.uri.path.endsWith(`/examples/${example}`), editor.document.uri.toString());
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    }
  });

  it('draws a six-container pod in a side panel, in the light, dark and high-contrast themes', async function () {
    if (!hasUiDriver()) {
      console.warn(`SKIPPED theme screenshots: ${NO_UI_DRIVER}`);
      this.skip();
    }
    await openFixture('pods/six-containers.yaml');
    await vscode.commands.executeCommand('podPatterns.showTopologyToSide');
    await waitFor('the topology tab', previewTab);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    for (const [theme, name] of [
      ['Default Light Modern', 'light'],
      ['Default Dark Modern', 'dark'],
      ['Default High Contrast', 'high-contrast'],
    ] as const) {
      await setTheme(theme);
      const texts = await waitFor(`the nodes in the ${name} theme`, async () => {
        const found = await ui<string[]>({ action: 'frameTexts', selector: '[data-node-id]' });
        return found.some((text) => text.includes('metrics-exporter')) ? found : undefined;
      });
      for (const container of ['wait-for-db', 'mesh-proxy', 'shop', 'metrics-exporter', 'log-shipper', 'cache']) {
        assert.ok(
          texts.some((text) => text.includes(container)),
          `${container} is drawn`,
        );
      }
      await ui({ action: 'screenshot', name: `topology-six-containers-${name}` });
    }
  });
});
