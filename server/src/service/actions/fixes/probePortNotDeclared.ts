import { dataOf, type QuickFixer } from './quickFix';

/** A probe names a port its container does not declare: use one of the names it does declare. */
export const probePortNotDeclaredFix: QuickFixer = {
  description: 'Probe one of the port names the container declares.',
  fixes({ target }) {
    const { named, declaredNames } = dataOf(target);
    if (named !== true || !Array.isArray(declaredNames)) return [];
    return declaredNames
      .filter((name): name is string => typeof name === 'string')
      .map((name) => ({ title: `Probe port "${name}"`, edits: [{ start: target.start, end: target.end, newText: name }] }));
  },
};
