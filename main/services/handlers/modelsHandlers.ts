import type { DomainHandlers } from './handlerTypes'
import type { ServiceContext } from './serviceContext'

/** `models:*`: the model cache; a download resolves when it ends, its progress streams as `models:progress`. */
export function modelsHandlers(ctx: ServiceContext): DomainHandlers<'models'> {
  return {
    'models:list': async () => ctx.models.list(),
    'models:info': async (input) => ctx.models.info(input.modelId),
    'models:download': (input) => ctx.models.download(input.modelId),
    'models:cancel': async (input) => ctx.models.cancel(input.modelId),
    'models:verify': (input) => ctx.models.verify(input.modelId),
    'models:remove': (input) => ctx.models.remove(input.modelId),
  }
}
