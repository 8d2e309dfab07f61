import type { ContainerModel, PodModel } from '../../service/model/podModel';
import type { YScalar } from '../../service/yaml/nodes';

/** An image reference split into registry, repository, tag and digest. */
export interface ImageReference {
  /** Registry host, when the first path segment is one (`k8s.gcr.io`, `localhost:5000`). */
  readonly registry?: string;
  /** The path after the registry: `git-sync/git-sync`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * References by image text: three rules read every container's image, and a manifest names
 * few distinct images. References are immutable, so the rules share them. Bounded against
 * files with endless distinct images.
 */
const parsedImages = new Map<string, ImageReference>();
const MAX_CACHED_IMAGES = 1000;
/** Real references are short; a hostile megabyte-long one is parsed but not kept. */
const MAX_CACHED_IMAGE_LENGTH = 256;

export function parseImage(image: string): ImageReference {
  let reference = parsedImages.get(image);
  if (!reference) {
    reference = parseUncached(image);
    if (image.length <= MAX_CACHED_IMAGE_LENGTH) {
      if (parsedImages.size >= MAX_CACHED_IMAGES) parsedImages.clear();
      parsedImages.set(image, reference);
    }
  }
  return reference;
}

function parseUncached(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const path = colon > slash ? name.slice(0, colon) : name;
  const segments = path.split('/');
  const registry = segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!) ? segments.shift() : undefined;
  return { registry, repository: segments.join('/'), tag, digest };
}

/** Containers with a written image, its trimmed text and the scalar to report on. */
export function containerImages(pod: PodModel): { container: ContainerModel; image: string; node: YScalar }[] {
  const out: { container: ContainerModel; image: string; node: YScalar }[] = [];
  for (const container of pod.containers) {
    const image = container.image?.trim();
    if (image && container.imageNode) out.push({ container, image, node: container.imageNode });
  }
  return out;
}

/** Whether an image may be git-sync's: a cheap test before parsing the reference. */
export function mayBeGitSync(image: string): boolean {
  return image.includes('git-sync');
}
