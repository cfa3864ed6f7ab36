import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appUserDirectory } from '../../main/files/userDirectories'

describe('appUserDirectory', () => {
  it('SPATIAL_LENS_HOME holds every kind on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      for (const kind of ['config', 'data', 'cache'] as const)
        expect(
          appUserDirectory(kind, { SPATIAL_LENS_HOME: '/portable' }, platform, '/home/u'),
        ).toBe(resolve('/portable'))
  })

  it('follows XDG on Linux, ignoring relative values', () => {
    const env = { XDG_CONFIG_HOME: '/c', XDG_DATA_HOME: '/d', XDG_CACHE_HOME: 'rel' }
    expect(appUserDirectory('config', env, 'linux', '/home/u')).toBe('/c/spatial-lens')
    expect(appUserDirectory('data', env, 'linux', '/home/u')).toBe('/d/spatial-lens')
    expect(appUserDirectory('cache', env, 'linux', '/home/u')).toBe('/home/u/.cache/spatial-lens')
    expect(appUserDirectory('data', {}, 'linux', '/home/u')).toBe(
      '/home/u/.local/share/spatial-lens',
    )
  })

  it('uses Application Support / Caches on macOS and APPDATA / LOCALAPPDATA on Windows', () => {
    expect(appUserDirectory('data', {}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/spatial-lens',
    )
    expect(appUserDirectory('cache', {}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Caches/spatial-lens',
    )
    const env = {
      APPDATA: 'C:\\Users\\u\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
    }
    expect(appUserDirectory('data', env, 'win32', 'C:\\Users\\u')).toBe(
      join(env.APPDATA, 'spatial-lens'),
    )
    expect(appUserDirectory('cache', env, 'win32', 'C:\\Users\\u')).toBe(
      join(env.LOCALAPPDATA, 'spatial-lens'),
    )
  })
})
