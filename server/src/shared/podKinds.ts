/**
 * A parse-free test for "this text names a pod-bearing kind". It has no imports so the
 * extension client can use it for context keys without bundling the YAML parser.
 */
const POD_KIND_LINE =
  /^[ \t]*(?:-[ \t]+)?kind:[ \t]*["']?(?:Pod|PodTemplate|ReplicationController|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob)["']?[ \t]*(?:#.*)?$/m;

export function mentionsPodKind(text: string): boolean {
  return POD_KIND_LINE.test(text);
}
