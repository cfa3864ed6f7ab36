import { z } from 'zod'
import type { MetaCategory } from '../engine/ensemble/vsrRelations'

/**
 * VSR's seven relation meta-categories as the contract spells them. The engine's table
 * (main/engine/ensemble/vsrRelations.ts) is the source; the contract keeps its own list so that it
 * imports nothing at run time but zod, and the check below fails to compile if the two drift.
 */
export const metaCategorySchema = z.enum([
  'Adjacency',
  'Directional',
  'Orientation',
  'Projective',
  'Proximity',
  'Topological',
  'Unallocated',
])

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameAsEngine: Same<z.infer<typeof metaCategorySchema>, MetaCategory> = true
void sameAsEngine
