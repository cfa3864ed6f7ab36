/**
 * A query in words ("elevation of the bottom of "the laptop" above "the floor""), for refusals and
 * `detail.understood`. Pure TypeScript.
 */

import type { Query } from './ast'

const q = (s: string): string => `"${s}"`

/** What the grammar understood, in one phrase. */
export function describeQuery(query: Query): string {
  const unit = query.unit ? `, in ${query.unit}` : ''
  return `${core(query)}${unit}`
}

function core(x: Query): string {
  switch (x.op) {
    case 'pair':
      return `${x.quantity.replace('_', ' ')} between ${q(x.a)} and ${q(x.b)}`
    case 'size':
      return `${x.quantity.replace('_', ' ')} of ${q(x.a)}`
    case 'elevation':
      return `height of the ${x.level} of ${q(x.a)} above ${x.surface ? q(x.surface) : 'the support surface'}`
    case 'count':
    case 'list': {
      const rel = x.relation ? ` ${x.relation} ${q(x.reference ?? '')}` : ''
      return `${x.op === 'count' && x.asksExistence ? 'whether there is' : x.op} ${q(x.what)}${rel}`
    }
    case 'superlative':
      return `the ${x.extreme === 'min' ? 'smallest' : 'largest'} ${x.quantity} among ${q(x.among)}${x.reference ? ` from ${q(x.reference)}` : ''}`
    case 'difference':
      return `difference of ${x.quantity} between ${q(x.a)} and ${q(x.b)}${x.reference ? ` from ${q(x.reference)}` : ''}`
    case 'distance_difference':
      return `how much ${x.farther ? 'farther' : 'closer'} ${q(x.a)} is from ${q(x.b)} than from ${q(x.c)}`
    case 'closer_than':
      return x.compareFrom === 'a'
        ? `whether ${q(x.a)} is ${x.closer ? 'closer' : 'farther'} to ${q(x.b)} than to ${q(x.c)}`
        : `whether ${q(x.a)} is ${x.closer ? 'closer' : 'farther'} to ${q(x.b)} than ${q(x.c)} is`
    case 'locate':
      return `where ${q(x.a)} is, seen from the camera`
    case 'near':
      return `whether ${q(x.a)} is near ${q(x.b)}`
    case 'support':
      return `whether ${q(x.a)} rests on ${q(x.b)}`
    case 'predicate':
      return `whether ${q(x.a)} is ${x.kind} ${q(x.b)}`
    case 'choice':
      return `which of ${q(x.a)} and ${q(x.b)} (${x.kind.replace('_choice', '')})`
    case 'direction':
      return `clock direction of ${q(x.to)} from ${q(x.from)}`
    case 'fits':
      return `whether ${q(x.item)} fits between ${q(x.a)} and ${q(x.b)}`
    case 'within':
      return `whether ${q(x.a)} is within ${x.limit} of ${q(x.b)}`
    case 'what_if':
      return `whether ${q(x.a)} ${x.asks === 'clear' ? 'clears' : 'hits'} ${q(x.b)} if it moves ${x.move}`
  }
}
