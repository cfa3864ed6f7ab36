import { describe, expect, it } from 'vitest'
import {
  MAX_PINNED_QUESTIONS,
  PINNED_QUESTIONS_KEY,
  loadPinnedQuestions,
  pinQuestion,
  savePinnedQuestions,
  unpinQuestion,
} from '../../renderer/src/state/pinnedQuestionsStorage'
import {
  QUESTION_HISTORY_KEY,
  addToHistory,
  loadHistory,
  moveRecallCursor,
} from '../../renderer/src/state/questionHistory'
import {
  LIVE_SETTINGS_KEY,
  loadLiveSettings,
  saveLiveSettings,
} from '../../renderer/src/sources/liveSettingsStorage'
import type { KeyValueStorage } from '../../renderer/src/state/storedJson'

function memoryStorage(
  entries: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries))
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  }
}

describe('pinned questions in localStorage', () => {
  it('round-trips, trimmed and without repeats, in pin order', () => {
    const storage = memoryStorage()
    let pinned = pinQuestion([], '  how far is the mug from the laptop ')
    pinned = pinQuestion(pinned, 'how tall is the mug')
    pinned = pinQuestion(pinned, 'how far is the mug from the laptop')
    savePinnedQuestions(storage, pinned)
    expect(loadPinnedQuestions(storage)).toEqual([
      'how far is the mug from the laptop',
      'how tall is the mug',
    ])
    expect(unpinQuestion(pinned, 'how tall is the mug ')).toEqual([
      'how far is the mug from the laptop',
    ])
  })

  it('survives bad stored values: not JSON, not a list, wrong items, too many', () => {
    expect(loadPinnedQuestions(memoryStorage({ [PINNED_QUESTIONS_KEY]: '["a"' }))).toEqual([])
    expect(loadPinnedQuestions(memoryStorage({ [PINNED_QUESTIONS_KEY]: '{"a": 1}' }))).toEqual([])
    expect(
      loadPinnedQuestions(
        memoryStorage({
          [PINNED_QUESTIONS_KEY]: JSON.stringify(['ok', 3, null, '', 'x'.repeat(501)]),
        }),
      ),
    ).toEqual(['ok'])
    const many = Array.from({ length: 40 }, (_, i) => `question ${i}`)
    expect(
      loadPinnedQuestions(memoryStorage({ [PINNED_QUESTIONS_KEY]: JSON.stringify(many) })),
    ).toHaveLength(MAX_PINNED_QUESTIONS)
    expect(loadPinnedQuestions(undefined)).toEqual([])
  })

  it('writes the pins as JSON, and a refused write (quota) neither throws nor loses the call', () => {
    // Was: only expect(...).not.toThrow(), which a function that never writes would pass too.
    const attempts: [string, string][] = []
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: (key, value) => {
        attempts.push([key, value])
        throw new Error('QuotaExceededError')
      },
    }
    savePinnedQuestions(full, ['a', 'b'])
    expect(attempts).toEqual([[PINNED_QUESTIONS_KEY, '["a","b"]']])
    const working = memoryStorage({})
    savePinnedQuestions(working, ['a', 'b'])
    expect(loadPinnedQuestions(working)).toEqual(['a', 'b'])
  })
})

describe('question history (↑/↓ recall)', () => {
  it('appends asked questions, moving a repeated one to the end', () => {
    let history = addToHistory([], 'a')
    history = addToHistory(history, 'b')
    history = addToHistory(history, ' a ')
    history = addToHistory(history, '   ')
    expect(history).toEqual(['b', 'a'])
  })

  it('moves the cursor between the oldest question and the text being typed', () => {
    const history = ['first', 'second']
    expect(moveRecallCursor(history, 2, -1)).toBe(1)
    expect(moveRecallCursor(history, 1, -1)).toBe(0)
    expect(moveRecallCursor(history, 0, -1)).toBe(0)
    expect(moveRecallCursor(history, 0, 1)).toBe(1)
    expect(moveRecallCursor(history, 2, 1)).toBe(2)
  })

  it('loads only strings from storage', () => {
    expect(loadHistory(memoryStorage({ [QUESTION_HISTORY_KEY]: '["a", 1, "", "b"]' }))).toEqual([
      'a',
      'b',
    ])
    expect(loadHistory(memoryStorage({ [QUESTION_HISTORY_KEY]: 'nope' }))).toEqual([])
  })
})

describe('webcam settings in localStorage', () => {
  it('defaults to the default camera and a 60° field of view', () => {
    expect(loadLiveSettings(memoryStorage())).toEqual({ deviceId: null, fovDeg: 60 })
  })

  it('round-trips and drops invalid fields one by one', () => {
    const storage = memoryStorage()
    saveLiveSettings(storage, { deviceId: 'cam-2', fovDeg: 72.5 })
    expect(loadLiveSettings(storage)).toEqual({ deviceId: 'cam-2', fovDeg: 72.5 })
    storage.setItem(LIVE_SETTINGS_KEY, JSON.stringify({ deviceId: 'cam-2', fovDeg: 400 }))
    expect(loadLiveSettings(storage)).toEqual({ deviceId: 'cam-2', fovDeg: 60 })
    storage.setItem(LIVE_SETTINGS_KEY, JSON.stringify({ deviceId: 7, fovDeg: 90 }))
    expect(loadLiveSettings(storage)).toEqual({ deviceId: null, fovDeg: 90 })
    storage.setItem(LIVE_SETTINGS_KEY, '{')
    expect(loadLiveSettings(storage)).toEqual({ deviceId: null, fovDeg: 60 })
  })
})
