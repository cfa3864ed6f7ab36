/**
 * Which geometric test decides each VSR relation, written once for the 2D and the 3D rules: "under" and
 * "beneath" are both `below`, "next to" and "by" are `near`, … A relation absent here is one geometry cannot
 * decide ("facing", "toward", "part of"), and the verifier abstains. Pure TypeScript.
 */

export type GeometricTest =
  | 'leftOf'
  | 'rightOf'
  | 'above'
  | 'below'
  | 'onTop'
  | 'inFront'
  | 'behind'
  | 'inside'
  | 'contains'
  | 'touching'
  | 'near'
  | 'far'
  | 'outside'
  | 'detached'

export const RELATION_TESTS: Readonly<Record<string, GeometricTest>> = {
  'left of': 'leftOf',
  'at the left side of': 'leftOf',
  'right of': 'rightOf',
  'at the right side of': 'rightOf',
  above: 'above',
  over: 'above',
  below: 'below',
  beneath: 'below',
  under: 'below',
  'on top of': 'onTop',
  on: 'onTop',
  'in front of': 'inFront',
  'ahead of': 'inFront',
  behind: 'behind',
  'at the back of': 'behind',
  beyond: 'behind',
  inside: 'inside',
  in: 'inside',
  within: 'inside',
  'enclosed by': 'inside',
  contains: 'contains',
  surrounding: 'contains',
  'has as a part': 'contains',
  'consists of': 'contains',
  touching: 'touching',
  against: 'touching',
  'attached to': 'touching',
  'connected to': 'touching',
  near: 'near',
  'close to': 'near',
  by: 'near',
  'next to': 'near',
  beside: 'near',
  alongside: 'near',
  'adjacent to': 'near',
  'at the side of': 'near',
  with: 'near',
  at: 'near',
  'far from': 'far',
  'far away from': 'far',
  'away from': 'far',
  outside: 'outside',
  'out of': 'outside',
  'detached from': 'detached',
}

/** A probability with its reason; the opposite test keeps the reason and flips the probability. */
export interface RuleResult {
  probabilityTrue: number
  reason: string
}

export function opposite<T>(rule: (s: T, o: T) => RuleResult): (s: T, o: T) => RuleResult {
  return (s, o) => {
    const r = rule(s, o)
    return { probabilityTrue: 1 - r.probabilityTrue, reason: r.reason }
  }
}

/** Relation → rule, from the tests a layer (2D or 3D) implements; relations whose test it lacks are absent. */
export function rulesByRelation<T>(
  tests: Partial<Record<GeometricTest, (s: T, o: T) => RuleResult>>,
): Readonly<Record<string, (s: T, o: T) => RuleResult>> {
  const out: Record<string, (s: T, o: T) => RuleResult> = {}
  for (const [relation, test] of Object.entries(RELATION_TESTS)) {
    const rule = tests[test]
    if (rule) out[relation] = rule
  }
  return out
}
