/** Lines of context around each change, as `diff -u` gives. */
const CONTEXT = 3;
/** Past this many differing lines the diff replaces the changed span whole rather than search further. */
const MAX_EDIT_DISTANCE = 4000;

type Operation = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/**
 * A unified diff of two texts (`--- a/path`, `+++ b/path`, `@@` hunks), or '' when they are
 * equal. Lines are compared with Myers' algorithm after the common head and tail are set aside,
 * so a few fixes in a big file cost little.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (
    tail < oldLines.length - head &&
    tail < newLines.length - head &&
    oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]
  )
    tail++;
  const operations: Operation[] = [
    ...oldLines.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middleOperations(oldLines.slice(head, oldLines.length - tail), newLines.slice(head, newLines.length - tail)),
    ...oldLines.slice(oldLines.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
  // Relative paths get git's a/ and b/ (apply with `git apply` or `patch -p1`); absolute ones stay as they are.
  const [oldName, newName] = path.startsWith('/') ? [path, path] : [`a/${path}`, `b/${path}`];
  return `--- ${oldName}\n+++ ${newName}\n${hunks(operations).join('')}`;
}

/** Lines with their line breaks, so a missing final newline shows as a change. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function middleOperations(oldLines: readonly string[], newLines: readonly string[]): Operation[] {
  const n = oldLines.length;
  const m = newLines.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
          ? frontier[offset + k + 1]!
          : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && oldLines[x] === newLines[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, offset, oldLines, newLines);
    }
  }
  return [
    ...oldLines.map((line) => ({ kind: '-' as const, line })),
    ...newLines.map((line) => ({ kind: '+' as const, line })),
  ];
}

function backtrack(
  trace: readonly Int32Array[],
  steps: number,
  offset: number,
  oldLines: readonly string[],
  newLines: readonly string[],
): Operation[] {
  const operations: Operation[] = [];
  let x = oldLines.length;
  let y = newLines.length;
  for (let d = steps; d > 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
      operations.push({ kind: ' ', line: oldLines[--x]! });
      y--;
    }
    if (down) operations.push({ kind: '+', line: newLines[--y]! });
    else operations.push({ kind: '-', line: oldLines[--x]! });
  }
  while (x > 0 && y > 0) {
    operations.push({ kind: ' ', line: oldLines[--x]! });
    y--;
  }
  return operations.reverse();
}

function hunks(operations: readonly Operation[]): string[] {
  const out: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < operations.length) {
    if (operations[index]!.kind === ' ') {
      index++;
      oldLine++;
      newLine++;
      continue;
    }
    // A hunk starts CONTEXT lines before the change and runs until CONTEXT * 2 unchanged lines separate it from the next.
    const lead = Math.min(CONTEXT, index, oldLine - 1);
    let start = index - lead;
    const hunkOld = oldLine - lead;
    const hunkNew = newLine - lead;
    let end = index;
    let quiet = 0;
    while (end < operations.length && quiet <= CONTEXT * 2) {
      quiet = operations[end]!.kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    end -= Math.max(0, quiet - CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    for (; start < end; start++) {
      const operation = operations[start]!;
      if (operation.kind !== '+') oldCount++;
      if (operation.kind !== '-') newCount++;
      body.push(
        `${operation.kind}${operation.line.endsWith('\n') ? operation.line : `${operation.line}\n\\ No newline at end of file\n`}`,
      );
    }
    out.push(`@@ -${range(hunkOld, oldCount)} +${range(hunkNew, newCount)} @@\n${body.join('')}`);
    oldLine = hunkOld + oldCount;
    newLine = hunkNew + newCount;
    index = end;
  }
  return out;
}

/** `start,count` as diff writes it: an empty side is numbered by the line before it. */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`;
}
