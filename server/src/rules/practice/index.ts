import type { Rule } from '../types';

/** The practice rules, one file each in this folder; add a rule by importing it here. */
export const PRACTICE_RULES: readonly Rule[] = [];
