import { disableComment } from './disableComment';
import type { QuickFix } from './quickFix';

/** Every quick fix, one file each; the suppression comment comes last in menus. */
export const QUICK_FIXES: readonly QuickFix[] = [disableComment];
