import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { resolveModelCacheDirectory } from '../../main/models/cacheDirectory'

describe('resolveModelCacheDirectory', () => {
  it('prefers SPATIAL_LENS_MODELS on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        resolveModelCacheDirectory(
          { SPATIAL_LENS_MODELS: '/opt/models', XDG_CACHE_HOME: '/x' },
          platform,
          '/home/u',
        ),
      ).toBe(resolve('/opt/models'))
    }
  })
  it('uses XDG_CACHE_HOME, else ~/.cache, on Linux (relative XDG values are ignored)', () => {
    expect(resolveModelCacheDirectory({ XDG_CACHE_HOME: '/var/cache/u' }, 'linux', '/home/u')).toBe(
      join('/var/cache/u', 'spatial-lens', 'models'),
    )
    expect(resolveModelCacheDirectory({}, 'linux', '/home/u')).toBe(
      join('/home/u', '.cache', 'spatial-lens', 'models'),
    )
    expect(resolveModelCacheDirectory({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      join('/home/u', '.cache', 'spatial-lens', 'models'),
    )
  })
  it('uses ~/Library/Caches on macOS and %LOCALAPPDATA% on Windows', () => {
    expect(resolveModelCacheDirectory({}, 'darwin', '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Caches', 'spatial-lens', 'models'),
    )
    expect(
      resolveModelCacheDirectory(
        { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
        'win32',
        'C:\\Users\\u',
      ),
    ).toBe(join('C:\\Users\\u\\AppData\\Local', 'spatial-lens', 'models'))
  })
})
