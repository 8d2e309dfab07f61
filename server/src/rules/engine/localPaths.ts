/*
 * Paths the kubelet places under a directory of its own (a volume's mount point, its seccomp
 * profile directory) must stay below it. The details are the API server's, from
 * pkg/apis/core/validation/validation.go (kubernetes/kubernetes, v1.37):
 * validateLocalDescendingPath and ValidateLocalNonReservedPath.
 */

/** validateLocalDescendingPath: relative, and no `..` element. */
export function localDescendingPathProblems(path: string): string[] {
  const problems: string[] = [];
  if (path.startsWith('/')) problems.push('must be a relative path');
  if (path.split('/').includes('..')) problems.push("must not contain '..'");
  return problems;
}

/** ValidateLocalNonReservedPath: a descending path that does not start with `..` either (not said again when a `..` element was). */
export function localNonReservedPathProblems(path: string): string[] {
  const problems = localDescendingPathProblems(path);
  if (path.startsWith('..') && !path.split('/').includes('..')) problems.push("must not start with '..'");
  return problems;
}
