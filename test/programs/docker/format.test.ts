// The docker formatting library: go-units sizes and durations, Go's tabwriter as the CLI sets
// it up, the text/template subset with Docker's functions and Go's error words, and the PORTS
// column. Values checked here are the ones the real tools print.

import { describe, expect, it } from 'vitest';
import { displayablePorts } from '../../../src/programs/docker/format/ports.ts';
import { tabwrite } from '../../../src/programs/docker/format/tabwriter.ts';
import { FieldObject, Template, TemplateError } from '../../../src/programs/docker/format/template.ts';
import { bytesSize, goG, humanDuration, humanSize, unixOf } from '../../../src/programs/docker/format/units.ts';

describe('go-units', () => {
  it('HumanSize with 3 and 4 significant digits, decimal units', () => {
    expect(humanSize(0, 3)).toBe('0B');
    expect(humanSize(950, 3)).toBe('950B');
    expect(humanSize(1093, 3)).toBe('1.09kB');
    expect(humanSize(7_797_760, 3)).toBe('7.8MB');
    expect(humanSize(192_004_242, 3)).toBe('192MB');
    expect(humanSize(1_234_567_890, 3)).toBe('1.23GB');
    expect(humanSize(61_087_008)).toBe('61.09MB');
    expect(humanSize(999_700, 3)).toBe('1e+03kB');
  });
  it('BytesSize in binary units', () => {
    expect(bytesSize(10_915_840)).toBe('10.41MiB');
    expect(bytesSize(8_232_386_560)).toBe('7.667GiB');
    expect(bytesSize(536_870_912)).toBe('512MiB');
    expect(bytesSize(1024)).toBe('1KiB');
  });
  it("Go's %g", () => {
    expect(goG(0.000012345, 3)).toBe('1.23e-05');
    expect(goG(100, 3)).toBe('100');
  });
  it('HumanDuration', () => {
    expect(humanDuration(0.5)).toBe('Less than a second');
    expect(humanDuration(1)).toBe('1 second');
    expect(humanDuration(59)).toBe('59 seconds');
    expect(humanDuration(60)).toBe('About a minute');
    expect(humanDuration(119)).toBe('About a minute');
    expect(humanDuration(120)).toBe('2 minutes');
    expect(humanDuration(3599)).toBe('59 minutes');
    expect(humanDuration(3600)).toBe('About an hour');
    expect(humanDuration(5400)).toBe('2 hours');
    expect(humanDuration(47 * 3600)).toBe('47 hours');
    expect(humanDuration(3 * 86400)).toBe('3 days');
    expect(humanDuration(21 * 86400)).toBe('3 weeks');
    expect(humanDuration(100 * 86400)).toBe('3 months');
    expect(humanDuration(800 * 86400)).toBe('2 years');
  });
  it('parses RFC 3339 times including the zero time', () => {
    expect(unixOf('2026-11-27T03:51:49Z')).toBe(Date.UTC(2026, 10, 27, 3, 51, 49) / 1000);
    expect(unixOf('2026-11-27T03:51:49.5+01:00')).toBe(Date.UTC(2026, 10, 27, 2, 51, 49) / 1000 + 0.5);
    expect(unixOf('0001-01-01T00:00:00Z')).toBe(-62135596800);
  });
});

describe('tabwriter', () => {
  it('pads each column to its widest cell plus 3, at least 10, and leaves the last cell alone', () => {
    expect(tabwrite('A\tBB\tC\nxxxxxxxxxxxx\ty\tlast cell\n')).toBe('A              BB        C\nxxxxxxxxxxxx   y         last cell\n');
  });
  it('counts runes, not bytes', () => {
    expect(tabwrite('"ab…"\tx\n"abcd"\ty\n', 0, 3)).toBe('"ab…"    x\n"abcd"   y\n');
  });
  it('pads trailing empty cells', () => {
    expect(tabwrite('SIZE\tCOMMENT\n12.6MB\t\n')).toBe('SIZE      COMMENT\n12.6MB    \n');
  });
});

describe('templates', () => {
  const run = (src: string, dot: unknown): string => Template.parse(src).execute(dot);
  const obj = { Name: 'web', Tags: ['a', 'b'], Labels: { z: '1', a: '2' }, Size: 7797760, Nil: null, Html: '<x&y>', N: 3 };
  it('fields, maps, slices and missing keys', () => {
    expect(run('{{.Name}} {{.Tags}} {{.Labels}} {{.Size}} {{.Missing}}', obj)).toBe('web [a b] map[a:2 z:1] 7797760 <no value>');
  });
  it("Docker's functions", () => {
    expect(run('{{json .Tags}} {{json .Html}} {{join .Tags ","}} {{upper .Name}} {{title .Name}} {{split "a:b" ":"}} {{truncate .Name 2}} [{{pad .Name 1 2}}]', obj)).toBe(
      '["a","b"] "\\u003cx\\u0026y\\u003e" a,b WEB Web [a b] we [ web  ]',
    );
  });
  it("Go's builtins, control flow, variables and trim markers", () => {
    expect(run('{{printf "%-5s|%3d|%q" .Name .N .Name}}', obj)).toBe('web  |  3|"web"');
    expect(run('{{range $i, $t := .Tags}}{{$i}}={{$t}} {{end}}', obj)).toBe('0=a 1=b ');
    expect(run('{{range $k, $v := .Labels}}{{$k}}{{$v}}{{end}}', obj)).toBe('a2z1');
    expect(run('{{if eq .Name "db"}}db{{else if eq .Name "web"}}W{{else}}other{{end}}', obj)).toBe('W');
    expect(run('{{with .Labels}}{{.a}}{{end}}{{with .Nope}}x{{else}}none{{end}}', obj)).toBe('2none');
    expect(run('{{ $n := .Name }}{{- $n -}} ! {{len .Tags}} {{index .Labels "z"}} {{not .Nil}} {{and 1 0}} {{or 0 "x"}}', obj)).toBe('web! 2 1 true 0 x');
    expect(run('{{.Name | printf "%s!" | upper}}', obj)).toBe('WEB!');
  });
  it("Go's error words", () => {
    const err = (src: string, dot: unknown = obj): string => {
      try {
        Template.parse(src).execute(dot);
        return '';
      } catch (e) {
        return (e as TemplateError).message;
      }
    };
    expect(err('{{.Name')).toBe('template: :1: unclosed action');
    expect(err('{{nosuch .Name}}')).toBe('template: :1: function "nosuch" not defined');
    expect(err('{{if .Name}}x')).toBe('template: :1: unexpected EOF');
    expect(err('{{end}}')).toBe('template: :1: unexpected {{end}}');
    const ctx = new FieldObject('*formatter.ContainerContext', { ID: () => 'x' }, () => ({}));
    expect(err('a\n {{.Nope}}', ctx)).toBe('template: :2:3: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext');
  });
});

describe('PORTS', () => {
  it('groups ranges, brackets IPv6 hosts and lists mappings last', () => {
    expect(
      displayablePorts([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
        { PrivatePort: 7000, Type: 'tcp' },
        { PrivatePort: 7001, Type: 'tcp' },
        { PrivatePort: 53, Type: 'udp' },
      ]),
      // Go flushes a broken range at once and the open ranges at the end, by first appearance
    ).toBe('443/tcp, 53/udp, 7000-7001/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(displayablePorts([])).toBe('');
  });
});
