/** The first lines of the output channel: what runs, and with which settings. */

export function describeStartup(
  manifest: { readonly version?: string },
  editorVersion: string,
  appName: string,
  remoteName: string | undefined,
): string {
  return `Pod Patterns ${manifest.version ?? '(unknown version)'} in ${appName} ${editorVersion}${remoteName ? ` (remote: ${remoteName})` : ''}, Node ${process.version}`;
}

interface Inspected {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** Every setting the extension contributes with its value in effect and where that value comes from. */
export function describeSettings(manifest: unknown, inspect: (key: string) => Inspected | undefined): string {
  const properties =
    (manifest as { contributes?: { configuration?: { properties?: Record<string, unknown> } } }).contributes
      ?.configuration?.properties ?? {};
  const parts = Object.keys(properties).map((key) => {
    const found = inspect(key);
    const [value, source] =
      found?.workspaceFolderValue !== undefined
        ? [found.workspaceFolderValue, 'folder']
        : found?.workspaceValue !== undefined
          ? [found.workspaceValue, 'workspace']
          : found?.globalValue !== undefined
            ? [found.globalValue, 'user']
            : [found?.defaultValue, 'default'];
    return `${key} = ${JSON.stringify(value)} (${source})`;
  });
  return `Settings in effect: ${parts.join(', ')}`;
}
