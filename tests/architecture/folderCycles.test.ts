/**
 * The parts of main/ form layers, not a web: no folder imports another that imports it back,
 * directly or round a longer loop (services ↔ perception, contract ↔ perception were such loops).
 * A failure names the folders of the loop and the imports that close it.
 */
import { describe, expect, it } from 'vitest'
import { cyclesOf, folderGraph, sourceFiles } from './importGraph'

const graph = folderGraph(sourceFiles('main'))

/** Each cycle with the file-level imports between its folders, for a readable failure. */
function describeCycles(): string[] {
  const neighbours = new Map([...graph].map(([from, edges]) => [from, [...edges.keys()]]))
  return cyclesOf(neighbours).map((folders) => {
    const imports = folders.flatMap((from) =>
      folders.flatMap((to) => graph.get(from)?.get(to) ?? []),
    )
    return `${folders.join(' ↔ ')}:\n  ${imports.join('\n  ')}`
  })
}

describe('folder cycles in main/', () => {
  it('no part of main/ imports a part that imports it back', () => {
    expect(describeCycles()).toEqual([])
  })

  it('reads the real graph (the hosts import the services, the services the frame path)', () => {
    expect(graph.get('server')?.has('services')).toBe(true)
    expect(graph.get('services')?.has('frames')).toBe(true)
    expect(graph.get('sources')?.has('app')).toBe(true)
  })

  it('finds a loop when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(cyclesOf(looped)).toEqual([['a', 'b', 'c']])
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['d', ['a', 'c']],
        ]),
      ),
    ).toEqual([])
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
          ['c', ['d']],
          ['d', ['c']],
        ]),
      ),
    ).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })
})
