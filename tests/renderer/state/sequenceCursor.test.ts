import { describe, expect, it } from 'vitest'
import {
  advanceCursor,
  OPENED_CURSOR,
  playCursor,
  sequenceViewOf,
  stepCursor,
} from '../../../renderer/src/state/sequenceCursor'

describe('advanceCursor', () => {
  it('analyses the first frame of a just-opened sequence, marking it attempted', () => {
    expect(advanceCursor(OPENED_CURSOR, 3)).toEqual({
      action: 'analyse',
      cursor: { wanted: 0, attempted: 0, isPlaying: false },
    })
  })

  it('stays idle when paused on the frame already analysed', () => {
    const cursor = { wanted: 1, attempted: 1, isPlaying: false }
    expect(advanceCursor(cursor, 3)).toEqual({ action: 'idle', cursor })
  })

  it('moves on to the next frame while playing', () => {
    expect(advanceCursor({ wanted: 1, attempted: 1, isPlaying: true }, 3)).toEqual({
      action: 'analyse',
      cursor: { wanted: 2, attempted: 2, isPlaying: true },
    })
  })

  it('analyses the latest frame stepped to, not the one in between', () => {
    // Stepped from 0 to 2 while frame 0 was being analysed.
    expect(advanceCursor({ wanted: 2, attempted: 0, isPlaying: false }, 5).cursor).toEqual({
      wanted: 2,
      attempted: 2,
      isPlaying: false,
    })
  })

  it('ends playback on the last frame', () => {
    expect(advanceCursor({ wanted: 2, attempted: 2, isPlaying: true }, 3)).toEqual({
      action: 'ended',
      cursor: { wanted: 2, attempted: 2, isPlaying: false },
    })
  })
})

describe('playCursor', () => {
  it('plays on from the wanted frame', () => {
    expect(playCursor({ wanted: 1, attempted: 1, isPlaying: false }, 3)).toEqual({
      wanted: 1,
      attempted: 1,
      isPlaying: true,
    })
  })

  it('starts over from the first frame once the end was reached', () => {
    const restarted = playCursor({ wanted: 2, attempted: 2, isPlaying: false }, 3)
    expect(restarted).toEqual({ wanted: 0, attempted: -1, isPlaying: true })
    expect(advanceCursor(restarted, 3).cursor.wanted).toBe(0)
  })

  it('does not restart while the last frame is still to be analysed', () => {
    expect(playCursor({ wanted: 2, attempted: 1, isPlaying: false }, 3)).toEqual({
      wanted: 2,
      attempted: 1,
      isPlaying: true,
    })
  })
})

describe('stepCursor', () => {
  it('moves by delta, clamped to the sequence, and pauses', () => {
    const playing = { wanted: 1, attempted: 1, isPlaying: true }
    expect(stepCursor(playing, 1, 3)).toEqual({ wanted: 2, attempted: 1, isPlaying: false })
    expect(stepCursor(playing, 5, 3).wanted).toBe(2)
    expect(stepCursor(playing, -5, 3).wanted).toBe(0)
  })
})

describe('sequenceViewOf', () => {
  const paired = {
    frames: [{ name: 'rgb/0001.png' }, { name: 'rgb/0002.png' }, { name: 'rgb/0003.png' }],
    notes: ['no depth for 0004'],
  }

  it('names the frame on screen', () => {
    const view = sequenceViewOf(
      'kitchen',
      paired,
      { wanted: 2, attempted: 2, isPlaying: true },
      true,
      1,
    )
    expect(view).toEqual({
      folderName: 'kitchen',
      frameCount: 3,
      index: 2,
      shownIndex: 1,
      frameName: 'rgb/0002.png',
      isPlaying: true,
      isAnalysing: true,
      notes: ['no depth for 0004'],
    })
  })

  it('names the wanted frame before any is on screen', () => {
    const view = sequenceViewOf(
      'kitchen',
      paired,
      { wanted: 2, attempted: -1, isPlaying: false },
      false,
      -1,
    )
    expect(view.frameName).toBe('rgb/0003.png')
  })
})
