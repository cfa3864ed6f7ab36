import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { openMcap } from '../../../main/sources/mcap/openMcap'
import { tfFramesAtOpen } from '../../../main/sources/mcap/tfFramesAtOpen'
import { CAMERA_FRAME, writeRgbdMcap } from '../../helpers/rgbdMcap'
import { makeTempDir } from '../helpers'

// The fixed-frame choices offered when a recording is opened. Expected ids come from what the files
// hold: the rgbd writer's documented TF (static base_link → camera, per-frame /tf base_link → gripper)
// and the evo recording's PROVENANCE (static base_footprint → base_link, /tf odom → base_footprint).

const temp = makeTempDir()
afterAll(() => temp.cleanup())

async function framesOf(path: string, dynamicMessages?: number): Promise<string[]> {
  const { reader, readable } = await openMcap(path)
  try {
    return await tfFramesAtOpen(reader, dynamicMessages)
  } finally {
    await readable.close()
  }
}

describe('tfFramesAtOpen', () => {
  it('lists the static TF frames and those of the first /tf messages', async () => {
    const file = join(temp.dir, 'tf.mcap')
    await writeRgbdMcap(file, 3, { tf: true })
    expect(await framesOf(file)).toEqual(['base_link', CAMERA_FRAME, 'gripper'])
  })

  it('reads no dynamic message when asked for none: static frames only', async () => {
    const file = join(temp.dir, 'tf-static.mcap')
    await writeRgbdMcap(file, 2, { tf: true })
    expect(await framesOf(file, 0)).toEqual(['base_link', CAMERA_FRAME])
  })

  it('gives an empty list for a recording without TF', async () => {
    const file = join(temp.dir, 'no-tf.mcap')
    await writeRgbdMcap(file, 1)
    expect(await framesOf(file)).toEqual([])
  })

  it('reads a real rosbag2 .db3: the static pair and odom from /tf', async () => {
    expect(await framesOf('tests/fixtures/mcap/evo_tf_example.db3', 1)).toEqual([
      'base_footprint',
      'base_link',
      'odom',
    ])
  })
})
