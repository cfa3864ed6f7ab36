import { InlineModelRunner } from '../inference/InlineModelRunner'
import { ModelStore } from '../models/ModelStore'
import { CalibrationStore } from '../calibration/CalibrationStore'
import { ModelFactory } from '../models/modelFactory'
import { PerceptionService } from './PerceptionService'
import type { ExecutionProviderName } from '../inference/types'

const services = new Map<string, PerceptionService>()

/**
 * One perception service per provider choice for this thread (the CLI process or a scene worker),
 * created on first use: sessions load lazily and stay warm across frames.
 */
export function perceptionFor(provider?: ExecutionProviderName): PerceptionService {
  const key = provider ?? 'auto'
  let service = services.get(key)
  if (!service) {
    const providers = provider ? [provider] : undefined
    const runner = new InlineModelRunner()
    service = new PerceptionService(
      new ModelFactory(runner, new ModelStore(), providers),
      new CalibrationStore(),
    )
    services.set(key, service)
  }
  return service
}
