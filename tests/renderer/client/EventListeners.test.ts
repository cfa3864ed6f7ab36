import { afterEach, describe, expect, it, vi } from 'vitest'
import { EventListeners } from '../../../renderer/src/client/EventListeners'

const step = { index: 0, kind: 'thought', text: 'Listing the objects.', ms: 3, atMs: 3 }

describe('EventListeners (server events in the UI)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('hands a valid event to the listeners of its name only, until they unsubscribe', () => {
    const listeners = new EventListeners()
    const steps: unknown[] = []
    const progress: unknown[] = []
    const stop = listeners.add('qa:step', (payload) => steps.push(payload))
    listeners.add('models:progress', (payload) => progress.push(payload))
    listeners.dispatch('qa:step', { requestId: 'r1', step })
    expect(steps).toEqual([{ requestId: 'r1', step }])
    expect(progress).toEqual([])
    stop()
    listeners.dispatch('qa:step', { requestId: 'r1', step })
    expect(steps).toHaveLength(1)
  })

  it('drops a malformed payload with a warning naming the field, never reaching a listener', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const listeners = new EventListeners()
    const received: unknown[] = []
    listeners.add('qa:step', (payload) => received.push(payload))
    expect(() =>
      listeners.dispatch('qa:step', { requestId: 'r1', step: { ...step, kind: 'guess' } }),
    ).not.toThrow()
    listeners.dispatch('qa:step', null)
    expect(received).toEqual([])
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0][0])).toMatch(
      /dropped a malformed event \(qa:step: invalid step\.kind/,
    )
  })

  it('drops an event with an unknown name with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    new EventListeners().dispatch('models:exploded', {})
    expect(String(warn.mock.calls[0][0])).toMatch(/unknown name: models:exploded/)
  })

  it('a failing listener does not stop the others', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const listeners = new EventListeners()
    const received: unknown[] = []
    listeners.add('qa:step', () => {
      throw new Error('boom')
    })
    listeners.add('qa:step', (payload) => received.push(payload))
    listeners.dispatch('qa:step', { requestId: 'r1', step })
    expect(received).toHaveLength(1)
  })
})
