import type { DomainHandlers } from './handlerTypes'
import { keptScene, type ServiceContext } from './serviceContext'

/** `calibration:*`: per-camera depth calibrations, fitted on a kept scene (the scene worker runs the model). */
export function calibrationHandlers(ctx: ServiceContext): DomainHandlers<'calibration'> {
  return {
    'calibration:list': () => ctx.calibration.list(),
    'calibration:run': (input, client) =>
      ctx.calibration.run(keptScene(ctx, client, input.sceneId), input),
    'calibration:remove': (input) => ctx.calibration.remove(input),
  }
}
