import { describe, expect, it } from 'vitest'
import { parseFleetSynthArgs, parseFleetWorkerArgs } from '../../main/cli/fleetArgs'

describe('fleet arguments', () => {
  it('synth --queue: the local synth options plus batch size and retry policy', () => {
    const args = parseFleetSynthArgs([
      'in',
      '--out',
      '/d',
      '--queue',
      'redis://h:1/2',
      '--seed',
      '9',
      '--attempts',
      '4',
      '--detach',
    ])
    expect(args).toMatchObject({
      kind: 'submit',
      queueName: 'spatial-lens-synth',
      inputs: ['in'],
      framesPerJob: 16,
      config: { outDir: '/d', seed: 9, perception: { detector: 'nanodet' }, withPoints: false },
      jobSettings: { attempts: 4, backoffMs: 10_000 },
      detach: true,
    })
    expect(args.target).toMatchObject({ host: 'h', port: 1, db: 2 })
  })

  it('synth --queue: the MCAP options of the local synth (topics, every N-th frame)', () => {
    const base = ['rec', '--out', '/d', '--queue', 'redis://h']
    expect(parseFleetSynthArgs(base)).toMatchObject({ mcap: { topics: {}, every: 1 } })
    const args = parseFleetSynthArgs([
      ...base,
      '--color-topic',
      '/cam/color',
      '--depth-topic',
      '/cam/depth',
      '--camera-info-topic',
      '/cam/info',
      '--every',
      '5',
    ])
    expect(args).toMatchObject({
      mcap: {
        topics: {
          colorTopic: '/cam/color',
          depthTopic: '/cam/depth',
          cameraInfoTopic: '/cam/info',
        },
        every: 5,
      },
    })
    expect(() => parseFleetSynthArgs([...base, '--every', '0'])).toThrow(
      '--every must be an integer 1-1000000000, got "0"',
    )
  })

  it('synth --status needs only the queue', () => {
    expect(
      parseFleetSynthArgs(['--status', '--queue', 'redis://h', '--queue-name', 'run-7']),
    ).toMatchObject({
      kind: 'status',
      queueName: 'run-7',
    })
  })

  it('worker: the documented defaults and overrides', () => {
    const defaults = parseFleetWorkerArgs(['--queue', 'redis://h'])
    expect(defaults.settings).toMatchObject({
      concurrency: 1,
      lockDurationMs: 120_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 2,
    })
    const tuned = parseFleetWorkerArgs([
      '--queue',
      'redis://h',
      '--lock-ms',
      '4000',
      '--stalled-interval-ms',
      '1000',
      '--max-stalled',
      '5',
      '--threads',
      '2',
    ])
    expect(tuned.settings).toMatchObject({
      lockDurationMs: 4000,
      stalledIntervalMs: 1000,
      maxStalledCount: 5,
      threads: 2,
    })
  })

  it.each([
    [['in', '--out', '/d'], /--queue redis:\/\/host:6379\[\/db\] is required/],
    [['--queue', 'redis://h', '--out', '/d'], /name at least one input/],
    [['in', '--queue', 'redis://h'], /--out DIR/],
    [
      ['in', '--out', '/d', '--queue', 'redis://h', '--frames-per-job', '0'],
      /--frames-per-job must be an integer 1-10000, got "0"/,
    ],
    [['in', '--out', '/d', '--queue', 'redis://h', '--queue-name', 'a b'], /--queue-name "a b"/],
    [['in', '--out', '/d', '--queue', 'redis://h', '--detector', 'yolo'], /--detector must be/],
  ])('synth %j: a clear error', (argv, message) => {
    expect(() => parseFleetSynthArgs(argv)).toThrow(message)
  })

  it('worker refuses a zero concurrency and a lock shorter than 500 ms', () => {
    expect(() => parseFleetWorkerArgs(['--queue', 'redis://h', '--concurrency', '0'])).toThrow(
      '--concurrency must be an integer 1-256',
    )
    expect(() => parseFleetWorkerArgs(['--queue', 'redis://h', '--lock-ms', '10'])).toThrow(
      '--lock-ms must be an integer 500-86400000',
    )
  })
})
