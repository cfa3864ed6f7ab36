import { z } from 'zod'
import { perceptionFor } from '../perception/defaultPerception'
import { executionProviderSchema } from '../contract/providerSchema'
import { rgbImageDataSchema } from '../frames/imageDataSchemas'

/**
 * The ViLT VSR classifier as the hosts reach it: "how likely does this caption hold for this image", run where
 * the perception sessions live (a scene worker in the hosts, inline in tests). Null when `vilt-vsr` is not
 * installed, so callers need no separate "is it installed" round trip. Both sides validate what crosses.
 */
export const relationClassifyRequestSchema = z.object({
  provider: executionProviderSchema.optional(),
  image: rgbImageDataSchema,
  caption: z.string().min(1),
})
export type RelationClassifyRequest = z.infer<typeof relationClassifyRequestSchema>

/** P(caption holds) in [0, 1], or null without the model. */
export const probabilityOrNullSchema = z.number().min(0).max(1).nullable()

export async function classifyRelation(request: RelationClassifyRequest): Promise<number | null> {
  const classifier = await perceptionFor(request.provider).relationClassifier()
  if (!classifier) return null
  return (await classifier.classify(request.image, request.caption)).probabilityTrue
}
