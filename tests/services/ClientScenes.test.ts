import { describe, expect, it } from 'vitest'
import { ClientScenes } from '../../main/services/ClientScenes'

describe('ClientScenes: scenes kept per client', () => {
  it('each client keeps its own newest N; one client’s burst never evicts another’s', () => {
    const scenes = new ClientScenes<string>(3)
    const [a, b] = [scenes.open(), scenes.open()]
    scenes.keep(a, 'a1', 'scene a1')
    for (let i = 1; i <= 5; i++) scenes.keep(b, `b${i}`, `scene b${i}`)
    expect(scenes.get(a, 'a1')).toBe('scene a1')
    expect(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => scenes.get(b, id) ?? null)).toEqual([
      null,
      null,
      'scene b3',
      'scene b4',
      'scene b5',
    ])
    expect(scenes.size).toBe(4)
  })

  it('a client cannot read another client’s scene, even knowing its id', () => {
    const scenes = new ClientScenes<string>()
    const [a, b] = [scenes.open(), scenes.open()]
    scenes.keep(a, 'shared-id', 'A')
    expect(scenes.get(b, 'shared-id')).toBeUndefined()
  })

  it('closing a client forgets its scenes, and an analysis finishing after the close keeps nothing', () => {
    const scenes = new ClientScenes<string>()
    const a = scenes.open()
    scenes.keep(a, 'a1', 'A')
    a.close()
    expect(scenes.get(a, 'a1')).toBeUndefined()
    scenes.keep(a, 'late', 'A late')
    expect(scenes.get(a, 'late')).toBeUndefined()
    expect(scenes.size).toBe(0)
  })

  it('refuses a limit that is not a whole number ≥ 1', () => {
    expect(() => new ClientScenes(0)).toThrow(
      /maxScenesPerClient must be a whole number ≥ 1, got 0/,
    )
    expect(() => new ClientScenes(2.5)).toThrow(RangeError)
  })
})

describe('ClientScenes byte budget', () => {
  it('drops the oldest scene of any client once the bytes pass the budget, never the one just kept', () => {
    const scenes = new ClientScenes<string>(16, 250)
    const a = scenes.open()
    const b = scenes.open()
    scenes.keep(a, 'a1', 'A1', 100)
    scenes.keep(b, 'b1', 'B1', 100)
    scenes.keep(a, 'a2', 'A2', 100)
    // 300 > 250: a1, the oldest of all, goes.
    expect(scenes.get(a, 'a1')).toBeUndefined()
    expect([scenes.get(b, 'b1'), scenes.get(a, 'a2')]).toEqual(['B1', 'A2'])
    expect(scenes.bytes).toBe(200)
    scenes.keep(b, 'huge', 'H', 1000)
    expect(scenes.get(b, 'huge')).toBe('H')
    expect(scenes.size).toBe(1)
    b.close()
    expect(scenes.bytes).toBe(0)
  })
})
