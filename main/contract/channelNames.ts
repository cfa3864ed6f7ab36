/**
 * The contract's channel names, as plain data: the sandboxed preload needs only these (not zod).
 * channels.ts checks at compile time that this list and the contract's keys are the same.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'scene:analyze',
  'qa:ask',
  'log:add',
  'log:list',
  'log:clear',
  'log:export',
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

/**
 * What the preload exposes as `window.spatial`: exactly one function per channel, each sending its
 * input to the main process and resolving to the reply envelope ({ok, value} or {ok: false, error}).
 */
export type SpatialBridge = { readonly [C in ChannelName]: (input: unknown) => Promise<unknown> }
