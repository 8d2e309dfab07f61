/**
 * Expands a VS Code (TextMate) snippet body with every placeholder at its default, the
 * way accepting each tab stop unchanged would. Covers the syntax our snippets use:
 * `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}` (first choice), `$0`, and the
 * `\$`, `\}`, `\\` escapes. A bare `$1` mirrors the default given elsewhere for 1.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // First pass learns each tab stop's default; the second renders mirrors with it.
  render(body, defaults);
  return render(body, defaults);
}

function render(body: string, defaults: Map<string, string>): string {
  const parser = new Parser(body, defaults);
  const out = parser.parse(false);
  if (parser.at < body.length) throw new SyntaxError(`unbalanced "}" at ${parser.at} in snippet`);
  return out;
}

class Parser {
  at = 0;
  constructor(
    private readonly body: string,
    private readonly defaults: Map<string, string>,
  ) {}

  /** Reads text up to the end (or up to a closing `}` when inside a placeholder). */
  parse(inPlaceholder: boolean): string {
    let out = '';
    while (this.at < this.body.length) {
      const char = this.body[this.at]!;
      if (char === '\\' && this.at + 1 < this.body.length && '$}\\'.includes(this.body[this.at + 1]!)) {
        out += this.body[this.at + 1];
        this.at += 2;
      } else if (char === '}' && inPlaceholder) {
        return out;
      } else if (char === '$') {
        out += this.dollar();
      } else {
        out += char;
        this.at++;
      }
    }
    if (inPlaceholder) throw new SyntaxError('unterminated placeholder in snippet');
    return out;
  }

  private dollar(): string {
    const rest = this.body.slice(this.at);
    const simple = /^\$(\d+)/.exec(rest);
    if (simple) {
      this.at += simple[0].length;
      return this.defaults.get(simple[1]!) ?? '';
    }
    const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (choice) {
      this.at += choice[0].length;
      const first = choice[2]!.split(/(?<!\\),/)[0]!.replace(/\\(.)/g, '$1');
      this.defaults.set(choice[1]!, first);
      return first;
    }
    const open = /^\$\{(\d+)(:?)/.exec(rest);
    if (open) {
      this.at += open[0].length;
      const value = open[2] === ':' ? this.parse(true) : '';
      if (this.body[this.at] !== '}') throw new SyntaxError(`placeholder \${${open[1]}} is not closed`);
      this.at++;
      if (open[2] === ':' || !this.defaults.has(open[1]!)) this.defaults.set(open[1]!, value);
      return open[2] === ':' ? value : (this.defaults.get(open[1]!) ?? '');
    }
    throw new SyntaxError(`unsupported snippet syntax at "${rest.slice(0, 20)}"`);
  }
}
