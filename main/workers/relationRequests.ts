import { perceptionFor } from '../perception/defaultPerception'
import type { RelationClassifyRequest } from './contract/taskSchemas'

/**
 * The ViLT VSR classifier as the hosts reach it: "how likely does this caption hold for this image", run where
 * the perception sessions live (a scene worker in the hosts, inline in tests). Null when `vilt-vsr` is not
 * installed, so callers need no separate "is it installed" round trip. The schema is in contract/taskSchemas.
 */
export async function classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
  const classifier = await perceptionFor(request.provider).relationClassifier()
  if (!classifier) return null
  return (await classifier.classify(request.image, request.caption)).probabilityTrue
}
