// Unit tests of the dashboard's pure functions: node --test web/test/
import test from 'node:test';
import assert from 'node:assert/strict';
import { segments } from '../src/reader.js';

test('segments cut at code point offsets, not UTF-16 units', () => {
  // 😀 is one code point and two UTF-16 units: a span after it must still
  // start where the server's code point offset says.
  const text = 'a😀 قال الجيش';
  const spans = [{ role: 'trigger', start: 3, end: 6 }, { role: 'source', start: 7, end: 12 }];
  const segs = segments(text, spans);
  assert.deepEqual(segs.map(([s, roles, start]) => [s, roles.join(' '), start]), [
    ['a😀 ', '', 0], ['قال', 'trigger', 3], [' ', '', 6], ['الجيش', 'source', 7],
  ]);
});

test('overlapping spans give one segment per set of roles', () => {
  const segs = segments('كتيبة النواصي', [{ role: 'claimed_by', start: 0, end: 13 }, { role: 'source', start: 0, end: 5 }]);
  assert.deepEqual(segs.map(([s, roles]) => [s, roles.join(' ')]), [['كتيبة', 'source claimed_by'], [' النواصي', 'claimed_by']]);
});

test('spans past the end of the text are cut, not wrapped', () => {
  assert.deepEqual(segments('abc', [{ role: 'place', start: 2, end: 9 }]).map(([s, r]) => [s, r.join()]), [['ab', ''], ['c', 'place']]);
});
