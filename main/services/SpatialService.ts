import { randomUUID } from 'node:crypto'
import type { Scene } from '../engine/types'
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
import { isUserError, userErrorCode, userFacingMessage } from './userError'
import { appVersion } from './appVersion'

/** What one handled request gives back: the validated output, or one user-facing error line. */
export type HandleResult<C extends Channel> = { ok: true; value: ChannelOutput<C> } | { ok: false; error: ErrorReply }

/** Scenes kept for follow-up questions; older ones are dropped first. */
const MAX_KEPT_SCENES = 16

/**
 * The services behind every host (Electron IPC, `serve` WebSocket, CLI): one handler per contract
 * channel. Input is parsed against the contract on arrival and output before it leaves, so a host
 * only moves bytes.
 */
export class SpatialService {
  private readonly scenes = new Map<string, Scene>()

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
      const code = userErrorCode(error)
      return { ok: false, error: { message: userFacingMessage(error), ...(code ? { code } : {}) } }
    }
  }

  private async run(channel: Channel, input: any): Promise<unknown> {
    switch (channel) {
      case 'app:info':
        return { name: 'Spatial Lens', version: appVersion(), host: this.host, sampleName: 'PCL Kinect laptop' }
      case 'scene:analyze': {
        const sceneId = randomUUID()
        const computed = await this.executor.analyze(input, sceneId)
        this.keep(sceneId, computed.scene)
        return { summary: computed.summary, cloud: computed.cloud }
      }
      case 'qa:ask': {
        const scene = this.scenes.get(input.sceneId)
        if (!scene) throw new UnknownSceneError(input.sceneId)
        return answerQuestion(scene, input.question)
      }
      case 'perception:detect2d':
        return this.executor.detect2d(input)
    }
  }

  private keep(sceneId: string, scene: Scene): void {
    this.scenes.set(sceneId, scene)
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
