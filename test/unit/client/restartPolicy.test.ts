import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy, type RestartPolicyOptions } from '../../../client/src/restartPolicy';

const OPTIONS: RestartPolicyOptions = { firstDelayMs: 100, maxDelayMs: 2000, windowMs: 60_000, crashesBeforeSkip: 3 };

function policyAt(clock: { now: number }): RestartPolicy {
  return new RestartPolicy(OPTIONS, () => clock.now);
}

describe('RestartPolicy', () => {
  it('never gives up: crash after crash it restarts, waiting longer each time up to the cap', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    const delays: number[] = [];
    for (let crash = 0; crash < 50; crash++) {
      const decision = policy.crashed();
      delays.push(decision.restartAfterMs);
      clock.now += decision.restartAfterMs + 10;
    }
    assert.deepEqual(delays.slice(0, 6), [100, 200, 400, 800, 1600, 2000]);
    assert.ok(delays.every((delay) => delay > 0 && delay <= 2000));
  });

  it('waits briefly again after a calm period', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    policy.crashed();
    policy.crashed();
    assert.equal(policy.crashed().restartAfterMs, 400);
    clock.now += 61_000;
    assert.equal(policy.crashed().restartAfterMs, 100);
  });

  it('skips a document after three crashes while it was the last one sent, until its text changes', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    const bomb = 'file:///w/bomb.yaml';
    policy.sent('file:///w/ok.yaml', 'ok');
    policy.sent(bomb, 'containers: [[[[');
    assert.equal(policy.crashed().skipped, undefined);
    policy.sent(bomb, 'containers: [[[[');
    assert.equal(policy.crashed().skipped, undefined);
    policy.sent(bomb, 'containers: [[[[');
    assert.equal(policy.crashed().skipped, bomb);
    assert.equal(
      policy.isSkipped(bomb, 'containers: [[[['),
      true,
      'the same text stays skipped (reopened after the restart)',
    );
    assert.equal(policy.isSkipped('file:///w/ok.yaml', 'ok'), false);
    // A fourth crash is not blamed on it again: it was not sent.
    assert.equal(policy.crashed().skipped, undefined);
    assert.equal(policy.isSkipped(bomb, 'containers: []'), false, 'an edit lifts the skip');
    assert.equal(policy.isSkipped(bomb, 'containers: [[[['), false, 'and it starts afresh');
  });

  it('does not skip documents that crash only now and then, or crashes spread over time', () => {
    const clock = { now: 0 };
    const policy = policyAt(clock);
    for (let crash = 0; crash < 10; crash++) {
      policy.sent(`file:///w/${crash % 2 === 0 ? 'a' : 'b'}.yaml`, 'x');
      assert.equal(policy.crashed().skipped, undefined, `crash ${crash}`);
      if (crash % 2 === 1) clock.now += 61_000;
    }
  });

  it('forgets a closed document', () => {
    const policy = policyAt({ now: 0 });
    const uri = 'file:///w/bomb.yaml';
    for (let crash = 0; crash < 3; crash++) {
      policy.sent(uri, 'x');
      policy.crashed();
    }
    assert.equal(policy.isSkipped(uri, 'x'), true);
    policy.closed(uri);
    assert.equal(policy.isSkipped(uri, 'x'), false);
  });
});
