/**
 * The contract's channel names, as plain data: the sandboxed preload needs only these (not zod).
 * channels.ts checks at compile time that this list and the contract's keys are the same.
 */
export const CHANNEL_NAMES = ['app:info', 'scene:analyze', 'qa:ask', 'perception:detect2d'] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]
