import { describe, expect, it } from 'vitest'
import { OPENED_CURSOR } from '../../../renderer/src/state/sequenceCursor'
import { pumpFrames, type PlayerState } from '../../../renderer/src/state/sequencePump'

interface FakeSequence {
  paired: { frames: string[] }
}

function sequenceOf(frameCount: number): FakeSequence {
  return { paired: { frames: Array.from({ length: frameCount }, (_, index) => `${index}.png`) } }
}

function stateOf(sequence: FakeSequence, cursor = OPENED_CURSOR): PlayerState<FakeSequence> {
  return { sequence, cursor, isPumping: false, isAnalysing: false }
}

describe('pumpFrames', () => {
  it('plays every frame once, in order, and stops on the last one', async () => {
    const state = stateOf(sequenceOf(3), { ...OPENED_CURSOR, isPlaying: true })
    const loaded: number[] = []
    const published: (number | undefined)[] = []
    await pumpFrames(
      state,
      async (_, index) => {
        expect(state.isAnalysing).toBe(true)
        loaded.push(index)
        return 'shown'
      },
      (shown) => published.push(shown),
    )
    expect(loaded).toEqual([0, 1, 2])
    // Before each frame (analysing), after each (shown), and once at the end.
    expect(published).toEqual([undefined, 0, undefined, 1, undefined, 2, undefined])
    expect(state).toMatchObject({
      cursor: { wanted: 2, attempted: 2, isPlaying: false },
      isPumping: false,
      isAnalysing: false,
    })
  })

  it('pauses on a failed frame and keeps the frame on screen', async () => {
    const state = stateOf(sequenceOf(3), { ...OPENED_CURSOR, isPlaying: true })
    const published: (number | undefined)[] = []
    await pumpFrames(
      state,
      async (_, index) => (index === 1 ? 'failed' : 'shown'),
      (shown) => published.push(shown),
    )
    expect(state.cursor).toEqual({ wanted: 1, attempted: 1, isPlaying: false })
    expect(published.at(-1)).toBeUndefined()
  })

  it('analyses only the latest frame stepped to while one was in flight, and ignores a second pump', async () => {
    const state = stateOf(sequenceOf(5))
    const loaded: number[] = []
    let second: Promise<void> | null = null
    await pumpFrames(
      state,
      async (_, index) => {
        loaded.push(index)
        if (index === 0) {
          state.cursor = { ...state.cursor, wanted: 1 }
          state.cursor = { ...state.cursor, wanted: 3 }
          second = pumpFrames(
            state,
            async () => 'shown',
            () => undefined,
          )
        }
        return 'shown'
      },
      () => undefined,
    )
    await second
    expect(loaded).toEqual([0, 3])
  })

  it('starts over with a sequence opened while a frame was in flight', async () => {
    const first = sequenceOf(3)
    const next = sequenceOf(2)
    const state = stateOf(first, { ...OPENED_CURSOR, isPlaying: true })
    const loaded: [FakeSequence, number][] = []
    await pumpFrames(
      state,
      async (sequence, index) => {
        loaded.push([sequence, index])
        if (sequence === first) {
          state.sequence = next
          state.cursor = OPENED_CURSOR
        }
        return 'shown'
      },
      () => undefined,
    )
    expect(loaded).toEqual([
      [first, 0],
      [next, 0],
    ])
  })
})
