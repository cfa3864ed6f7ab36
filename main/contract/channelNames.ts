/**
 * The contract's channel and event names, as plain data: the sandboxed preload needs only these
 * (not zod). channels.ts and events.ts check at compile time that these lists and the contract's
 * keys are the same.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'scene:analyze',
  'qa:ask',
  'qa:verify',
  'scene:pointAt',
  'scene:measure',
  'qa:reason',
  'qa:cancel',
  'settings:get',
  'settings:update',
  'llm:test',
  'models:list',
  'models:info',
  'models:download',
  'models:cancel',
  'models:verify',
  'models:remove',
  'log:add',
  'log:list',
  'log:clear',
  'log:export',
  'perception:detect2d',
  'calibration:list',
  'calibration:run',
  'calibration:remove',
  'source:recordings',
  'source:open',
  'source:topics',
  'source:select',
  'source:seek',
  'source:play',
  'source:watch',
  'source:scene',
  'source:close',
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** Server → UI events (no reply): download progress, reasoning steps as they happen. */
export const EVENT_NAMES = ['models:progress', 'qa:step', 'source:frame', 'source:status'] as const
export type EventName = (typeof EVENT_NAMES)[number]

/**
 * What the preload exposes as `window.spatial`: exactly one function per channel, each sending its
 * input to the main process and resolving to the reply envelope ({ok, value} or {ok: false, error}),
 * plus `on` to listen to server events (it returns the function that stops listening).
 */
export type SpatialBridge = {
  readonly [C in ChannelName]: (input: unknown) => Promise<unknown>
} & {
  readonly on: (event: EventName, listener: (payload: unknown) => void) => () => void
}
