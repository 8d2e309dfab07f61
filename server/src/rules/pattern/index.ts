import type { Rule } from '../types';

/** The pattern rules, one file each in this folder; add a rule by importing it here. */
export const PATTERN_RULES: readonly Rule[] = [];
