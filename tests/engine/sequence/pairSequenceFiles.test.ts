import { describe, expect, it } from 'vitest'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  frameKey,
  isDepthPath,
  pairSequenceFiles,
  type FolderEntry,
} from '../../../main/engine/sequence/pairSequenceFiles'
import { FIXTURES } from '../../helpers/syntheticTabletop'

/** Entries as a browser gives them for a picked folder: the folder's name first. */
function folder(name: string, paths: string[]): FolderEntry<string>[] {
  return paths.map((path) => ({ file: `${name}/${path}`, path: `${name}/${path}` }))
}

/** Every file under a fixture folder, as `webkitRelativePath` would list them. */
function fixtureFolder(name: string): FolderEntry<string>[] {
  const root = join(FIXTURES, name)
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const path = join(directory, entry)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
  return walk(root).map((path) => {
    const inFolder = `${name}/${relative(root, path)}`
    return { file: inFolder, path: inFolder }
  })
}

const pairsOf = (sequence: { frames: { color: string; depth: string | null }[] }) =>
  sequence.frames.map((frame) => [
    frame.color.split('/').slice(1).join('/'),
    frame.depth?.split('/').slice(1).join('/') ?? null,
  ])

describe('pairSequenceFiles (a folder played as a sequence)', () => {
  it('pairs the SUN RGB-D fixture by frame name and picks intrinsics.json among other JSON files', () => {
    const sequence = pairSequenceFiles(fixtureFolder('sunrgbd-mmdet3d'))
    expect(pairsOf(sequence)).toEqual([
      ['image/000001.jpg', 'depth/000001.png'],
      ['image/000002.jpg', 'depth/000002.png'],
      ['image/000003.jpg', 'depth/000003.png'],
      ['image/000004.jpg', 'depth/000004.png'],
    ])
    expect(sequence.intrinsicsName).toBe('intrinsics.json') // not boxes/00000N.json
    expect(sequence.notes).toEqual([])
  })

  it('pairs NYU-style names whose stream tokens differ (rgb_00000 ↔ sync_depth_00000)', () => {
    const sequence = pairSequenceFiles(fixtureFolder('nyu-metric3d'))
    expect(pairsOf(sequence)).toEqual([['rgb/rgb_00000.jpg', 'depth/sync_depth_00000.png']])
  })

  it('pairs suffix-named frames in one folder (PCL: frame_…_rgb.png ↔ frame_…_depth.png)', () => {
    const sequence = pairSequenceFiles(fixtureFolder('pcl-kinect'))
    // The fixture holds PCL's three consecutive frames.
    expect(pairsOf(sequence)).toEqual([
      ['rgbd/frame_20121214T142255.814212_rgb.png', 'rgbd/frame_20121214T142255.814212_depth.png'],
      ['rgbd/frame_20121214T142256.068683_rgb.png', 'rgbd/frame_20121214T142256.068683_depth.png'],
      ['rgbd/frame_20121214T142256.332395_rgb.png', 'rgbd/frame_20121214T142256.332395_depth.png'],
    ])
  })

  it('orders frames naturally (frame 2 before frame 10), whatever the listing order', () => {
    const sequence = pairSequenceFiles(
      folder('scan', ['depth/10.png', 'color/10.png', 'color/2.png', 'depth/2.png', 'K.json']),
    )
    expect(pairsOf(sequence)).toEqual([
      ['color/2.png', 'depth/2.png'],
      ['color/10.png', 'depth/10.png'],
    ])
  })

  it('falls back to the frame number, then to sorted order when names share nothing', () => {
    expect(
      pairsOf(
        pairSequenceFiles(folder('a', ['rgb/frame-0007.jpg', 'd/depth_7.png', 'intrinsics.json'])),
      ),
    ).toEqual([['rgb/frame-0007.jpg', 'd/depth_7.png']])
    expect(
      pairsOf(
        pairSequenceFiles(
          folder('b', ['left/a.png', 'left/b.png', 'depth/x.png', 'depth/y.png', 'camera.json']),
        ),
      ),
    ).toEqual([
      ['left/a.png', 'depth/x.png'],
      ['left/b.png', 'depth/y.png'],
    ])
  })

  it('leaves out frames without a partner and says so', () => {
    const sequence = pairSequenceFiles(
      folder('s', [
        'rgb/1.png',
        'rgb/2.png',
        'rgb/3.png',
        'depth/1.png',
        'depth/2.png',
        'depth/9.png',
        'intrinsics.json',
      ]),
    )
    expect(pairsOf(sequence)).toEqual([
      ['rgb/1.png', 'depth/1.png'],
      ['rgb/2.png', 'depth/2.png'],
    ])
    expect(sequence.notes).toEqual([
      'Left out 1 colour image (rgb/3.png) without a depth image',
      'Left out 1 depth image (depth/9.png) without a colour image',
    ])
  })

  it('plays a folder without depth images as colour-only frames', () => {
    const sequence = pairSequenceFiles(
      folder('phone', ['IMG_2.jpg', 'IMG_1.jpg', 'intrinsics.json', 'notes.txt']),
    )
    expect(pairsOf(sequence)).toEqual([
      ['IMG_1.jpg', null],
      ['IMG_2.jpg', null],
    ])
  })

  it('does not read "depth" in the picked folder\'s own name', () => {
    const sequence = pairSequenceFiles(
      folder('depth-captures', ['rgb/1.png', 'depth/1.png', 'intrinsics.json']),
    )
    expect(pairsOf(sequence)).toEqual([['rgb/1.png', 'depth/1.png']])
  })

  it('refuses a folder without images, without intrinsics, or with several candidates, saying what to do', () => {
    expect(() => pairSequenceFiles(folder('x', ['intrinsics.json', 'readme.md']))).toThrow(
      /no colour images/,
    )
    expect(() => pairSequenceFiles(folder('x', ['rgb/1.png', 'depth/1.png']))).toThrow(
      /no intrinsics JSON.*intrinsics\.json/,
    )
    expect(() =>
      pairSequenceFiles(folder('x', ['rgb/1.png', 'depth/1.png', 'a.json', 'b.json'])),
    ).toThrow(/several JSON files \(a\.json, b\.json\).*name it intrinsics\.json/)
    expect(() =>
      pairSequenceFiles(folder('x', ['rgb/1.png', 'rgb/2.png', 'depth/a.png', 'intrinsics.json'])),
    ).toThrow(/No colour image of the folder matches a depth image/)
  })

  it('reads stream tokens from names and folders; depth must be a PNG', () => {
    expect(isDepthPath('depth/0001.png')).toBe(true)
    expect(isDepthPath('aligned_depth_to_color/0001.png')).toBe(true)
    expect(isDepthPath('depth/0001.jpg')).toBe(false)
    expect(isDepthPath('rgbd/frame_rgb.png')).toBe(false)
    expect(frameKey('color/scene_640x480_color.png')).toBe('scene_640x480')
    expect(frameKey('depth/scene_640x480_depth.png')).toBe('scene_640x480')
  })
})
