/**
 * Pure engine helpers behind the reasoning tools: what-if moves, point queries, unit conversion.
 */

export * from './units'
export * from './whatIf'
export * from './pointQuery'
