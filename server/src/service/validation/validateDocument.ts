import type { Finding } from '../findings/finding';
import { firstSyntaxError, type DocumentModel } from '../model/documentModel';
import type { ServiceSettings } from '../settings';
import { checkResourceIdentity } from './resourceIdentity';
import { validateAgainstSchema } from '../schema/validateSchema';
import { fieldVersionFindings } from '../schema/fieldVersions';
import { runRules } from '../../rules';
import { suppressionsOf } from '../../rules/engine/runRule';

/**
 * All findings for one document under the given settings: YAML syntax, the object's
 * identity (apiVersion/kind), the strict schema, then the rules on each pod model; only the
 * syntax findings when the YAML has a syntax error.
 */
export function validateDocument(document: DocumentModel, settings: ServiceSettings): Finding[] {
  if (!settings.validate) return [];
  const findings: Finding[] = [...document.syntaxFindings];
  // Findings on a tree the parser had to guess would blame the author for the parser's guess.
  if (firstSyntaxError(document)) return findings;
  for (const resource of document.resources) {
    findings.push(...checkResourceIdentity(resource, settings));
    if (!resource.pod) continue;
    // Suppression comments work for schema and version findings as for rules (`# pod-patterns-disable-next-line schema`).
    const suppressions = suppressionsOf(document);
    if (settings.schemaValidation) {
      for (const finding of validateAgainstSchema(resource, settings)) {
        if (!suppressions.isSuppressed(finding.code, finding.range.start)) findings.push(finding);
      }
    }
    // The version check stays on without the schema check: no other tool knows the target version.
    for (const finding of fieldVersionFindings(resource, settings)) {
      if (!suppressions.isSuppressed(finding.code, finding.range.start)) findings.push(finding);
    }
    // A loop, not push(...): a pod with 100,000 containers yields more findings than a call's arguments may hold.
    for (const finding of runRules(resource.pod, { settings, document })) findings.push(finding);
  }
  return findings;
}
