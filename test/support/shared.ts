import * as path from 'node:path';

/**
 * The shared manifests (seed pods, real-world corpus): `$POD_PATTERNS_SHARED`, else `../shared`
 * next to the repository, as in CI. A fresh clone may not have them; callers say so loudly.
 */
export const SHARED_DIR = process.env.POD_PATTERNS_SHARED ?? path.resolve(__dirname, '../../..', '..', 'shared');
