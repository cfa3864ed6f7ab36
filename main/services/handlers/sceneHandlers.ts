import { randomUUID } from 'node:crypto'
import { buildProvenance } from '../../engine/answers/format'
import type { Measurement } from '../../contract/measureSchema'
import { describeMeasuredEnds, recordFromMeasurement } from '../../measurements/measurementRecords'
import type { ClientSession } from '../ClientScenes'
import { measure, pointAt } from '../sceneQueries'
import type { DomainHandlers, NamedScene } from './handlerTypes'
import {
  SAMPLE_NAME,
  appendQuietly,
  keepComputedScene,
  keptScene,
  recordStamp,
  type ServiceContext,
} from './serviceContext'

/** `scene:*` and `perception:detect2d`: analyse a frame (and keep it for follow-ups), query and measure it. */
export function sceneHandlers(ctx: ServiceContext): DomainHandlers<'scene' | 'perception'> {
  return {
    'scene:analyze': async (input, client) => {
      const sceneId = randomUUID()
      const computed = await ctx.executor.analyze(input, sceneId)
      const frameName = input.frame.kind === 'sample' ? SAMPLE_NAME : input.frame.name
      keepComputedScene(ctx, client, sceneId, computed, frameName, input.perception?.provider)
      return { summary: computed.summary, cloud: computed.cloud, image: computed.image }
    },
    'scene:pointAt': async (input, client) =>
      pointAt(keptScene(ctx, client, input.sceneId), input.pixel),
    'scene:measure': async (input, client) => {
      const kept = keptScene(ctx, client, input.sceneId)
      const result = measure(kept, input.sceneId, input.a, input.b)
      await logMeasurement(ctx, client, kept, result)
      return result
    },
    'perception:detect2d': (input) => ctx.executor.detect2d(input),
  }
}

/** A click measurement goes to the log like an answer; a refused write does not fail it. */
async function logMeasurement(
  ctx: ServiceContext,
  client: ClientSession,
  kept: NamedScene,
  result: Measurement,
): Promise<void> {
  const names = result.objects.map((object) => object.name)
  const objects = kept.scene.objects.filter((object) => names.includes(object.name))
  const input = {
    sceneId: result.sceneId,
    text: describeMeasuredEnds(result),
    objects: names,
    valueM: result.valueM,
    fromInWorldM: result.fromInWorld,
    toInWorldM: result.toInWorld,
  }
  await appendQuietly(
    ctx,
    recordFromMeasurement(
      input,
      recordStamp(ctx, client, result.sceneId),
      buildProvenance(kept.scene, objects, result.method),
    ),
  )
}
