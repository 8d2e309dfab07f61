/** The bundled strict schema: validation of pod-bearing objects, and field facts for hovers and completion. */
export { validateAgainstSchema } from './validateSchema';
export {
  describeSchemaAt,
  knownFields,
  schemaKinds,
  type SchemaDescription,
  type FieldSummary,
} from './describeSchema';
export { closestNames } from '../text/closestNames';
export { formatApiPath } from './apiPath';
