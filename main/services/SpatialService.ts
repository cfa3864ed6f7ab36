import { randomUUID } from 'node:crypto'
import { answerQuestion } from '../engine/answers/answerQuestion'
import {
  contract,
  describeValidationError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorReply,
} from '../contract/channels'
import type { SceneExecutor } from './sceneExecutor'
import { isUserError, userFacingMessage } from './userError'
import { appVersion } from './appVersion'
import { measure, pointAt, type KeptScene } from './sceneQueries'
import { ModelsService, type ModelsServiceOptions } from './ModelsService'
import { ReasoningService } from './ReasoningService'
import { ServiceEvents, type ServiceEventListener } from './ServiceEvents'
import { SettingsStore } from '../settings/SettingsStore'
import { settingsView, updateSettings } from '../settings/appSettings'

/** What one handled request gives back: the validated output, or one user-facing error line. */
export type HandleResult<C extends Channel> = { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorReply }

/**
 * Scenes kept for follow-up questions, point queries and measurements, each with its depth
 * (1.2 MB at 640×480); older ones are dropped first.
 */
const MAX_KEPT_SCENES = 16

export interface SpatialServiceOptions {
  /** Default: settings.json in $SPATIAL_LENS_HOME or the per-user config folder. */
  settings?: SettingsStore
  models?: ModelsServiceOptions
}

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one handler per contract
 * channel. Input is parsed against the contract on arrival and output before it leaves, so a host
 * only moves bytes.
 */
export class SpatialService {
  private readonly scenes = new Map<string, KeptScene>()
  private readonly events = new ServiceEvents()
  private readonly settings: SettingsStore
  private readonly models: ModelsService
  private readonly reasoning: ReasoningService

  constructor(
    private readonly executor: SceneExecutor,
    private readonly host: 'electron' | 'serve',
    options: SpatialServiceOptions = {},
  ) {
    this.settings = options.settings ?? new SettingsStore()
    this.models = new ModelsService(this.events, options.models)
    this.reasoning = new ReasoningService(this.settings, this.events)
  }

  /** Server → UI events (download progress, reasoning steps); hosts forward them to every UI. */
  subscribe(listener: ServiceEventListener): () => void {
    return this.events.subscribe(listener)
  }

  async handle<C extends Channel>(channel: C, rawInput: unknown): Promise<HandleResult<C>> {
    const spec = contract[channel]
    if (!spec) return { ok: false, error: { message: `unknown channel "${String(channel)}"` } }
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) return { ok: false, error: describeValidationError(channel, parsed.error) }
    try {
      const output = await this.run(channel, parsed.data as ChannelInput<C>)
      return { ok: true, value: spec.output.parse(output) as ChannelOutput<C> }
    } catch (error) {
      if (!isUserError(error)) console.error(`[spatial-lens] ${channel} failed:`, error)
      return { ok: false, error: { message: userFacingMessage(error) } }
    }
  }

  private async run(channel: Channel, input: any): Promise<unknown> {
    switch (channel) {
      case 'app:info':
        return { name: 'Spatial Lens', version: appVersion(), host: this.host, sampleName: 'PCL Kinect laptop' }
      case 'scene:analyze': {
        const sceneId = randomUUID()
        const computed = await this.executor.analyze(input, sceneId)
        this.keep(sceneId, { scene: computed.scene, depth: computed.depth })
        return { summary: computed.summary, cloud: computed.cloud, image: computed.image }
      }
      case 'qa:ask':
        return answerQuestion(this.keptScene(input.sceneId).scene, input.question)
      case 'scene:pointAt':
        return pointAt(this.keptScene(input.sceneId), input.pixel)
      case 'scene:measure':
        return measure(this.keptScene(input.sceneId), input.sceneId, input.a, input.b)
      case 'qa:reason':
        return this.reasoning.reason(this.keptScene(input.sceneId), input)
      case 'qa:cancel':
        return this.reasoning.cancel(input.requestId)
      case 'settings:get':
        return settingsView(await this.settings.load(), this.settings.path)
      case 'settings:update':
        return updateSettings(this.settings, input)
      case 'llm:test':
        return this.reasoning.test(input)
      case 'models:list':
        return this.models.list()
      case 'models:download':
        return this.models.download(input.modelId)
      case 'models:cancel':
        return this.models.cancel(input.modelId)
      case 'models:verify':
        return this.models.verify(input.modelId)
      case 'models:remove':
        return this.models.remove(input.modelId)
    }
  }

  private keep(sceneId: string, kept: KeptScene): void {
    this.scenes.set(sceneId, kept)
    while (this.scenes.size > MAX_KEPT_SCENES) this.scenes.delete(this.scenes.keys().next().value!)
  }

  private keptScene(sceneId: string): KeptScene {
    const kept = this.scenes.get(sceneId)
    if (!kept) throw new UnknownSceneError(sceneId)
    return kept
  }

  dispose(): Promise<void> {
    this.models.dispose()
    this.reasoning.dispose()
    return this.executor.dispose()
  }
}

class UnknownSceneError extends Error {
  constructor(sceneId: string) {
    super(`scene ${sceneId} is not loaded any more: load the frame again`)
    this.name = 'UserError'
  }
}
