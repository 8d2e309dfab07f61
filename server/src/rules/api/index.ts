import type { Rule } from '../types';

/** The api rules, one file each in this folder; add a rule by importing it here. */
export const API_RULES: readonly Rule[] = [];
