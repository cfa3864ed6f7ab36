import { afterAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { runCli } from '../helpers/runCli'
import { modelInfoCliSchema, modelListCliSchema } from '../../main/contract/modelsCliSchema'
import { cliEnvironment, tempDirectory } from './depthModelCache'

/** `models list --json` and `models info --json` print the shapes the contract defines. */
const cache = tempDirectory('models-json')
const home = tempDirectory('home-json')
const env = cliEnvironment(cache, home)
afterAll(() => [cache, home].forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('spatial-lens models --json', () => {
  it('list: the cache folder and every manifest model with its state, per the contract', () => {
    const run = runCli(['models', 'list', '--json'], env)
    expect(run.status, run.stderr).toBe(0)
    const listing = modelListCliSchema.parse(JSON.parse(run.stdout))
    expect(listing.modelsDirectory).toBe(cache)
    const nanodet = listing.models.find((model) => model.id === 'nanodet-m')
    // Ships with the app; an empty cache has nothing downloaded.
    expect(nanodet?.status).toBe('built-in')
    const downloads = listing.models.filter((model) => model.install === 'download')
    expect(downloads.length).toBeGreaterThan(0)
    expect(downloads.every((model) => model.status === 'missing')).toBe(true)
  })

  it('info: one id gives one model, two ids a list', () => {
    const one = runCli(['models', 'info', 'nanodet-m', '--json'], env)
    expect(one.status, one.stderr).toBe(0)
    const model = modelInfoCliSchema.parse(JSON.parse(one.stdout))
    expect(Array.isArray(model) ? null : model.id).toBe('nanodet-m')
    const two = runCli(['models', 'info', 'nanodet-m', 'depth-anything-v2-small', '--json'], env)
    expect(two.status, two.stderr).toBe(0)
    const models = modelInfoCliSchema.parse(JSON.parse(two.stdout))
    expect(Array.isArray(models) ? models.map((m) => m.id) : null).toEqual([
      'nanodet-m',
      'depth-anything-v2-small',
    ])
  })
})
