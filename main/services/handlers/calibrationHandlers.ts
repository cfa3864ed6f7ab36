import type { CalibrationRunInput } from '../../contract/calibrationChannelSchema'
import type { ClientSession } from '../ClientScenes'
import type { CalibrationSubject } from '../CalibrationService'
import type { DomainHandlers } from './handlerTypes'
import { keptScene, type ServiceContext } from './serviceContext'

/**
 * `calibration:*`: per-camera depth calibrations, fitted on a kept scene or on a frame sent with
 * the request (the scene worker runs the model).
 */
export function calibrationHandlers(ctx: ServiceContext): DomainHandlers<'calibration'> {
  return {
    'calibration:list': () => ctx.calibration.list(),
    'calibration:run': (input, client) =>
      ctx.calibration.run(calibrationSubject(ctx, client, input), input),
    'calibration:remove': (input) => ctx.calibration.remove(input),
  }
}

/** The frame sent with the request, else the client's kept scene (the contract allows exactly one). */
function calibrationSubject(
  ctx: ServiceContext,
  client: ClientSession,
  input: CalibrationRunInput,
): CalibrationSubject {
  if (input.frame) return { kind: 'frame', frame: input.frame }
  return { kind: 'scene', kept: keptScene(ctx, client, input.sceneId ?? '') }
}
