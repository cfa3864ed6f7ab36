import { describe, expect, it } from 'vitest'
import { runTopicsCommand } from '../../main/cli/topicsCommand'
import { loadMcapRobotFrame } from '../../main/cli/mcapFrame'
import { parseCliArgs } from '../../main/cli/args'
import { runCli } from '../helpers/runCli'

const DIR = 'tests/fixtures/mcap/'

describe('spatial-lens topics', () => {
  it('prints each topic with type, encoding, count and rate', async () => {
    const lines: string[] = []
    expect(
      await runTopicsCommand(['--mcap', DIR + 'rosbag2_talker.mcap'], (t) => lines.push(t)),
    ).toBe(0)
    expect(lines[0]).toMatch(/^rosbag2_talker\.mcap: 3 topic\(s\)/)
    // PROVENANCE: /topic, 10 messages over 4.531 s → 1.99 Hz.
    expect(lines.find((l) => l.startsWith('/topic '))).toMatch(
      /\/topic\s+std_msgs\/msg\/String\s+ros2msg\/cdr\s+10\s+1\.99 Hz/,
    )
    expect(lines.find((l) => l.startsWith('/parameter_events'))).toMatch(/\s0\s+-$/)
  })

  it('lists a rosbag2 .db3 like an MCAP (counts as PROVENANCE.md gives them)', async () => {
    const lines: string[] = []
    await runTopicsCommand(['--mcap', DIR + 'evo_tf_example.db3'], (l) => lines.push(l))
    const text = lines.join('\n')
    expect(text).toMatch(/\/tf\s+tf2_msgs\/msg\/TFMessage\s+\S+\s+517\b/)
    expect(text).toMatch(/\/tf_static\s+tf2_msgs\/msg\/TFMessage\s+\S+\s+1\b/)
  })
})

describe('the built CLI on a ROS 1 bag', () => {
  // The bundle imports @foxglove/rosbag's node entry as an ES module: without its file extension Node could not
  // resolve it, and every command of the built CLI failed to start once openMcap reached the ROS 1 reader.
  it("lists the turtlesim bag's topics", () => {
    const run = runCli(['topics', '--mcap', DIR + 'rosbagjs_turtlesim_example.bag'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/\/turtle1\/pose\s+turtlesim\/Pose\s+\S+\s+1344\b/)
  })
})

describe('spatial-lens scene --mcap', () => {
  it('parses the recording flags', () => {
    const args = parseCliArgs([
      'scene',
      '--mcap',
      'f.mcap',
      '--color-topic',
      '/c',
      '--depth-topic',
      '/d',
      '--at',
      '1.5',
    ])
    expect(args.mcap).toEqual({
      path: 'f.mcap',
      colorTopic: '/c',
      depthTopic: '/d',
      cameraInfoTopic: undefined,
      atS: 1.5,
    })
    expect(() => parseCliArgs(['scene', '--mcap', 'f.mcap', '--at=-1'])).toThrow(
      /--at must be a valid number/,
    )
  })

  it('without --color-topic lists the image topics', async () => {
    await expect(
      loadMcapRobotFrame({ path: DIR + 'lichtblick_custom-camera-model.mcap' }, () => {}),
    ).rejects.toThrow(
      /missing --color-topic; .* these image topics: \/image\/compressed \(foxglove\.CompressedImage, 10 msgs\)/,
    )
  })

  it('a wrong topic lists the available ones', async () => {
    await expect(
      loadMcapRobotFrame({ path: DIR + 'rosbag2_talker.mcap', colorTopic: '/camera' }, () => {}),
    ).rejects.toThrow(/no colour topic "\/camera"; its topics: .*\/rosout/)
  })

  it('gives the frame at --at with the calibration warning', async () => {
    const warnings: string[] = []
    const { frame } = await loadMcapRobotFrame(
      {
        path: DIR + 'lichtblick_custom-camera-model.mcap',
        colorTopic: '/image/compressed',
        atS: 0.5,
      },
      (w) => warnings.push(w),
    )
    expect(frame.rgb.width).toBe(520)
    expect(warnings.join(' ')).toMatch(/calibration is for 640×480/)
  })
})
