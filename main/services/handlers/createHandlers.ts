import { calibrationHandlers } from './calibrationHandlers'
import type { DomainChannel, Handlers } from './handlerTypes'
import { logHandlers } from './logHandlers'
import { modelsHandlers } from './modelsHandlers'
import { qaHandlers } from './qaHandlers'
import { sceneHandlers } from './sceneHandlers'
import type { ServiceContext } from './serviceContext'
import { settingsHandlers } from './settingsHandlers'

/**
 * Every channel's handler but the `source:*` ones (they need the service's source sessions:
 * sourceHandlers.ts), one domain file each. SpatialService assembles the full {@link Handlers} map, so a
 * channel of the contract that no domain handles does not compile.
 */
export function createHandlers(ctx: ServiceContext): Omit<Handlers, DomainChannel<'source'>> {
  return {
    ...settingsHandlers(ctx),
    ...sceneHandlers(ctx),
    ...qaHandlers(ctx),
    ...logHandlers(ctx),
    ...modelsHandlers(ctx),
    ...calibrationHandlers(ctx),
  }
}
