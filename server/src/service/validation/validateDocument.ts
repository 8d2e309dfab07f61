import type { Finding } from '../findings/finding';
import type { DocumentModel } from '../model/documentModel';
import type { ServiceSettings } from '../settings';
import { checkResourceIdentity } from './resourceIdentity';
import { validateAgainstSchema } from '../schema/validateSchema';
import { runRules } from '../../rules';

/**
 * All findings for one document under the given settings: YAML syntax, the object's
 * identity (apiVersion/kind), the strict schema, then the rules on each pod model.
 */
export function validateDocument(document: DocumentModel, settings: ServiceSettings): Finding[] {
  if (!settings.validate) return [];
  const findings: Finding[] = [...document.syntaxFindings];
  for (const resource of document.resources) {
    findings.push(...checkResourceIdentity(resource, settings));
    if (!resource.pod) continue;
    if (settings.schemaValidation) findings.push(...validateAgainstSchema(resource, settings));
    findings.push(...runRules(resource.pod, { settings, document }));
  }
  return findings;
}
