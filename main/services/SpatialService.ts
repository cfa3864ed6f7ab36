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

/** What one handled request gives back: the validated output, or one user-facing error line. */
export type HandleResult<C extends Channel> = { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorReply }

/**
 * Scenes kept for follow-up questions, point queries and measurements, each with its depth
 * (1.2 MB at 640×480); older ones are dropped first.
 */
const MAX_KEPT_SCENES = 16

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one handler per contract
 * channel. Input is parsed against the contract on arrival and output before it leaves, so a host
 * only moves bytes.
 */
export class SpatialService {
  private readonly scenes = new Map<string, KeptScene>()

  constructor(
    private readonly executor: SceneExecutor,
    private readonly host: 'electron' | 'serve',
  ) {}

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
        return answerQuestion(this.kept(input.sceneId).scene, input.question)
      case 'scene:pointAt':
        return pointAt(this.kept(input.sceneId), input.pixel)
      case 'scene:measure':
        return measure(this.kept(input.sceneId), input.sceneId, input.a, input.b)
    }
  }

  private kept(sceneId: string): KeptScene {
    const kept = this.scenes.get(sceneId)
    if (!kept) throw new UnknownSceneError(sceneId)
    return kept
  }

  private keep(sceneId: string, kept: KeptScene): void {
    this.scenes.set(sceneId, kept)
    while (this.scenes.size > MAX_KEPT_SCENES) this.scenes.delete(this.scenes.keys().next().value!)
  }

  dispose(): Promise<void> {
    return this.executor.dispose()
  }
}

class UnknownSceneError extends Error {
  constructor(sceneId: string) {
    super(`scene ${sceneId} is not loaded any more: load the frame again`)
    this.name = 'UserError'
  }
}
