/** What the page needs from the host: URIs it may load and a fresh nonce for its one script. */
export interface TopologyPageResources {
  /** The webview's own source (`webview.cspSource`). */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

/**
 * The preview page's shell. Only the host's URIs and the nonce go in here (escaped all
 * the same); the page's content is built by the script from messages, as DOM nodes.
 */
export function topologyPageHtml(resources: TopologyPageResources): string {
  const attr = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(resources.styleUri)}">
<title>Pod Topology</title>
</head>
<body>
<script nonce="${attr(resources.nonce)}" src="${attr(resources.scriptUri)}"></script>
</body>
</html>`;
}
