// .dockerignore reading and matching (reference 5.4).
import { describe, expect, it } from 'vitest';
import { DockerIgnore, cleanPath, readDockerignore } from '../../../src/runtime/build/dockerignore.ts';

describe('.dockerignore', () => {
  it('reads comments in column 1, trims, cleans and drops a leading /', () => {
    expect(readDockerignore('# c\n  # not a comment\n\n /build/ \n./a/../b\n!  keep\n')).toEqual(['# not a comment', 'build', 'b', '!keep']);
    expect(cleanPath('./a/')).toBe('a');
  });
  it('anchors patterns at the root; * and ? stay in one component', () => {
    const ig = DockerIgnore.parse('*.log\nb?d\n/build\n');
    expect(ig.excluded('x.log')).toBe(true);
    expect(ig.excluded('sub/x.log')).toBe(false);
    expect(ig.excluded('bad')).toBe(true);
    expect(ig.excluded('build')).toBe(true);
    expect(ig.excluded('sub/build')).toBe(false);
  });
  it('a matching directory excludes everything below it', () => {
    const ig = DockerIgnore.parse('node_modules\n');
    expect(ig.excluded('node_modules/a/b.js')).toBe(true);
    expect(ig.excluded('src/node_modules')).toBe(false);
  });
  it('** matches any number of directories, including none', () => {
    const ig = DockerIgnore.parse('**/*.tmp\na/**/z\n');
    expect(ig.excluded('x.tmp')).toBe(true);
    expect(ig.excluded('d/e/x.tmp')).toBe(true);
    expect(ig.excluded('a/z')).toBe(true);
    expect(ig.excluded('a/b/c/z')).toBe(true);
    expect(ig.excluded('b/z')).toBe(false);
  });
  it('the last matching line decides; exceptions re-include', () => {
    const ig = DockerIgnore.parse('*.md\n!README.md\n');
    expect(ig.excluded('a.md')).toBe(true);
    expect(ig.excluded('README.md')).toBe(false);
    const ig2 = DockerIgnore.parse('!README.md\n*.md\n');
    expect(ig2.excluded('README.md')).toBe(true);
  });
  it('character classes and escapes', () => {
    const ig = DockerIgnore.parse('[a-c].txt\n[^x]y\n\\*star\n');
    expect(ig.excluded('b.txt')).toBe(true);
    expect(ig.excluded('d.txt')).toBe(false);
    expect(ig.excluded('zy')).toBe(true);
    expect(ig.excluded('xy')).toBe(false);
    expect(ig.excluded('*star')).toBe(true);
    expect(ig.excluded('astar')).toBe(false);
  });
});
