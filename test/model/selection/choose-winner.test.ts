import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakAtOrigin } from '../../../src/model/selection/choose-winner.js';

test('breakAtOrigin: a change in the last h rows larger than twice every earlier change', () => {
  const cases: [string, number[], number, boolean][] = [
    ['calm', [1, 2, 1, 2, 1, 2], 2, false],
    ['jump of 2.5× the largest earlier change, last row', [1, 2, 1, 2, 1, 3.5], 2, true],
    ['exactly 2× is not a break', [1, 2, 1, 2, 1, 3], 2, false],
    ['the jump two rows back, inside h = 2', [1, 2, 1, 2, 5, 5], 2, true],
    ['the same jump outside h = 1', [1, 2, 1, 2, 5, 5], 1, false],
    ['NaN changes are skipped', [1, 2, NaN, 1, 2, 9], 1, true],
    ['a constant series never breaks', [3, 3, 3, 3], 1, false],
  ];
  for (const [name, y, h, want] of cases) assert.equal(breakAtOrigin(y, h), want, name);
});
