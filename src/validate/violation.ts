import type { RuleId } from '../domain/index.js';

/** One broken rule, worded for a bureau clerk, naming the ids and values involved. */
export interface Violation {
  rule: RuleId;
  message: string;
  villageId?: string;
  lawyerId?: string;
  path?: string;
}
