import { dataOf, type QuickFix } from './quickFix';

/** A probe names a port its container does not declare: use one of the names it does declare. */
export const probePortNotDeclared: QuickFix = {
  codes: ['probe-port-not-declared'],
  fixes({ target }) {
    const { named, declaredNames } = dataOf(target);
    if (named !== true || !Array.isArray(declaredNames)) return [];
    return declaredNames
      .filter((name): name is string => typeof name === 'string')
      .map((name) => ({ title: `Probe port "${name}"`, edits: [{ start: target.start, end: target.end, newText: name }] }));
  },
};
