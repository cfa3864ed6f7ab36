import { describe, expect, it } from 'vitest'
import type { ModelProgressEvent, ModelRow } from '../../../main/contract/modelsSchema'
import {
  downloadNotice,
  withNotice,
  withProgress,
  withRowChanged,
} from '../../../renderer/src/state/modelsUpdates'

const row = (id: string, isDownloading = false) => ({ id, isDownloading }) as ModelRow
const event = (modelId: string, phase: ModelProgressEvent['phase']): ModelProgressEvent => ({
  modelId,
  phase,
  file: null,
  receivedBytes: 10,
  totalBytes: 100,
  bytesPerSecond: 5,
})

describe('withProgress', () => {
  it('keeps the latest event of a running download and drops it once it ended', () => {
    const first = withProgress({}, event('depth', 'downloading'))
    expect(Object.keys(first)).toEqual(['depth'])
    const both = withProgress(first, event('seg', 'downloading'))
    expect(Object.keys(both).sort()).toEqual(['depth', 'seg'])
    const ended = withProgress(both, event('depth', 'done'))
    expect(Object.keys(ended)).toEqual(['seg'])
    expect(Object.keys(both).sort()).toEqual(['depth', 'seg']) // not mutated
  })
})

describe('withRowChanged', () => {
  it('changes only the named row', () => {
    const list = { modelsDirectory: '/m', models: [row('a'), row('b')] }
    const next = withRowChanged(list, 'b', (model) => ({ ...model, isDownloading: true }))
    expect(next).toEqual({ modelsDirectory: '/m', models: [row('a'), row('b', true)] })
    expect(list.models[1].isDownloading).toBe(false)
  })

  it('leaves an unloaded list unloaded', () => {
    expect(withRowChanged(null, 'a', () => row('a', true))).toBeNull()
  })
})

describe('withNotice', () => {
  it('sets and clears one model notice', () => {
    const set = withNotice({}, 'a', { kind: 'ok', message: 'Removed.' })
    expect(set).toEqual({ a: { kind: 'ok', message: 'Removed.' } })
    expect(withNotice(set, 'a', null)).toEqual({})
  })
})

describe('downloadNotice', () => {
  it('shows failed downloads as errors, cancelled as info, installed ones as ok', () => {
    const report = (outcome: 'installed' | 'already-installed' | 'failed' | 'cancelled') => ({
      outcome,
      message: `m-${outcome}`,
      hint: outcome === 'failed' ? 'retry' : null,
    })
    expect(downloadNotice(report('failed'))).toEqual({
      kind: 'error',
      message: 'm-failed',
      hint: 'retry',
    })
    expect(downloadNotice(report('cancelled')).kind).toBe('info')
    expect(downloadNotice(report('installed')).kind).toBe('ok')
    expect(downloadNotice(report('already-installed')).kind).toBe('ok')
  })
})
