import { getPair, isScalar, type YNode, type YScalar } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { describeContainer } from '../engine/podFacts';
import { containerRefOf, defineRule, type ContainerRef, type RuleFinding } from '../types';

function stringAt(node: YNode | null | undefined): YScalar | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node : undefined;
}

export interface InvalidSubPathData extends ContainerRef {
  readonly mountIndex: number;
  /** `subPath` or `subPathExpr`. */
  readonly field: string;
}

/**
 * `subPath` selects a directory inside the volume: it must be relative and must not climb out
 * with `..`; `subPath` and `subPathExpr` exclude each other (M5). The API server reports
 * subPath problems on `volumeMounts.subPath` without the mount's index; we print what it prints
 * and point at the exact mount.
 *
 * data: `{ containerIndex: number, listKey: string, mountIndex: number, field: 'subPath' | 'subPathExpr' }`
 */
export const invalidSubPath = defineRule({
  id: 'invalid-sub-path',
  category: 'api',
  defaultSeverity: 'error',
  summary: 'A volume mount subPath must be relative without "..", and subPath and subPathExpr exclude each other.',
  check(pod): RuleFinding<InvalidSubPathData>[] {
    const findings: RuleFinding<InvalidSubPathData>[] = [];
    for (const container of pod.containers) {
      for (const mount of container.volumeMounts) {
        if (mount.node.kind !== 'map') continue;
        const subPath = stringAt(getPair(mount.node, 'subPath')?.value);
        const subPathExpr = stringAt(getPair(mount.node, 'subPathExpr')?.value);
        if (!subPath && !subPathExpr) continue;
        const data = (field: string) => ({ ...containerRefOf(container), mountIndex: mount.index, field });
        const where = `the mount of "${mount.name ?? '?'}" in ${describeContainer(container)}`;
        if (subPath && subPath.value !== '' && subPathExpr && subPathExpr.value !== '') {
          findings.push({
            message: explain(
              apiError.invalid(
                `${mount.path}.subPathExpr`,
                String(subPathExpr.value),
                'subPathExpr and subPath are mutually exclusive',
              ),
              `${where} sets both subPath and subPathExpr; keep one.`,
            ),
            range: subPathExpr.range,
            related: [{ range: subPath.range, message: 'subPath of the same mount' }],
            data: data('subPathExpr'),
          });
        }
        for (const [field, node] of [
          ['subPath', subPath],
          ['subPathExpr', subPathExpr],
        ] as const) {
          if (!node) continue;
          const value = String(node.value);
          const apiPath = `${container.path}.volumeMounts.${field}`;
          if (value.startsWith('/')) {
            findings.push({
              message: explain(
                apiError.invalid(apiPath, value, 'must be a relative path'),
                `${field} of ${where} is a path inside the volume, so it cannot start with "/".`,
              ),
              range: node.range,
              data: data(field),
            });
          }
          if (value.split(/[\\/]/).includes('..')) {
            findings.push({
              message: explain(
                apiError.invalid(apiPath, value, "must not contain '..'"),
                `${field} of ${where} may not leave the volume with "..".`,
              ),
              range: node.range,
              data: data(field),
            });
          }
        }
      }
    }
    return findings;
  },
});
