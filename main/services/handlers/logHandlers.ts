import { buildProvenance } from '../../engine/answers/format'
import { appVersion } from '../../app/appVersion'
import { exportMeasurements } from '../../export/exportMeasurements'
import { recordFromMeasurement } from '../../measurements/measurementRecords'
import type { DomainHandlers } from './handlerTypes'
import { recordStamp, type ServiceContext } from './serviceContext'

/** `log:*`: the measurement log (answers are added by the qa handlers; the viewer adds measurements here). */
export function logHandlers(ctx: ServiceContext): DomainHandlers<'log'> {
  return {
    'log:add': async (input, client) => {
      const kept = ctx.scenes.get(client, input.sceneId)
      // A measurement of a scene the service has forgotten (restart) is still the user's data: keep it without provenance.
      const objects =
        kept?.scene.objects.filter((object) => input.objects.includes(object.name)) ?? []
      const provenance = kept
        ? buildProvenance(kept.scene, objects, 'length between two points picked in the 3D view')
        : null
      const record = recordFromMeasurement(
        input,
        recordStamp(ctx, client, input.sceneId),
        provenance,
      )
      await ctx.log.append(record)
      return record
    },
    'log:list': () => ctx.log.list(),
    'log:clear': () => ctx.log.clear(),
    'log:export': async (input) => {
      const records = await ctx.log.all()
      const file = await exportMeasurements(records, input.format, {
        now: new Date(),
        appVersion: appVersion(),
      })
      return { ...file, recordCount: records.length }
    },
  }
}
