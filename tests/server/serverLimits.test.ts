import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../main/cli/args'
import { DEFAULT_SERVER_LIMITS } from '../../main/server/serverLimits'

const MB = 1024 * 1024

describe('serve limits and allow-lists from the command line', () => {
  it('defaults: 64 MB per message, 128 MB and 32 requests in flight, 8 connections, 16 scenes per client', () => {
    const args = parseCliArgs(['serve'])
    expect(args.limits).toEqual({
      maxMessageBytes: 64 * MB,
      maxBytesInFlight: 128 * MB,
      maxRequestsInFlight: 32,
      maxConnections: 8,
      maxScenesPerClient: 16,
    })
    expect(args.limits).toEqual(DEFAULT_SERVER_LIMITS)
    expect(args.allowedHosts).toEqual([])
    expect(args.allowedOrigins).toEqual([])
  })

  it('each flag sets its limit (MB flags in MiB); --allow-host and --allow-origin repeat', () => {
    const args = parseCliArgs([
      'serve',
      '--max-message-mb',
      '10',
      '--max-in-flight-mb',
      '20',
      '--max-requests-in-flight',
      '3',
      '--max-connections',
      '2',
      '--scenes-per-client',
      '4',
      '--allow-host',
      'robot.local',
      '--allow-host',
      'arm-7',
      '--allow-origin',
      'https://dashboard.example:8443',
    ])
    expect(args.limits).toEqual({
      maxMessageBytes: 10 * MB,
      maxBytesInFlight: 20 * MB,
      maxRequestsInFlight: 3,
      maxConnections: 2,
      maxScenesPerClient: 4,
    })
    expect(args.allowedHosts).toEqual(['robot.local', 'arm-7'])
    expect(args.allowedOrigins).toEqual(['https://dashboard.example:8443'])
  })

  it.each([
    [['--max-connections', '0'], /--max-connections must be a whole number ≥ 1 \(got "0"\)/],
    [['--max-message-mb', '1.5'], /--max-message-mb must be a whole number/],
    [['--scenes-per-client', 'many'], /--scenes-per-client must be a whole number/],
    [
      ['--max-message-mb', '100', '--max-in-flight-mb', '50'],
      /--max-in-flight-mb \(50\) must be at least --max-message-mb \(100\)/,
    ],
    [['--allow-origin', 'dashboard.example'], /--allow-origin must be an origin like https:\/\//],
    [['--allow-origin', 'https://dashboard.example/path'], /--allow-origin must be an origin/],
  ])('refuses %j with a message naming the flag', (flags, message) => {
    expect(() => parseCliArgs(['serve', ...flags])).toThrow(message)
  })
})
