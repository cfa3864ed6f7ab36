import { calibrationHandlers } from './calibrationHandlers'
import type { Handlers } from './handlerTypes'
import { logHandlers } from './logHandlers'
import { modelsHandlers } from './modelsHandlers'
import { qaHandlers } from './qaHandlers'
import { sceneHandlers } from './sceneHandlers'
import type { ServiceContext } from './serviceContext'
import { settingsHandlers } from './settingsHandlers'

/**
 * Every channel's handler, one domain file each. Typed as {@link Handlers}: a channel of the
 * contract that no domain handles does not compile.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...sceneHandlers(ctx),
    ...qaHandlers(ctx),
    ...logHandlers(ctx),
    ...modelsHandlers(ctx),
    ...calibrationHandlers(ctx),
  }
}
