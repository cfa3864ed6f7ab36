import { describe, expect, it } from 'vitest'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SettingsStore, privateFileSystem } from '../../main/settings/SettingsStore'
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { settingsView, updateSettings } from '../../main/settings/appSettings'
import { DEFAULT_SETTINGS } from '../../main/settings/settingsFile'

const freshStore = () =>
  new SettingsStore({
    directory: join(mkdtempSync(join(tmpdir(), 'spatial-lens-settings-')), 'home'),
  })
const KEY = 'sk-test-0123456789abcdef'

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file, and creates nothing by reading', async () => {
    const store = freshStore()
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, problem: null })
    expect(existsSync(store.path)).toBe(false)
  })

  it('stores a change (owner-only file) and keeps the fields it did not name', async () => {
    const store = freshStore()
    await store.update({ llm: { spec: 'ollama:qwen2.5:7b', apiKey: KEY, maxSteps: 5 } })
    await store.update({ units: 'imperial', llm: { timeLimitS: 30 } })
    const { settings } = await store.load()
    expect(settings).toEqual({
      settingsVersion: 1,
      // The key is bound to where the spec sends it: Ollama's default host (no OLLAMA_HOST in tests).
      llm: {
        spec: 'ollama:qwen2.5:7b',
        apiKey: KEY,
        apiKeyFor: 'http://127.0.0.1:11434',
        maxSteps: 5,
        timeLimitS: 30,
      },
      units: 'imperial',
    })
    expect(statSync(store.path).mode & 0o777).toBe(0o600)
    // An empty key removes the stored one.
    await store.update({ llm: { apiKey: '' } })
    expect((await store.load()).settings.llm.apiKey).toBeUndefined()
  })

  it('an unreadable file gives the defaults and says so; saving keeps it aside', async () => {
    const store = freshStore()
    await store.update({ units: 'imperial' })
    writeFileSync(store.path, '{"settingsVersion": 1, "units": "furlongs"')
    const read = await store.load()
    expect(read.settings).toEqual(DEFAULT_SETTINGS)
    expect(read.problem).toContain(store.path)
    expect(read.problem).toMatch(/defaults apply/)
    await store.update({ llm: { spec: 'ollama:llama3.2' } })
    expect((await store.load()).problem).toBeNull()
    const folder = join(store.path, '..')
    const aside = readdirSync(folder).filter((name) => name.startsWith('settings.json.unreadable-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(folder, aside[0]), 'utf8')).toBe(
      '{"settingsVersion": 1, "units": "furlongs"',
    )
  })

  it('a file with a bad field names the field', async () => {
    const store = freshStore()
    await store.update({})
    writeFileSync(
      store.path,
      JSON.stringify({ ...DEFAULT_SETTINGS, llm: { ...DEFAULT_SETTINGS.llm, maxSteps: 0 } }),
    )
    expect((await store.load()).problem).toMatch(/llm\.maxSteps/)
  })

  it('concurrent updates are applied one after the other', async () => {
    const store = freshStore()
    await Promise.all([
      store.update({ llm: { spec: 'ollama:a' } }),
      store.update({ units: 'imperial' }),
      store.update({ llm: { maxSteps: 3 } }),
    ])
    const { settings } = await store.load()
    expect(settings.llm).toMatchObject({ spec: 'ollama:a', maxSteps: 3 })
    expect(settings.units).toBe('imperial')
  })
})

describe('settings as the UI sees them', () => {
  it('never gives the API key back: its source and last four characters only', async () => {
    const store = freshStore()
    const view = await updateSettings(
      store,
      { llm: { spec: 'openai:gpt-4o-mini', apiKey: KEY } },
      {},
    )
    expect(JSON.stringify(view)).not.toContain(KEY.slice(0, -4))
    expect(view.llm.apiKey).toEqual({ source: 'settings', hint: '…cdef' })
    expect(view.path).toBe(store.path)
    const shortKey = settingsView(
      {
        settings: { ...DEFAULT_SETTINGS, llm: { ...DEFAULT_SETTINGS.llm, apiKey: 'abc123' } },
        problem: null,
      },
      'p',
      {},
    )
    expect(shortKey.llm.apiKey).toEqual({ source: 'settings', hint: null })
  })

  it('names the environment variable a key comes from when none is stored', () => {
    const view = settingsView({ settings: DEFAULT_SETTINGS, problem: null }, 'p', {
      OPENAI_API_KEY: 'x',
    })
    expect(view.llm.apiKey).toEqual({ source: 'environment', hint: 'OPENAI_API_KEY' })
    expect(
      settingsView({ settings: DEFAULT_SETTINGS, problem: null }, 'p', {}).llm.apiKey.source,
    ).toBe('none')
  })

  it('refuses a malformed LLM spec with what to type, and stores nothing', async () => {
    const store = freshStore()
    await expect(updateSettings(store, { llm: { spec: 'gpt4' } }, {})).rejects.toThrow(
      /Invalid LLM spec "gpt4".*ollama:<model>/,
    )
    expect(existsSync(store.path)).toBe(false)
    // Empty means "no LLM" and is fine.
    expect((await updateSettings(store, { llm: { spec: '' } }, {})).llm.spec).toBe('')
  })

  it('removes temporaries a crashed write left (they hold the API key), and only those', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'spatial-lens-settings-')), 'home')
    mkdirSync(directory)
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid // exited: its temporaries are stale
    const stale = join(directory, `settings.json.${deadPid}.1.tmp`)
    const live = join(directory, `settings.json.${process.pid}.99.tmp`) // a write of a running process
    const unrelated = join(directory, `other.json.${deadPid}.1.tmp`)
    for (const path of [stale, live, unrelated])
      writeFileSync(path, JSON.stringify({ apiKey: KEY }))
    await new SettingsStore({ directory }).load()
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(live)).toBe(true)
    expect(existsSync(unrelated)).toBe(true)
  })

  it('writes its temporary owner-only, beside the file (seen by a rename that fails like a crash)', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'spatial-lens-settings-')), 'home')
    const modes: number[] = []
    const store = new SettingsStore({
      directory,
      fileSystem: {
        ...privateFileSystem,
        rename: async (from) => {
          expect(from.startsWith(join(directory, 'settings.json.'))).toBe(true)
          modes.push(statSync(from).mode & 0o777)
          throw new Error('crash')
        },
      },
    })
    await expect(store.update({ llm: { apiKey: KEY } })).rejects.toThrow('crash')
    expect(modes).toEqual([0o600])
    expect(readdirSync(directory)).toEqual([]) // a failed write removes its temporary
  })
})
