import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, nearestKey } from '../../src/issue/suggest.js';

test('edit distance counts a swap of neighbours as one', () => {
  assert.equal(editDistance('articles', 'artcles'), 1);
  assert.equal(editDistance('title', 'titel'), 1);
  assert.equal(editDistance('name', 'nmae'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('刊名', '刊号'), 1);
});

const SECTION = ['name', 'articles', 'briefs'];
const ARTICLE = ['title', 'toc', 'body', 'byline'];

test('the nearest key is offered when it is close', () => {
  assert.equal(nearestKey('artcles', SECTION), 'articles');
  assert.equal(nearestKey('article', SECTION), 'articles');
  assert.equal(nearestKey('brief', SECTION), 'briefs');
  assert.equal(nearestKey('titel', ARTICLE), 'title');
  assert.equal(nearestKey('Byline', ARTICLE), 'byline');
  assert.equal(nearestKey('by_line', ARTICLE), 'byline');
  assert.equal(nearestKey('bdy', ARTICLE), 'body');
});

test('no guess when nothing is close', () => {
  assert.equal(nearestKey('标题', ARTICLE), undefined);
  assert.equal(nearestKey('author', ARTICLE), undefined);
  assert.equal(nearestKey('x', ARTICLE), undefined);
  assert.equal(nearestKey('paragraphs', ARTICLE), undefined);
});
