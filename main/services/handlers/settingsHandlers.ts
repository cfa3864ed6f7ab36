import { appVersion } from '../../app/appVersion'
import { settingsView, updateSettings } from '../../settings/appSettings'
import type { DomainHandlers } from './handlerTypes'
import { SAMPLE_NAME, type ServiceContext } from './serviceContext'

/** `app:info`, `settings:*` and `llm:test`: what the app is, its settings, and a check of the configured LLM. */
export function settingsHandlers(ctx: ServiceContext): DomainHandlers<'app' | 'settings' | 'llm'> {
  return {
    'app:info': async () => ({
      name: 'Spatial Lens',
      version: appVersion(),
      host: ctx.host,
      sampleName: SAMPLE_NAME,
    }),
    'settings:get': async () => settingsView(await ctx.settings.load(), ctx.settings.path),
    'settings:update': (input) => updateSettings(ctx.settings, input),
    'llm:test': (input) => ctx.reasoning.test(input),
  }
}
