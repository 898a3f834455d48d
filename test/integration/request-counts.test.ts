import { describe, expect, it } from 'vitest';
import { REQUEST_LOG_LIMIT, startSimulator } from '../../src/simulator/server.js';
import { countTask, requestHarness, TASKS, type Task } from '../bench/requests.js';

/**
 * api3 requests per task (issue 16): counts, never timings. A destructive task is counted whole,
 * its preview and its confirmed call; the tasks and their targets are the bench's
 * (test/bench/requests.ts), which prints the same figures.
 */
describe('api3 requests per task', () => {
  /** A fresh account and server for each task: one task's change never makes another's cheaper. */
  const counted = async (task: Task) => {
    const { harness, close } = await requestHarness();
    try {
      return await countTask(harness, task);
    } finally {
      await close();
    }
  };

  for (const task of TASKS) {
    const ceiling = task.holding ?? task.target;
    if (ceiling === undefined) continue;
    it(`${task.label}: at most ${ceiling} requests${task.holding ? ` (issue 16's target: ${task.target})` : ''}`, async () => {
      const { total, byCommand, failed } = await counted(task);
      expect(failed).toBeUndefined();
      expect(total, JSON.stringify(Object.fromEntries(byCommand))).toBeLessThanOrEqual(ceiling);
    });
  }

  it('a 20-name search is one request', async () => {
    const search = TASKS.find((task) => task.tool === 'search');
    expect(search && (await counted(search)).total).toBe(1);
  });
});

describe("the simulator's request log", () => {
  const ask = (url: string, command: string) => fetch(`${url}?key=k&command=${command}`).then((res) => res.text());

  it('keeps the latest requests up to its limit and counts them all', async () => {
    const simulator = await startSimulator({ requestLogLimit: 10 });
    try {
      for (let i = 0; i < 24; i++) await ask(simulator.url, 'account_info');
      await ask(simulator.url, 'get_account_balance');
      expect(simulator.requests.length).toBeLessThanOrEqual(10);
      expect(simulator.requestCount).toBe(25);
      expect(simulator.requests.at(-1)?.command).toBe('get_account_balance');
      simulator.reset();
      expect([simulator.requests.length, simulator.requestCount]).toEqual([0, 0]);
    } finally {
      await simulator.close();
    }
  });

  it(`is bounded by default (${REQUEST_LOG_LIMIT} requests)`, async () => {
    const simulator = await startSimulator();
    try {
      for (let i = 0; i < REQUEST_LOG_LIMIT + 50; i++) await ask(simulator.url, 'account_info');
      expect(simulator.requests.length).toBeLessThanOrEqual(REQUEST_LOG_LIMIT);
      expect(simulator.requestCount).toBe(REQUEST_LOG_LIMIT + 50);
    } finally {
      await simulator.close();
    }
  });
});
