import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, ParsedFile } from '../../../server/src/service';
import { hoverAt } from '../../../server/src/service/hover/hoverAt';
import { escapeMarkdown, markdownCode, markdownCodeBlock } from '../../../server/src/shared/markdown';

/** VS Code renders hovers with `marked`; the same renderer shows what a user would see. */
async function render(markdown: string): Promise<string> {
  const { marked } = await import('marked');
  return marked.parse(markdown, { async: false, gfm: true });
}

/** The text a reader sees in rendered HTML (tags dropped, entities decoded). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const HOSTILE = [
  '![](https://evil.example/pixel.png)',
  '[Click to fix](https://evil.example/)',
  'see https://evil.example/ and www.evil.example',
  '`code` and ``double`` and `',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  '**bold** _it_ # heading | table | ~~gone~~ &lt; &amp;',
  'line one\n\n![](https://evil.example/after-blank-line.png)',
  '\\[escaped\\](https://evil.example/)',
];

describe('escapeMarkdown and markdownCode', () => {
  for (const hostile of HOSTILE) {
    it(`render ${JSON.stringify(hostile)} as its own characters, with no link, image or HTML`, async () => {
      for (const markdown of [escapeMarkdown(hostile), markdownCode(hostile)]) {
        const html = await render(`Name: ${markdown}`);
        assert.doesNotMatch(html, /<(a|img|script|h\d|strong|em|del|table)\b/, html);
        assert.equal(visibleText(html).trim(), `Name: ${hostile.replace(/\s+/g, ' ')}`, html);
      }
    });
  }

  it('cuts very long strings', () => {
    assert.ok(escapeMarkdown('x'.repeat(100_000)).length < 400);
    assert.ok(markdownCode('x'.repeat(100_000)).length < 400);
  });

  it('keep a code block closed and its lines as written, whatever backticks it holds', async () => {
    const text = 'command:\n- sh\n- -c\n- |\n  ````\n  done\n\n![](https://evil.example/x.png)';
    const html = await render(`Before\n\n${markdownCodeBlock(text, 'yaml')}\n\nAfter`);
    assert.match(html, /<pre><code class="language-yaml">/);
    assert.doesNotMatch(html, /<img\b/);
    assert.equal(visibleText(html.slice(html.indexOf('<pre>'), html.indexOf('</pre>'))).replace(/\n$/, ''), text);
    assert.match(visibleText(html), /After\s*$/, 'the text after the block is outside it');
  });
});

describe('hover on a pod full of hostile strings', () => {
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: "[pod](https://evil.example/)"',
    'spec:',
    '  containers:',
    '    - name: "![](https://evil.example/name.png)"',
    '      image: "nginx\\n\\n![](https://evil.example/image.png) [Click to fix](https://evil.example/) `x` <b>b</b>"',
    '      volumeMounts:',
    '        - name: "<img src=x>"',
    '          mountPath: "/data\\n\\n[x](https://evil.example/)"',
    '  volumes:',
    '    - name: "<img src=x>"',
    '      emptyDir: {}',
    '',
  ].join('\n');
  const file = new ParsedFile(pod);

  for (const [what, marker] of [
    ['container name', '- name: "!['],
    ['volume name', '- name: "<img'],
  ] as const) {
    it(`over the ${what}: no link, image or HTML in the rendered hover`, async () => {
      const offset = pod.lastIndexOf(marker) + 9;
      const hover = hoverAt(file, offset, DEFAULT_SETTINGS);
      assert.ok(hover, `a hover at ${what}`);
      const html = await render(hover.markdown);
      assert.doesNotMatch(html, /<(img|script|b)\b/, html);
      // The only links are our own rule and pattern pages.
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g))
        assert.match(
          url!,
          /^https:\/\/github\.com\/pod-patterns\/pod-patterns\/blob\/main\/docs\/(rules|patterns)\//,
          html,
        );
      assert.match(visibleText(html), /<img src=x>/);
    });
  }

  it('shows the image with its blank lines as one code span', async () => {
    const hover = hoverAt(file, pod.indexOf('- name: "![') + 9, DEFAULT_SETTINGS)!;
    const html = await render(hover.markdown);
    assert.match(
      html,
      /<code>nginx !\[\]\(https:\/\/evil\.example\/image\.png\) \[Click to fix\]\(https:\/\/evil\.example\/\) `x` &lt;b&gt;b&lt;\/b&gt;<\/code>/,
    );
  });
});
