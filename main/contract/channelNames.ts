/**
 * The contract's channel and event names, as plain data: the sandboxed preload needs only these
 * (not zod). channels.ts and events.ts check at compile time that these lists and the contract's
 * keys are the same.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'scene:analyze',
  'qa:ask',
  'scene:pointAt',
  'scene:measure',
  'qa:reason',
  'qa:cancel',
  'settings:get',
  'settings:update',
  'llm:test',
  'models:list',
  'models:download',
  'models:cancel',
  'models:verify',
  'models:remove',
] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** Server → UI events (no reply): download progress, reasoning steps as they happen. */
export const EVENT_NAMES = ['models:progress', 'qa:step'] as const
export type EventName = (typeof EVENT_NAMES)[number]
