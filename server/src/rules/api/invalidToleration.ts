import { getPair, isMap, isSeq, scalarText } from '../../service/yaml/nodes';
import { apiError, explain } from '../engine/apiMessages';
import { hasValue } from '../engine/ranges';
import { specPair } from '../engine/podFacts';
import { defineRule, type RuleFinding } from '../types';

export interface InvalidTolerationData {
  readonly tolerationIndex: number;
  readonly field: 'operator' | 'effect' | 'value';
}

/**
 * Toleration combinations the API server refuses: an empty `key` needs `operator: Exists`
 * (tolerate everything), `tolerationSeconds` only applies to the `NoExecute` effect, and
 * `operator: Exists` takes no `value`. The operator defaults to Equal.
 *
 * data: `{ tolerationIndex: number, field: 'operator' | 'effect' | 'value' }`
 */
export const invalidToleration = defineRule({
  id: 'invalid-toleration',
  category: 'api',
  defaultSeverity: 'error',
  summary:
    'A toleration with no key needs operator Exists; tolerationSeconds needs effect NoExecute; Exists takes no value.',
  check(pod): RuleFinding<InvalidTolerationData>[] {
    const findings: RuleFinding<InvalidTolerationData>[] = [];
    const tolerations = specPair(pod, 'tolerations')?.value;
    if (!isSeq(tolerations)) return findings;
    for (const [index, item] of tolerations.items.entries()) {
      if (!isMap(item)) continue;
      const path = `${pod.specPath}.tolerations[${index}]`;
      const key = scalarText(getPair(item, 'key')?.value) ?? '';
      const operatorPair = getPair(item, 'operator');
      const operator = scalarText(operatorPair?.value) ?? '';
      const valuePair = getPair(item, 'value');
      const value = scalarText(valuePair?.value) ?? '';
      const effectPair = getPair(item, 'effect');
      const effect = scalarText(effectPair?.value) ?? '';
      const secondsPair = getPair(item, 'tolerationSeconds');
      const anchor = item.pairs[0]?.key.range ?? item.range;
      if (key === '' && operator !== 'Exists') {
        findings.push({
          message: explain(
            apiError.invalid(
              `${path}.operator`,
              operator,
              'operator must be Exists when `key` is empty, which means "match all values and all keys"',
            ),
            'a toleration without a key tolerates every taint, which is written operator: Exists; add the taint key to tolerate just one.',
          ),
          range: operatorPair?.value?.range ?? anchor,
          data: { tolerationIndex: index, field: 'operator' },
        });
      }
      if (hasValue(secondsPair) && effect !== 'NoExecute') {
        findings.push({
          message: explain(
            apiError.invalid(`${path}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
            'tolerationSeconds says how long the pod may stay on a node after a NoExecute taint appears; it means nothing for other effects.',
          ),
          range: effectPair?.value?.range ?? secondsPair.key.range,
          data: { tolerationIndex: index, field: 'effect' },
        });
      }
      if (operator === 'Exists' && value !== '' && valuePair?.value) {
        findings.push({
          message: explain(
            apiError.invalidPrinted(
              `${path}.operator`,
              JSON.stringify({ key, operator, value, effect }),
              "value must be empty when `operator` is 'Exists'",
            ),
            'operator: Exists matches any value of the key; remove value, or use operator: Equal to match this value only.',
          ),
          range: valuePair.value.range,
          data: { tolerationIndex: index, field: 'value' },
        });
      }
    }
    return findings;
  },
});
