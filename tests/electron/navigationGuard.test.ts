import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devRendererUrl, guardNavigation } from '../../main/electron/navigationGuard'
import { isOwnContent } from '../../main/electron/ipcHandlers'
import {
  contentSecurityPolicy,
  contentSecurityPolicyHeader,
} from '../../main/server/contentSecurityPolicy'
import { ROOT } from '../helpers/runCli'

const DEV = 'http://localhost:5173'
const INDEX = '/opt/Spatial Lens/resources/app.asar/out/renderer/index.html'

describe('ELECTRON_RENDERER_URL', () => {
  it('is ignored by a packaged app, whatever it says', () => {
    expect(devRendererUrl(DEV, true)).toBeUndefined()
    expect(devRendererUrl('http://127.0.0.1:5173/', true)).toBeUndefined()
  })

  it('in development: the dev server on this machine over http only', () => {
    expect(devRendererUrl(DEV, false)).toBe('http://localhost:5173/')
    expect(devRendererUrl('http://[::1]:5173', false)).toBe('http://[::1]:5173/')
    expect(devRendererUrl('https://evil.example/', false)).toBeUndefined()
    expect(devRendererUrl('http://localhost.evil.example:5173', false)).toBeUndefined()
    expect(devRendererUrl('file:///tmp/index.html', false)).toBeUndefined()
    expect(devRendererUrl('not a url', false)).toBeUndefined()
    expect(devRendererUrl(undefined, false)).toBeUndefined()
  })

  it('own content is the dev server’s origin exactly, not every URL starting with it', () => {
    const own = { rendererUrl: DEV, indexHtmlPath: INDEX }
    expect(isOwnContent('http://localhost:5173/index.html', own)).toBe(true)
    expect(isOwnContent('http://localhost:5173.evil.example/', own)).toBe(false)
    expect(isOwnContent('http://localhost:51730/', own)).toBe(false)
    expect(isOwnContent('http://localhost:5173@evil.example/', own)).toBe(false)
    expect(isOwnContent('https://localhost:5173/', own)).toBe(false)
  })
})

describe('navigation guard', () => {
  const isOwn = (url: string) => isOwnContent(url, { indexHtmlPath: INDEX })
  const own = 'file:///opt/Spatial%20Lens/resources/app.asar/out/renderer/index.html#/settings'

  function emit(contents: EventEmitter, name: string, url: string): boolean {
    let isPrevented = false
    contents.emit(name, { preventDefault: () => (isPrevented = true) }, url)
    return isPrevented
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: foreign URLs are cancelled, own content is not',
    (name) => {
      const contents = new EventEmitter()
      guardNavigation(contents, isOwn)
      expect(emit(contents, name, 'https://evil.example/phish')).toBe(true)
      expect(emit(contents, name, 'file:///etc/passwd')).toBe(true)
      expect(emit(contents, name, own)).toBe(false)
    },
  )

  it('reads the URL from the details when Electron passes no second argument', () => {
    const contents = new EventEmitter()
    guardNavigation(contents, isOwn)
    let isPrevented = false
    contents.emit('will-frame-navigate', {
      url: 'https://evil.example/',
      preventDefault: () => (isPrevented = true),
    })
    expect(isPrevented).toBe(true)
  })

  it('never attaches a <webview>', () => {
    const contents = new EventEmitter()
    guardNavigation(contents, isOwn)
    expect(emit(contents, 'will-attach-webview', own)).toBe(true)
  })
})

describe('Content Security Policy', () => {
  it('connects to its own origin only: no bare ws:/wss:/http: source anywhere', () => {
    const policy = contentSecurityPolicy()
    expect(policy).toContain("connect-src 'self'")
    const sources = policy.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    expect(
      sources.filter((source) => /^(ws|wss|http|https):?$/.test(source) || source === '*'),
    ).toEqual([])
    expect(contentSecurityPolicyHeader()).toBe(`${policy}; frame-ancestors 'none'`)
  })

  it('renderer/index.html carries exactly that policy (the page Electron and serve load)', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(meta?.[1]).toBe(contentSecurityPolicy())
  })
})
