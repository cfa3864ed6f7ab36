import type { z } from 'zod'
import type { Channel, Contract } from '../../contract/channels'
import type { RgbImage } from '../../engine/types'
import type { ExecutionProviderName } from '../../inference/types'
import type { ClientSession } from '../ClientScenes'
import type { KeptScene } from '../sceneQueries'

/** A channel's input after the contract parsed it (defaults filled in): what its handler receives. */
export type RequestOf<C extends Channel> = z.output<Contract[C]['input']>

/** What a channel's handler returns: anything the contract's reply schema accepts (it is parsed on the way out). */
export type ReplyOf<C extends Channel> = z.input<Contract[C]['output']>

/** One channel's handler. `client`: whose scenes the request may use and keep. */
export type Handler<C extends Channel> = (
  input: RequestOf<C>,
  client: ClientSession,
) => Promise<ReplyOf<C>>

/**
 * Every channel of the contract with its handler: a channel without one, or a handler whose input
 * or reply does not match the contract, is a compile error where the map is assembled.
 */
export type Handlers = { [C in Channel]: Handler<C> }

/** The channels of one domain (`qa` → `qa:ask`, `qa:verify`, …). */
export type DomainChannel<D extends string> = Extract<Channel, `${D}:${string}`>

/** The handlers one domain file provides: exactly its domain's channels, each typed from the contract. */
export type DomainHandlers<D extends string> = { [C in DomainChannel<D>]: Handler<C> }

/** A scene kept for follow-ups, with its depth and the frame's name as the user gave it (for the log). */
export interface NamedScene extends KeptScene {
  frameName: string
  /** The 2D view's copy of the frame (the frame itself up to 1280 px), for the visual tools. */
  image: RgbImage
  /** The execution provider the frame was analysed with: the vision model runs on the same. */
  provider?: ExecutionProviderName
}
